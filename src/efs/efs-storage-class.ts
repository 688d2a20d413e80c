import { Construct } from 'constructs';
import { EfsAccessMode } from './efs-access-mode';
import { EfsClaim } from './efs-claim';
import { EFS_DRIVER, EFS_PLACEHOLDER_SIZE } from './efs-driver';
import { EfsClaimOptions, EfsClaimProps, EfsStorageClassProps } from './efs-props';
import { dynamicParameters, efsMountOptions } from './efs-rules';
import { EFS_CLAIM_OPTIONS, EFS_STORAGE_CLASS_PROPS } from './schemas';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { checkScope, openConstruct } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { ReclaimPolicy, VolumeBindingMode, VolumeMode } from '../core/policies';
import { addStorageClass } from '../core/storage-class-object';

/**
 * A StorageClass of the EFS CSI driver (`efs.csi.aws.com`) that gives each
 * claim its own access point of the file system (`provisioningMode: efs-ap`).
 *
 * Claims are Filesystem only (the driver rejects Block), `ReadWriteOnce` or
 * `ReadWriteMany` (it rejects `ReadOnlyMany`), and cannot grow (it has no
 * resizer, and EFS has no size to grow). For a file system or access point
 * you made, use `EfsExistingVolume`.
 *
 * @see https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/master/docs/parameters.md
 */
export class EfsStorageClass extends Construct {
  /** The EFS file system. */
  public readonly fileSystemId: string;
  /** The StorageClass name. */
  public readonly storageClassName: string;
  private readonly claims: BackendClaims<EfsClaimOptions>;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default StorageClass name
   * @param props see `EfsStorageClassProps`
   */
  public constructor(scope: Construct, id: string, props: EfsStorageClassProps) {
    super(checkScope(scope, id, 'EfsStorageClass'), id);
    let where: string;
    ({ where, props } = openConstruct(this, 'EfsStorageClass', props, EFS_STORAGE_CLASS_PROPS));
    this.storageClassName = addStorageClass(this, where, {
      storageClassName: props.storageClassName,
      provisioner: EFS_DRIVER.provisioner,
      parameters: dynamicParameters(props, where),
      reclaimPolicy: props.reclaimPolicy ?? ReclaimPolicy.RETAIN,
      // EFS is regional: binding early strands nothing.
      volumeBindingMode: VolumeBindingMode.IMMEDIATE,
      // The driver has no resizer, and EFS no size to grow.
      allowVolumeExpansion: false,
      mountOptions: efsMountOptions(props, true, where),
    }).name;
    this.fileSystemId = props.fileSystemId; // checked by dynamicParameters
    this.claims = new BackendClaims(where, { schema: EFS_CLAIM_OPTIONS, optionsType: 'EfsClaimOptions', propsType: 'EfsClaimProps' },
      options => this.request(options),
      { mint: (claimScope, claimId, name, request) => EfsClaim._mintEfs(claimScope, claimId, name, request, this.fileSystemId) });
  }

  /** A claim with an access point of its own, mountable in any cdk8s-plus workload. */
  public claim(scope: Construct, id: string, props: EfsClaimProps = {}): EfsClaim {
    return this.claims.claim(scope, id, props) as EfsClaim;
  }

  /** A claim template for a StatefulStore: every replica gets an access point of its own. */
  public claimTemplate(name: string, options: EfsClaimOptions = {}): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  private request(options: EfsClaimOptions): BackendRequest {
    return {
      storageClassName: this.storageClassName,
      accessMode: options.accessMode ?? EfsAccessMode.READ_WRITE_MANY,
      storage: options.storage ?? EFS_PLACEHOLDER_SIZE,
      volumeMode: VolumeMode.FILESYSTEM,
    };
  }
}
