import { Construct } from 'constructs';
import { BlockProvider } from './block-provider';
import { BlockClaimOptions, BlockClaimProps, BlockStorage, IBlockStorage, MultiAttachClaimProps } from './block-storage';
import { BLOCK_STORAGE_CLASS_PROPS } from './schemas';
import { checkProps, checkScope } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { describeConstruct, invalid } from '../core/errors';
import { nameFromId } from '../core/names';
import { ReclaimPolicy, VolumeBindingMode } from '../core/policies';
import { AllowedTopology, StorageClass } from '../core/storage-class';
import { VolumeClaim } from '../core/volume-claim';

/**
 * Props of a `BlockStorageClass`.
 */
export interface BlockStorageClassProps {
  /** The driver and its typed parameters, e.g. `BlockProvider.ebs({ type: EbsVolumeType.GP3 })`. */
  readonly provider: BlockProvider;
  /**
   * The StorageClass name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * What happens to a volume when its claim is deleted.
   *
   * @default ReclaimPolicy.RETAIN
   */
  readonly reclaimPolicy?: ReclaimPolicy;
  /**
   * Whether claims may grow. All four drivers expand volumes online; without
   * it, growing a claim is refused at admission and the only way to more space
   * is a new claim and a copy of the data.
   *
   * @default true
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
 * const fast = new BlockStorageClass(chart, 'fast', { provider: BlockProvider.ebs({ type: EbsVolumeType.GP3, iops: 4000, throughput: 250 }) });
 * ```
 */
export class BlockStorageClass extends Construct implements IBlockStorage {
  /** The StorageClass. */
  public readonly storageClass: StorageClass;
  public readonly storageClassName: string;
  public readonly provider: BlockProvider;
  private readonly storage: BlockStorage;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default StorageClass name
   * @param props see `BlockStorageClassProps`
   */
  public constructor(scope: Construct, id: string, props: BlockStorageClassProps) {
    super(checkScope(scope, id, 'BlockStorageClass'), id);
    props = checkProps(describeConstruct(this, 'BlockStorageClass'), props, BLOCK_STORAGE_CLASS_PROPS, 'BlockStorageClassProps');
    this.provider = props.provider;
    this.storageClass = new StorageClass(this, 'Resource', {
      name: props.name ?? nameFromId(id),
      provisioner: props.provider.provisioner,
      parameters: props.provider.parameters,
      reclaimPolicy: props.reclaimPolicy ?? ReclaimPolicy.RETAIN,
      volumeBindingMode: VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER,
      allowVolumeExpansion: props.allowVolumeExpansion ?? true,
      mountOptions: props.mountOptions,
      allowedTopologies: this.zoneTopology(props.zones),
    });
    this.storageClassName = this.storageClass.name;
    this.storage = BlockStorage.existing(this.storageClassName, props.provider);
  }

  public claim(scope: Construct, id: string, props: BlockClaimProps): VolumeClaim {
    return this.storage.claim(scope, id, props);
  }

  public claimTemplate(name: string, options: BlockClaimOptions): ClaimTemplate {
    return this.storage.claimTemplate(name, options);
  }

  public multiAttachClaim(scope: Construct, id: string, props: MultiAttachClaimProps): VolumeClaim {
    return this.storage.multiAttachClaim(scope, id, props);
  }

  private zoneTopology(zones: string[] | undefined): AllowedTopology[] | undefined {
    if (!zones) return undefined;
    const key = this.provider._rules.topologyKey;
    if (zones.length === 0) {
      throw invalid({ where: describeConstruct(this, 'BlockStorageClass'), prop: 'zones', value: zones, allowed: 'at least one zone', fix: 'list the zones, or omit zones' });
    }
    const format = this.provider._rules.zoneFormat;
    const odd = format && zones.find(zone => !format.pattern.test(zone));
    if (format && odd !== undefined) {
      throw invalid({
        where: describeConstruct(this, 'BlockStorageClass'),
        prop: 'zones',
        value: odd,
        allowed: `zone names such as "${format.example}" (${this.provider._rules.label} ignores other names and makes the volume without a zone)`,
        fix: `write the zone as the node label ${key} shows it, e.g. "${format.example}"`,
      });
    }
    return [{ matchLabelExpressions: [{ key, values: zones }] }];
  }
}
