import { Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ClaimRequest, renderClaimSpec } from './claim-request';
import { describeConstruct, invalid } from './errors';
import { claimObjectName } from './name-registry';
import { NameRule, nameFromId, validateName } from './names';
import { VolumeMode } from './policies';

/**
 * A PersistentVolumeClaim minted by a storage backend (`backend.claim(...)`).
 *
 * It is a cdk8s-plus `IStorage`, so any cdk8s-plus workload can mount it:
 * `container.mount('/data', claim)`. The storage request renders exactly as
 * given (`Size.mebibytes(512)` is `512Mi`).
 *
 * There is no public constructor: a claim comes from a backend, which only
 * offers the access modes, volume modes and sizes its driver serves.
 */
export class VolumeClaim extends Construct implements kplus.IStorage {
  /**
   * @internal Used by backends of this library to mint a claim.
   */
  public static _mint(scope: Construct, id: string, name: string | undefined, request: Omit<ClaimRequest, 'where'>): VolumeClaim {
    return new VolumeClaim(scope, id, name, request);
  }

  /** The PVC name. */
  public readonly name: string;
  /** `spec.storageClassName` ("" for a claim that binds to a static PV only). */
  public readonly storageClassName: string;
  /** The access mode, as the Kubernetes string. */
  public readonly accessMode: string;
  /** The storage requested. */
  public readonly storage: Size;
  /** Filesystem or Block. */
  public readonly volumeMode: VolumeMode;
  /** The synthesized object, for escape hatches such as `addJsonPatch`. */
  public readonly apiObject: k8s.KubePersistentVolumeClaim;
  private volume?: kplus.Volume;

  private constructor(scope: Construct, id: string, name: string | undefined, request: Omit<ClaimRequest, 'where'>) {
    super(scope, id);
    const where = describeConstruct(this, 'VolumeClaim');
    this.name = validateName(name ?? nameFromId(id), NameRule.DNS_SUBDOMAIN, where, 'name');
    this.storageClassName = request.storageClassName;
    this.accessMode = request.accessMode;
    this.storage = request.storage;
    this.volumeMode = request.volumeMode;
    const spec = renderClaimSpec({ ...request, where });
    claimObjectName(this, 'PersistentVolumeClaim', Chart.of(this).namespace, this.name);
    this.apiObject = new k8s.KubePersistentVolumeClaim(this, 'Resource', { metadata: { name: this.name }, spec });
    const bindingProblem = request.bindingProblem;
    if (bindingProblem) {
      this.node.addValidation({
        validate: () => [bindingProblem(1)].filter((p): p is string => p !== undefined).map(p => `${where}: could never bind: it ${p}`),
      });
    }
  }

  /**
   * The pod volume of this claim, for cdk8s-plus `mount`. A Block-mode claim is
   * a raw device, which cdk8s-plus cannot mount: use it in a `StatefulStore` or
   * as a `volumeDevices` entry instead.
   */
  public asVolume(): kplus.Volume {
    if (this.volumeMode === VolumeMode.BLOCK) {
      throw invalid({
        where: describeConstruct(this, 'VolumeClaim'),
        prop: 'volumeMode',
        value: this.volumeMode,
        allowed: 'Filesystem, for a claim mounted at a path',
        fix: 'a Block claim is a raw device: expose it through volumeDevices (for example a StatefulStore volume), or ask for a Filesystem claim',
      });
    }
    this.volume ??= kplus.Volume.fromPersistentVolumeClaim(
      this, 'Volume', kplus.PersistentVolumeClaim.fromClaimName(this, 'Ref', this.name),
    );
    return this.volume;
  }
}
