import { Size } from 'cdk8s';
import { ClassProblem } from '../../core/volume-driver';

/**
 * Who a block-storage driver is: stated once per provider in its rules file,
 * used by its classes (ProviderRules) and by static PVs of its existing disks (BlockDisk).
 */
export interface BlockDriver {
  /** For messages: "AWS EBS". */
  readonly label: string;
  /** The CSI driver name. */
  readonly provisioner: string;
  /**
   * The driver makes volumes of whole GiB, rounding a request up (EBS
   * util.RoundUpBytes, GCE common.BytesToGbRoundUp, Azure RoundUpGiB, OCI
   * RoundUpSize with 1 GiB): a snapshot reports that size, and a restore must
   * ask for at least it.
   */
  readonly roundsToGiB: boolean;
  /** CREATE_DELETE_SNAPSHOT: the driver takes snapshots and restores from them. */
  readonly snapshots: boolean;
  /** CLONE_VOLUME: the driver clones a claim. */
  readonly cloning: boolean;
  /** MODIFY_VOLUME: the driver applies a VolumeAttributesClass in place. */
  readonly modifiesVolumes: boolean;
  /** The node label key of the driver's zones (allowedTopologies and a static PV's node affinity). */
  readonly topologyKey: string;
  /** The form of a zone name, where the driver ignores others, with an example. */
  readonly zoneFormat?: { readonly pattern: RegExp; readonly example: string };
  /**
   * What a class with these (rendered) parameters serves. Read from the
   * StorageClass parameters, so the constructs and `StorageCheck` (which sees
   * only manifests) apply the same rule.
   */
  readonly capabilities: (parameters: { [key: string]: string }) => DriverCapabilities;
  /**
   * What the driver or the cloud refuses in a class with these (rendered)
   * parameters: the constructs throw the first, and `check` reports each on
   * a hand-written class, in the same words.
   */
  readonly classProblems?: (parameters: { [key: string]: string }, zones?: readonly string[]) => ClassProblem[];
  /**
   * Whether a class with these (rendered) parameters makes volumes that attach
   * in every zone of the region.
   *
   * @default - never: each volume attaches only to nodes of the zone it was made in
   */
  readonly zoneRedundant?: (parameters: { [key: string]: string }) => boolean;
}

/** What a class of a block driver serves, as decided by its parameters. */
export interface DriverCapabilities {
  /** The smallest volume, and what happens to a smaller request ("OCI would silently enlarge it to 50Gi"). */
  readonly minimumSize?: MinimumSize;
  readonly maximumSize?: Size;
  /** Why Block volumes (`volumeMode: Block`) are not served by this class, or undefined when they are. */
  readonly blockModeProblem?: string;
  /** Why raw-block multi-attach (ReadWriteMany) is not served, or undefined when it is. */
  readonly multiAttachProblem?: string;
}

/**
 * What one block-storage driver accepts, stated once per provider
 * (each rules file cites the driver code it follows) and applied by BlockClaims to every claim of a block class.
 */
export interface ProviderRules extends BlockDriver, DriverCapabilities {
  readonly parameters: { [key: string]: string };
}

/** A driver's rules for a class: its parameters and what they serve, from the one `capabilities` function. */
export function withCapabilities(driver: BlockDriver, parameters: { [key: string]: string }): ProviderRules {
  return { ...driver, parameters, ...driver.capabilities(parameters) };
}

/**
 * A parameter looked up as drivers that lower-case the keys do (EBS, GCE PD and
 * Azure Disk switch on strings.ToLower(key)).
 */
export function parameterIgnoringCase(parameters: { [key: string]: string }, key: string): string | undefined {
  const wanted = key.toLowerCase();
  const found = Object.keys(parameters).find(k => k.toLowerCase() === wanted);
  return found === undefined ? undefined : parameters[found];
}

/** A provider's smallest volume. */
export interface MinimumSize {
  readonly size: Size;
  /** What happens below it, for the message. */
  readonly reason: string;
  /** The driver rounds every request up to a multiple of this (EBS: whole GiB), so a request that rounds up to the minimum is served. */
  readonly roundsUpTo?: Size;
}

