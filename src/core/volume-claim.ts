import { ApiObject, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AccessMode } from './access-mode';
import { BindingProblem, ClaimRequest, renderClaimSpec } from './claim-request';
import { ClaimSource, checkSourceNamespace } from './claim-source';
import { describeChild, describeConstruct, invalid } from './errors';
import { kubeObject, PVC_KIND } from './kube-json';
import { claimObjectName } from './name-registry';
import { NameRule, nameOrId } from './names';
import { VolumeMode } from './policies';
import { protectFromPruning } from './prune-protection';
import { checkAtSynth } from './synth-checks';

/**
 * What a storage backend decided about a claim: the constructor props of a
 * `VolumeClaim`, which only backends make.
 */
export interface VolumeClaimProps {
  /**
   * The PVC name (a DNS-1123 subdomain).
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /** `spec.storageClassName`; "" binds only to PVs without a class (static provisioning). */
  readonly storageClassName: string;
  /** The access mode. */
  readonly accessMode: AccessMode;
  /** The storage requested. */
  readonly storage: Size;
  /**
   * Filesystem or Block.
   *
   * @default VolumeMode.FILESYSTEM - a mounted filesystem
   */
  readonly volumeMode?: VolumeMode;
  /**
   * Pre-binds the claim to this PV (static provisioning).
   *
   * @default - any PV that matches
   */
  readonly volumeName?: string;
  /**
   * Binds only to PVs with these labels (static provisioning).
   *
   * @default - no selector
   */
  readonly selectorLabels?: { [key: string]: string };
  /**
   * The driver that provisions the claim.
   *
   * @default - not known (a class the cluster has, of a driver this library does not model)
   */
  readonly driver?: string;
}

/**
 * A PersistentVolumeClaim minted by a storage backend (`backend.claim(...)`).
 *
 * With cdk8s-plus-27 (this library's peer) it is an `IStorage`:
 * `container.mount('/data', claim)`. It is also a cdk8s-plus
 * `IPersistentVolumeClaim`, an interface with no private members that is the
 * same in cdk8s-plus-27 to -33, so any of those versions mounts it through its
 * own `Volume`: `container.mount('/data', Volume.fromPersistentVolumeClaim(scope, 'data', claim))`.
 * The storage request renders exactly as given (`Size.mebibytes(512)` is `512Mi`).
 *
 * There is no public constructor, and no subclass: a claim comes from a
 * backend, which only offers the access modes, volume modes and sizes its
 * driver serves.
 */
export class VolumeClaim extends Construct implements kplus.IStorage, kplus.IPersistentVolumeClaim {
  /**
   * @internal Used by backends of this library to mint a claim.
   */
  public static _mint(scope: Construct, id: string, name: string | undefined, request: Omit<ClaimRequest, 'where'>): VolumeClaim {
    // A claim reads its snapshot or source claim in its own namespace only.
    if (request.source) checkSourceNamespace(request.source, scope, describeChild(scope, id, 'VolumeClaim'), request.source.isClone ? 'cloneFrom' : 'restoreFrom');
    // Every backend's access-mode enum carries the Kubernetes strings of AccessMode.
    const claim = new VolumeClaim(scope, id, { ...request, name, accessMode: request.accessMode as AccessMode });
    claim.checkBindingAtSynth(request.bindingProblem);
    return claim;
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
  /** The driver that provisions the claim (`ebs.csi.aws.com`), when the backend knows it. */
  public readonly driver?: string;
  /** The VolumeAttributesClass the driver applies to the volume, if any. */
  public readonly volumeAttributesClassName?: string;
  /** `v1`, for cdk8s-plus `IPersistentVolumeClaim`. */
  public readonly apiVersion: string = 'v1';
  /** `PersistentVolumeClaim`, for cdk8s-plus `IPersistentVolumeClaim`. */
  public readonly kind: string = 'PersistentVolumeClaim';
  /** The core API group, written "" as RBAC rules name it (as cdk8s-plus's imported claims do). */
  public readonly apiGroup: string = '';
  /** `persistentvolumeclaims`, the RBAC resource, for cdk8s-plus `IPersistentVolumeClaim`. */
  public readonly resourceType: string = 'persistentvolumeclaims';
  /** The PVC name, as cdk8s-plus names the object of an RBAC rule. */
  public readonly resourceName?: string;
  /** The synthesized object, for escape hatches such as `addJsonPatch`. */
  public readonly apiObject: ApiObject;
  private volume?: kplus.Volume;
  private readonly capacity: Size;

  /**
   * @param scope the parent construct
   * @param id the construct id; lower-cased, it is the default PVC name
   * @param props what the backend decided
   */
  private constructor(scope: Construct, id: string, props: VolumeClaimProps & Pick<ClaimRequest, 'source' | 'volumeAttributesClassName' | 'capacity'>) {
    super(scope, id);
    const where = describeConstruct(this, 'VolumeClaim');
    this.name = nameOrId(props.name, id, NameRule.DNS_SUBDOMAIN, where, 'name');
    this.resourceName = this.name;
    this.storageClassName = props.storageClassName;
    this.accessMode = props.accessMode;
    this.storage = props.storage;
    this.volumeMode = props.volumeMode ?? VolumeMode.FILESYSTEM;
    this.driver = props.driver;
    this.volumeAttributesClassName = props.volumeAttributesClassName;
    this.capacity = props.capacity ?? props.storage;
    const spec = renderClaimSpec({ ...props, volumeMode: this.volumeMode, where });
    claimObjectName(this, 'PersistentVolumeClaim', this.name, 'name');
    this.apiObject = kubeObject(this, 'Resource', PVC_KIND, { metadata: { name: this.name }, spec });
    protectFromPruning(this.apiObject);
  }

  /** @internal The size of the volume the driver makes for this claim (what a snapshot of it restores to). */
  public get _capacity(): Size {
    return this.capacity;
  }

  /**
   * @internal This claim as the source of a clone: the clone gets its class,
   * its volume mode and at least its size, from its driver.
   */
  public _cloneSource(): ClaimSource {
    return {
      ref: { kind: 'PersistentVolumeClaim', name: this.name },
      isClone: true,
      driver: this.driver,
      storage: this.storage,
      volumeMode: this.volumeMode,
      volumeModeChangeAllowed: false,
      storageClassName: this.storageClassName,
      construct: this,
    };
  }

  /** Backends whose volumes are known (local disks) check at synthesis that the claim can bind. */
  private checkBindingAtSynth(bindingProblem: ((count: number) => BindingProblem | undefined) | undefined): void {
    if (!bindingProblem) return;
    checkAtSynth(this, () => {
      const problem = bindingProblem(1);
      return problem ? [invalid({
        where: describeConstruct(this, 'VolumeClaim'),
        prop: 'storage',
        value: this.storage.asString(),
        allowed: `a claim that can bind, and it could never: it needs ${problem.why}`,
        fix: problem.fix,
      }).message] : [];
    });
  }

  /**
   * The pod volume of this claim, for cdk8s-plus-27 `mount` (with cdk8s-plus-28
   * to -33, use that version's `Volume.fromPersistentVolumeClaim(scope, id, claim)`).
   * A Block-mode claim is a raw device, which cdk8s-plus cannot mount: use it
   * in a `StatefulStore` or as a `volumeDevices` entry instead.
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
    this.volume ??= kplus.Volume.fromPersistentVolumeClaim(this, 'Volume', this);
    return this.volume;
  }
}
