import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { BlockAccessMode } from './block-access-mode';
import { BlockAttributesClass } from './block-attributes-class';
import { BlockProvider } from './block-provider';
import { BlockClaimOptions, BlockClaimProps, IBlockStorage, MultiAttachClaimProps } from './block-storage';
import { BLOCK_CLAIM_OPTIONS, MULTI_ATTACH_CLAIM_PROPS } from './schemas';
import { AccessMode } from '../core/access-mode';
import { IVolumeAttributesClass, checkAttributesClassDriver } from '../core/attributes-class-object';
import { BackendClaims, BackendRequest, claimWhere } from '../core/backend-claims';
import { checkProps } from '../core/checks';
import { claimSourceOf } from '../core/claim-source';
import { ClaimTemplate } from '../core/claim-template';
import { invalid } from '../core/errors';
import { VolumeMode } from '../core/policies';
import { sizeInBytes } from '../core/quantity';
import { VolumeClaim } from '../core/volume-claim';
import { meetsMinimum } from '../core/volume-driver';
/**
 * The claims of a block-storage class, made by this app or imported: what
 * `IBlockStorage` promises, checked against the provider's rules.
 */
export class BlockClaims implements IBlockStorage {
  private readonly claims: BackendClaims<BlockClaimOptions>;

  /**
   * @param storageClassName the class name, already validated
   * @param provider the driver and its parameters
   * @param where the class, for messages
   */
  public constructor(public readonly storageClassName: string, public readonly provider: BlockProvider, private readonly where: string) {
    this.claims = new BackendClaims(where, { schema: BLOCK_CLAIM_OPTIONS, optionsType: 'BlockClaimOptions', propsType: 'BlockClaimProps' },
      (options, claimAt) => this.request(options, claimAt));
  }

  public claim(scope: Construct, id: string, props: BlockClaimProps): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  public claimTemplate(name: string, options: BlockClaimOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  public multiAttachClaim(scope: Construct, id: string, props: MultiAttachClaimProps): VolumeClaim {
    const where = claimWhere(scope, id, this.where);
    props = checkProps(where, props, MULTI_ATTACH_CLAIM_PROPS, 'MultiAttachClaimProps');
    this.checkBlockMode(where, 'multiAttachClaim', this.storageClassName);
    const problem = this.provider._rules.multiAttachProblem;
    if (problem) {
      throw invalid({
        where,
        prop: 'multiAttachClaim',
        value: this.storageClassName,
        allowed: 'raw-block multi-attach on EBS io2, OCI (not Ultra High Performance), GCE pd-ssd or hyperdisk-balanced, or Azure with maxShares of 2 or more',
        fix: `${problem}; use a class that serves it, or a file-storage backend (NFS, EFS) to share files`,
      });
    }
    return VolumeClaim._mint(scope, id, props.name, {
      storageClassName: this.storageClassName,
      accessMode: AccessMode.READ_WRITE_MANY,
      volumeMode: VolumeMode.BLOCK,
      storage: this.checkedSize(props.storage, props.roundUpToMinimum ?? false, where),
      driver: this.provider.provisioner,
    });
  }

  private request(options: BlockClaimOptions, where: string): BackendRequest {
    const volumeMode = options.volumeMode ?? VolumeMode.FILESYSTEM;
    if (volumeMode === VolumeMode.BLOCK) this.checkBlockMode(where, 'volumeMode', VolumeMode.BLOCK);
    const storage = this.checkedSize(options.storage, options.roundUpToMinimum ?? false, where);
    return {
      storageClassName: this.storageClassName,
      accessMode: options.accessMode ?? BlockAccessMode.READ_WRITE_ONCE,
      volumeMode,
      storage,
      capacity: this.capacityOf(storage, where),
      driver: this.provider.provisioner,
      source: claimSourceOf(options, {
        driver: this.provider.provisioner, cloning: this.provider._rules.cloning, storageClassName: this.storageClassName, storage, volumeMode,
      }, where),
      volumeAttributesClassName: options.attributesClass && this.checkedAttributes(options.attributesClass, where),
    };
  }

  /** The volume the driver makes for `storage`: whole GiB on every block driver. */
  private capacityOf(storage: Size, where: string): Size {
    const bytes = sizeInBytes(storage, where, 'storage');
    const gib = 1024n * 1024n * 1024n;
    if (!this.provider._rules.roundsToGiB || bytes % gib === 0n) return storage;
    return Size.gibibytes(Number((bytes + gib - 1n) / gib));
  }

  /** A VolumeAttributesClass of this driver, which the volumes of this class can take. */
  private checkedAttributes(attributes: IVolumeAttributesClass, where: string): string {
    const name = checkAttributesClassDriver(attributes, this.provider.provisioner, where);
    const problem = attributes instanceof BlockAttributesClass ? attributes.attributes._problemOn(this.provider.parameters) : undefined;
    if (problem) {
      throw invalid({
        where,
        prop: 'attributesClass',
        value: name,
        allowed: `attributes a volume of class "${this.storageClassName}" can take: ${problem}`,
        fix: 'use a VolumeAttributesClass that fits the class\'s volume type, or a class whose volumes can take it',
      });
    }
    return name;
  }

  /** Block volumes are refused by some classes (OCI Ultra High Performance, EBS with mkfs options). */
  private checkBlockMode(where: string, prop: string, value: string): void {
    const problem = this.provider._rules.blockModeProblem;
    if (problem) {
      throw invalid({
        where,
        prop,
        value,
        allowed: `Filesystem volumes on this class: ${problem}`,
        fix: 'use volumeMode Filesystem, or a class that serves Block volumes',
      });
    }
  }

  /** The size to request: the driver's limits hold, and nothing is enlarged silently. */
  private checkedSize(storage: Size, roundUp: boolean, where: string): Size {
    const { minimumSize, maximumSize, label } = this.provider._rules;
    const bytes = sizeInBytes(storage, where, 'storage');
    if (maximumSize && bytes > sizeInBytes(maximumSize, where, 'maximum')) {
      throw invalid({
        where,
        prop: 'storage',
        value: storage.asString(),
        allowed: `at most ${maximumSize.asString()} on ${label}`,
        fix: `ask for ${maximumSize.asString()} or less, or spread the data over several volumes`,
      });
    }
    if (!minimumSize || meetsMinimum(minimumSize, bytes, where)) return storage;
    if (roundUp) return minimumSize.size;
    throw invalid({
      where,
      prop: 'storage',
      value: storage.asString(),
      allowed: `at least ${minimumSize.size.asString()}: ${minimumSize.reason}`,
      fix: `ask for ${minimumSize.size.asString()}, or pass roundUpToMinimum: true to have the claim ask for it`,
    });
  }
}
