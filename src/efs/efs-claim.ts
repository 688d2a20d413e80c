import { Construct } from 'constructs';
import { ClaimRequest } from '../core/claim-request';
import { VolumeClaim } from '../core/volume-claim';

/**
 * A claim on EFS (`efs.claim(...)`): a `VolumeClaim` that also says which
 * file system it is on. Mountable in any cdk8s-plus workload.
 */
export class EfsClaim extends VolumeClaim {
  /** @internal */
  public static _mintEfs(scope: Construct, id: string, name: string | undefined, request: Omit<ClaimRequest, 'where'>, fileSystemId: string): EfsClaim {
    return new EfsClaim(scope, id, name, request, fileSystemId);
  }

  /** The EFS file system. */
  public readonly fileSystemId: string;

  private constructor(scope: Construct, id: string, name: string | undefined, request: Omit<ClaimRequest, 'where'>, fileSystemId: string) {
    super(scope, id, VolumeClaim._props(name, request));
    this.fileSystemId = fileSystemId;
  }
}
