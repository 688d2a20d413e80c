import { Construct } from 'constructs';
import { BlockClaims } from './block-claims';
import { BlockProvider } from './block-provider';
import { BlockClaimOptions, BlockClaimProps, IBlockStorage, MultiAttachClaimProps } from './block-storage';
import { OCI_DEFAULT_CLASS } from './rules/oci';
import { BLOCK_STORAGE_CLASS_PROPS, PROVIDER } from './schemas';
import { checkArg, checkScope, openConstruct } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { invalid } from '../core/errors';
import { ReclaimPolicy, VolumeBindingMode } from '../core/policies';
import { AllowedTopology } from '../core/storage-class';
import { addStorageClass, importedClass } from '../core/storage-class-object';
import { VolumeClaim } from '../core/volume-claim';

/**
 * Props of a `BlockStorageClass`.
 */
export interface BlockStorageClassProps {
  /** The driver and its typed parameters, e.g. `BlockProvider.ebs({ volumeType: EbsVolumeType.GP3 })`. */
  readonly provider: BlockProvider;
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
   * What happens to a volume when its claim is deleted.
   *
   * @default ReclaimPolicy.RETAIN - the volume and its data are kept
   */
  readonly reclaimPolicy?: ReclaimPolicy;
  /**
   * Whether claims may grow. All four drivers expand volumes online; without
   * it, growing a claim is refused at admission and the only way to more space
   * is a new claim and a copy of the data.
   *
   * @default true - claims may grow
   */
  readonly allowVolumeExpansion?: boolean;
  /**
   * Restrict volumes to these zones (allowedTopologies on the driver's zone key).
   * Rarely needed: with WaitForFirstConsumer the volume is made in the pod's zone.
   *
   * @default - any zone
   */
  readonly zones?: string[];
  /**
   * Mount options of the volumes' filesystems.
   *
   * @default - none
   */
  readonly mountOptions?: string[];
}

/**
 * A StorageClass for topology-bound block storage, with the provider's typed
 * parameters and `WaitForFirstConsumer` binding (a zonal disk made before the
 * pod is scheduled can strand the pod in another zone).
 *
 * ```ts
 * const fast = new BlockStorageClass(chart, 'fast', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.GP3, iops: 4000, throughput: 250 }) });
 * ```
 */
export class BlockStorageClass extends Construct implements IBlockStorage {
  /**
   * OKE's pre-installed `oci-bv` class (the default class of clusters created
   * at Kubernetes 1.24 and later): OCI Block Volume with the driver's defaults.
   */
  public static ociDefault(): IBlockStorage {
    return BlockStorageClass.fromStorageClassName(OCI_DEFAULT_CLASS, BlockProvider.oci());
  }

  /**
   * A block-storage class the cluster already has, made for `provider` with the
   * parameters that `provider` describes (claims are checked against them).
   * Creates nothing.
   *
   * @param storageClassName the name of the class in the cluster
   * @param provider the driver and the parameters the class was made with
   */
  public static fromStorageClassName(storageClassName: string, provider: BlockProvider): IBlockStorage {
    const imported = importedClass('BlockStorageClass', storageClassName);
    checkArg(imported.where, 'provider', provider, PROVIDER);
    return new BlockClaims(imported.storageClassName, provider, imported.where);
  }

  /** The StorageClass name. */
  public readonly storageClassName: string;
  /** The driver and its parameters. */
  public readonly provider: BlockProvider;
  private readonly claims: BlockClaims;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default StorageClass name
   * @param props see `BlockStorageClassProps`
   */
  public constructor(scope: Construct, id: string, props: BlockStorageClassProps) {
    super(checkScope(scope, id, 'BlockStorageClass'), id);
    const { where, props: checked } = openConstruct(this, 'BlockStorageClass', props, BLOCK_STORAGE_CLASS_PROPS);
    this.provider = checked.provider;
    this.storageClassName = addStorageClass(this, where, {
      storageClassName: checked.storageClassName,
      isDefault: checked.isDefault,
      provisioner: checked.provider.provisioner,
      parameters: checked.provider.parameters,
      reclaimPolicy: checked.reclaimPolicy ?? ReclaimPolicy.RETAIN,
      volumeBindingMode: VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER,
      allowVolumeExpansion: checked.allowVolumeExpansion ?? true,
      mountOptions: checked.mountOptions,
      allowedTopologies: this.zoneTopology(checked.zones, where),
    }).name;
    this.claims = new BlockClaims(this.storageClassName, checked.provider, where);
  }

  public claim(scope: Construct, id: string, props: BlockClaimProps): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  public claimTemplate(name: string, options: BlockClaimOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  public multiAttachClaim(scope: Construct, id: string, props: MultiAttachClaimProps): VolumeClaim {
    return this.claims.multiAttachClaim(scope, id, props);
  }

  private zoneTopology(zones: string[] | undefined, where: string): AllowedTopology[] | undefined {
    if (!zones) return undefined;
    const key = this.provider._rules.topologyKey;
    if (zones.length === 0) {
      throw invalid({ where, prop: 'zones', value: zones, allowed: 'at least one zone', fix: 'list the zones, or omit zones' });
    }
    const empty = zones.find(zone => zone.trim() === '');
    const repeated = zones.find((zone, i) => zones.indexOf(zone) < i);
    if (empty !== undefined || repeated !== undefined) {
      throw invalid({
        where,
        prop: 'zones',
        value: empty ?? repeated,
        allowed: 'each zone named once (the API server refuses a repeated value), none empty',
        fix: empty !== undefined ? 'remove the empty zone' : `list "${repeated}" once`,
      });
    }
    const format = this.provider._rules.zoneFormat;
    const odd = format && zones.find(zone => !format.pattern.test(zone));
    if (format && odd !== undefined) {
      throw invalid({
        where,
        prop: 'zones',
        value: odd,
        allowed: `zone names such as "${format.example}" (${this.provider._rules.label} ignores other names and makes the volume without a zone)`,
        fix: `write the zone as the node label ${key} shows it, e.g. "${format.example}"`,
      });
    }
    const problem = this.provider._rules.classProblems?.(this.provider.parameters, zones).find(p => p.parameter === 'allowedTopologies');
    if (problem) throw invalid({ where, prop: 'zones', value: zones, allowed: problem.allowed, fix: problem.fix });
    return [{ matchLabelExpressions: [{ key, values: zones }] }];
  }
}
