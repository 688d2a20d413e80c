import { ApiObject, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { AccessMode } from './access-mode';
import { BackendClaims } from './backend-claims';
import { checkArg, checkProps, checkScope, str } from './checks';
import { ClaimTemplate } from './claim-template';
import { declaredModes, requestOnDeclaredModes } from './declared-modes';
import { describeConstruct } from './errors';
import { NameRule, validateName } from './names';
import { ReclaimPolicy, VolumeBindingMode, VolumeMode } from './policies';
import { STORAGE_CLASS_CAPABILITIES, STORAGE_CLASS_CLAIM_OPTIONS, STORAGE_CLASS_PROPS } from './schemas';
import { addStorageClass } from './storage-class-object';
import { VolumeClaim } from './volume-claim';

/**
 * One requirement of a topology term: the node label `key` must have one of `values`.
 */
export interface TopologyRequirement {
  /** The node label key, for example `topology.kubernetes.io/zone`. */
  readonly key: string;
  /** The label values that are allowed; at least one. */
  readonly values: string[];
}

/**
 * One term of `allowedTopologies`: all its requirements must hold (terms are ORed).
 */
export interface AllowedTopology {
  /** The requirements of this term; at least one. */
  readonly matchLabelExpressions: TopologyRequirement[];
}

/**
 * What a class's driver really serves: claims on the class may only ask for these.
 */
export interface StorageClassCapabilities {
  /**
   * The access modes the class's driver serves; the first is the default of its claims.
   */
  readonly accessModes: AccessMode[];
  /**
   * The volume modes the class's driver serves.
   *
   * @default [VolumeMode.FILESYSTEM] - claims are mounted filesystems only
   */
  readonly volumeModes?: VolumeMode[];
}

/**
 * Props of a `StorageClass`.
 */
export interface StorageClassProps extends StorageClassCapabilities {
  /**
   * The StorageClass name (a DNS-1123 subdomain).
   *
   * @default - the construct id, lower-cased; never derived from the construct path
   */
  readonly storageClassName?: string;
  /**
   * Mark the class the cluster's default (annotation
   * storageclass.kubernetes.io/is-default-class: "true"): claims that name no
   * class get it. One default per app: a second is refused, since Kubernetes
   * would give such claims whichever default class was made last.
   *
   * @default false
   */
  readonly isDefault?: boolean;
  /**
   * The provisioner (CSI driver name), for example `ebs.csi.aws.com`.
   */
  readonly provisioner: string;
  /**
   * Parameters passed to the provisioner; at most 512 entries and 256 KiB in all.
   *
   * Immutable: changing them later is refused by the API server.
   *
   * @default - no parameters: the provisioner's own defaults
   */
  readonly parameters?: { [key: string]: string };
  /**
   * What happens to a dynamically provisioned volume when its claim is deleted.
   *
   * @default ReclaimPolicy.RETAIN - the volume and its data are kept
   */
  readonly reclaimPolicy?: ReclaimPolicy;
  /**
   * When claims are bound and provisioned.
   *
   * @default VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER - volumes are created where the pod is scheduled
   */
  readonly volumeBindingMode?: VolumeBindingMode;
  /**
   * Whether claims of this class may grow. Only set it for drivers that can expand volumes.
   *
   * @default false - growing a claim is refused at admission
   */
  readonly allowVolumeExpansion?: boolean;
  /**
   * Mount options for volumes of this class. Not validated by Kubernetes: a bad
   * option fails at mount time.
   *
   * @default - none: the driver's and the node's defaults
   */
  readonly mountOptions?: string[];
  /**
   * Topologies where volumes of this class may be provisioned.
   *
   * @default - anywhere the provisioner can reach
   * @see https://kubernetes.io/docs/concepts/storage/storage-classes/#allowed-topologies
   */
  readonly allowedTopologies?: AllowedTopology[];
}

/**
 * Options of a claim or claim template on a `StorageClass` (made here or imported).
 */
export interface StorageClassClaimOptions {
  /** The storage requested. Rendered exactly: `Size.mebibytes(512)` is `512Mi`. */
  readonly storage: Size;
  /**
   * The access mode; must be one the class declares.
   *
   * @default - the first of the class's access modes
   */
  readonly accessMode?: AccessMode;
  /**
   * Filesystem or Block; must be one the class declares.
   *
   * @default VolumeMode.FILESYSTEM - a mounted filesystem
   */
  readonly volumeMode?: VolumeMode;
}

/**
 * Props of a claim on a `StorageClass`.
 */
export interface StorageClassClaimProps extends StorageClassClaimOptions {
  /**
   * The PVC name (a DNS-1123 subdomain).
   *
   * @default - the construct id, lower-cased; never derived from the construct path
   */
  readonly name?: string;
}

/**
 * A StorageClass for a provisioner this library does not model, made by this
 * app (`new StorageClass`) or already in the cluster
 * (`StorageClass.fromStorageClassName`). It mints claims on the modes
 * declared for it.
 */
export interface IStorageClass {
  /** The StorageClass name. */
  readonly storageClassName: string;
  /** The access modes its driver serves; the first is the default. */
  readonly accessModes: AccessMode[];
  /** The volume modes its driver serves. */
  readonly volumeModes: VolumeMode[];

  /** A PersistentVolumeClaim on this class, mountable in any cdk8s-plus workload. */
  claim(scope: Construct, id: string, props: StorageClassClaimProps): VolumeClaim;

  /** A per-replica claim template for a `StatefulStore`. */
  claimTemplate(name: string, options: StorageClassClaimOptions): ClaimTemplate;
}

/**
 * A Kubernetes StorageClass with typed, validated fields and safe defaults
 * (`Retain`, `WaitForFirstConsumer`, no expansion), for a provisioner this
 * library does not model. It mints claims on the access and volume modes
 * declared for it; the backends of this library mint claims on their own
 * classes with their own typed modes.
 *
 * ```ts
 * const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });
 * const claim = standard.claim(chart, 'data', { storage: Size.gibibytes(5) });
 * ```
 */
export class StorageClass extends Construct implements IStorageClass {
  /**
   * A StorageClass the cluster already has. Creates nothing; claims are
   * checked against the capabilities declared here.
   *
   * @param storageClassName the name of the class in the cluster
   * @param capabilities what its driver serves
   */
  public static fromStorageClassName(storageClassName: string, capabilities: StorageClassCapabilities): IStorageClass {
    checkArg('StorageClass.fromStorageClassName', 'storageClassName', storageClassName, str('the name of a StorageClass in the cluster'));
    return new ImportedStorageClass(storageClassName, capabilities);
  }

  /** The StorageClass name. */
  public readonly storageClassName: string;
  /** The provisioner. */
  public readonly provisioner: string;
  /** The reclaim policy of the volumes it provisions. */
  public readonly reclaimPolicy: ReclaimPolicy;
  /** Its volume binding mode. */
  public readonly volumeBindingMode: VolumeBindingMode;
  /** Whether claims of this class may grow. */
  public readonly allowVolumeExpansion: boolean;
  /** The access modes its driver serves, as declared; the first is the default of its claims. */
  public readonly accessModes: AccessMode[];
  /** The volume modes its driver serves, as declared. */
  public readonly volumeModes: VolumeMode[];
  /** The synthesized object, for escape hatches such as `addJsonPatch`. */
  public readonly apiObject: ApiObject;
  private readonly claims: BackendClaims<StorageClassClaimOptions>;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default Kubernetes name
   * @param props see `StorageClassProps`
   */
  public constructor(scope: Construct, id: string, props: StorageClassProps) {
    super(checkScope(scope, id, 'StorageClass'), id);
    const where = describeConstruct(this, 'StorageClass');
    props = checkProps(where, props, STORAGE_CLASS_PROPS, 'StorageClassProps');
    this.provisioner = props.provisioner;
    this.reclaimPolicy = props.reclaimPolicy ?? ReclaimPolicy.RETAIN;
    this.volumeBindingMode = props.volumeBindingMode ?? VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER;
    this.allowVolumeExpansion = props.allowVolumeExpansion ?? false;
    ({ accessModes: this.accessModes, volumeModes: this.volumeModes } = declaredModes(props, where));
    const { apiObject, name } = addStorageClass(this, where, {
      ...props,
      reclaimPolicy: this.reclaimPolicy,
      volumeBindingMode: this.volumeBindingMode,
      allowVolumeExpansion: this.allowVolumeExpansion,
    });
    this.apiObject = apiObject;
    this.storageClassName = name;
    this.claims = storageClassClaims(this, where);
  }

  public claim(scope: Construct, id: string, props: StorageClassClaimProps): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  public claimTemplate(name: string, options: StorageClassClaimOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }
}

/** A class the cluster has: the same claims, nothing rendered. */
class ImportedStorageClass implements IStorageClass {
  public readonly storageClassName: string;
  public readonly accessModes: AccessMode[];
  public readonly volumeModes: VolumeMode[];
  private readonly claims: BackendClaims<StorageClassClaimOptions>;

  public constructor(storageClassName: string, capabilities: StorageClassCapabilities) {
    const where = `StorageClass.fromStorageClassName(${JSON.stringify(storageClassName)})`;
    capabilities = checkProps(where, capabilities, STORAGE_CLASS_CAPABILITIES, 'StorageClassCapabilities');
    this.storageClassName = validateName(storageClassName, NameRule.DNS_SUBDOMAIN, where, 'storageClassName');
    ({ accessModes: this.accessModes, volumeModes: this.volumeModes } = declaredModes(capabilities, where));
    this.claims = storageClassClaims(this, where);
  }

  public claim(scope: Construct, id: string, props: StorageClassClaimProps): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  public claimTemplate(name: string, options: StorageClassClaimOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }
}

function storageClassClaims(storageClass: IStorageClass, where: string): BackendClaims<StorageClassClaimOptions> {
  return new BackendClaims(where, { schema: STORAGE_CLASS_CLAIM_OPTIONS, optionsType: 'StorageClassClaimOptions', propsType: 'StorageClassClaimProps' },
    (options, claimWhere) => requestOnDeclaredModes(storageClass, options, claimWhere));
}
