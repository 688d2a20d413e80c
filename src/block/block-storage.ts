import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { BlockAccessMode } from './block-access-mode';
import { BlockProvider } from './block-provider';
import { OCI_DEFAULT_CLASS } from './rules/oci';
import { BLOCK_CLAIM_OPTIONS, BLOCK_CLAIM_PROPS, MULTI_ATTACH_CLAIM_PROPS, PROVIDER } from './schemas';
import { AccessMode } from '../core/access-mode';
import { checkArg, str } from '../core/checks';
import { claimArgs, templateArgs } from '../core/claim-entry';
import { ClaimRequest } from '../core/claim-request';
import { ClaimTemplate } from '../core/claim-template';
import { invalid } from '../core/errors';
import { NameRule, validateName } from '../core/names';
import { VolumeMode } from '../core/policies';
import { sizeInBytes } from '../core/quantity';
import { VolumeClaim } from '../core/volume-claim';

/**
 * Options of a claim or claim template on block storage.
 */
export interface BlockClaimOptions {
  /** The storage requested, within the provider's limits (OCI: 50Gi to 32Ti; EBS per volume type). */
  readonly storage: Size;
  /**
   * The access mode.
   *
   * @default BlockAccessMode.READ_WRITE_ONCE
   */
  readonly accessMode?: BlockAccessMode;
  /**
   * A formatted filesystem, or the raw device of a single node.
   *
   * @default VolumeMode.FILESYSTEM
   */
  readonly volumeMode?: VolumeMode;
  /**
   * Where the provider has a minimum size (OCI: 50Gi; EBS: 4Gi for io1/io2,
   * 125Gi for st1/sc1) and the request is smaller: ask for the minimum,
   * visibly, instead of failing.
   *
   * @default false - a request under the minimum is an error (OCI would silently enlarge it; AWS refuses it)
   */
  readonly roundUpToMinimum?: boolean;
}

/**
 * Props of a claim on block storage.
 */
export interface BlockClaimProps extends BlockClaimOptions {
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * Props of a raw-block claim attached to several nodes at once.
 */
export interface MultiAttachClaimProps {
  /** The storage requested, within the driver's limits. */
  readonly storage: Size;
  /**
   * See `BlockClaimOptions.roundUpToMinimum`.
   *
   * @default false
   */
  readonly roundUpToMinimum?: boolean;
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * Topology-bound block storage that mints claims: an existing class
 * (`BlockStorage`) or one this app creates (`BlockStorageClass`).
 */
export interface IBlockStorage {
  /** The StorageClass name. */
  readonly storageClassName: string;
  /** The driver and its parameters. */
  readonly provider: BlockProvider;

  /** A claim with a filesystem (or a single node's raw device), mountable in any cdk8s-plus workload. */
  claim(scope: Construct, id: string, props: BlockClaimProps): VolumeClaim;

  /** A per-replica claim template for a `StatefulStore`. */
  claimTemplate(name: string, options: BlockClaimOptions): ClaimTemplate;

  /**
   * A `ReadWriteMany` raw-block claim that several nodes attach at once
   * (clustered filesystems, databases with shared-disk clustering). Served by
   * EBS io2, OCI (driver v1.32 and later, not Ultra High Performance), GCE
   * pd-ssd and hyperdisk-balanced(-high-availability), and Azure with
   * `maxShares` of 2 or more; there is no way to share a filesystem on block storage.
   */
  multiAttachClaim(scope: Construct, id: string, props: MultiAttachClaimProps): VolumeClaim;
}

/**
 * A block-storage StorageClass the cluster already has. Creates nothing.
 *
 * ```ts
 * const bv = BlockStorage.ociDefault();
 * const data = bv.claim(chart, 'csi-bvs-pvc', { storage: Size.gibibytes(50) });
 * ```
 */
export class BlockStorage implements IBlockStorage {
  /**
   * OKE's pre-installed `oci-bv` class (the default class of clusters created
   * at Kubernetes 1.24 and later): OCI Block Volume with the driver's defaults.
   */
  public static ociDefault(): BlockStorage {
    return new BlockStorage(OCI_DEFAULT_CLASS, BlockProvider.oci());
  }

  /**
   * Refers to the StorageClass `storageClassName`, made for `provider` with the
   * parameters that `provider` describes (claims are checked against them).
   */
  public static existing(storageClassName: string, provider: BlockProvider): BlockStorage {
    checkArg('BlockStorage.existing', 'storageClassName', storageClassName, str('the name of a StorageClass in the cluster'));
    return new BlockStorage(storageClassName, checkArg(`BlockStorage.existing(${JSON.stringify(storageClassName)})`, 'provider', provider, PROVIDER));
  }

  public readonly storageClassName: string;
  public readonly provider: BlockProvider;
  private readonly where: string;

  private constructor(storageClassName: string, provider: BlockProvider) {
    this.where = `BlockStorage ${JSON.stringify(storageClassName)} (${provider._rules.label})`;
    this.storageClassName = validateName(storageClassName, NameRule.DNS_SUBDOMAIN, this.where, 'storageClassName');
    this.provider = provider;
  }

  public claim(scope: Construct, id: string, props: BlockClaimProps): VolumeClaim {
    const checked = claimArgs(this.where, scope, id, props, BLOCK_CLAIM_PROPS, 'BlockClaimProps');
    return VolumeClaim._mint(scope, id, checked.props.name, this.request(checked.props, checked.where));
  }

  public claimTemplate(name: string, options: BlockClaimOptions): ClaimTemplate {
    const { where, options: checked } = templateArgs(this.where, name, options, BLOCK_CLAIM_OPTIONS, 'BlockClaimOptions');
    return ClaimTemplate._mint(name, { ...this.request(checked, where), where });
  }

  public multiAttachClaim(scope: Construct, id: string, props: MultiAttachClaimProps): VolumeClaim {
    const { where } = claimArgs(this.where, scope, id, props, MULTI_ATTACH_CLAIM_PROPS, 'MultiAttachClaimProps');
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
    });
  }

  private request(options: BlockClaimOptions, where: string): Omit<ClaimRequest, 'where'> {
    const volumeMode = options.volumeMode ?? VolumeMode.FILESYSTEM;
    if (volumeMode === VolumeMode.BLOCK) this.checkBlockMode(where, 'volumeMode', VolumeMode.BLOCK);
    return {
      storageClassName: this.storageClassName,
      accessMode: options.accessMode ?? BlockAccessMode.READ_WRITE_ONCE,
      volumeMode,
      storage: this.checkedSize(options.storage, options.roundUpToMinimum ?? false, where),
    };
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
    if (!minimumSize || bytes >= sizeInBytes(minimumSize.size, where, 'minimum')) return storage;
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
