import { BlockDriver, DriverCapabilities, ProviderRules, parameterIgnoringCase, withCapabilities } from './provider-rules';
import { requireInteger } from '../../core/checks';
import { invalid } from '../../core/errors';
import { FS_TYPE_KEY, definedParameters } from '../../core/parameters';
import { ClassProblem } from '../../core/volume-driver';
import { GcePdOptions, GcePdReplication, GcePdType } from '../gce-pd-options';

const WHERE = 'BlockProvider.gcePd()';


// pkg/convert/convert.go ConvertLabelsStringToMap and CheckLabelValue (GCE label format).
const LABEL_KEY = /^\p{Ll}[\p{Ll}0-9_-]{0,62}$/u;
const LABEL_VALUE = /^[\p{Ll}0-9_-]{0,63}$/u;
const MAX_LABELS = 64;

/**
 * Disk types that take multi-writer (raw-block ReadWriteMany). For Hyperdisk the
 * driver refuses it on hyperdisk-throughput and -extreme (pkg/gce-pd-csi-driver/controller.go,
 * disksWithUnsettableAccessMode) and Compute Engine on hyperdisk-ml (READ_ONLY_MANY only);
 * of the Persistent Disk types Compute Engine shares only pd-ssd in multi-writer mode
 * (Compute Engine docs, "Share disks between instances").
 */
const MULTI_WRITER_TYPES = [GcePdType.PD_SSD, GcePdType.HYPERDISK_BALANCED, GcePdType.HYPERDISK_BALANCED_HIGH_AVAILABILITY];
/** Types whose IOPS are provisioned, and whose throughput is (Compute Engine disk types; the driver passes both through). */
const IOPS_TYPES = [GcePdType.PD_EXTREME, GcePdType.HYPERDISK_BALANCED, GcePdType.HYPERDISK_BALANCED_HIGH_AVAILABILITY, GcePdType.HYPERDISK_EXTREME];
const THROUGHPUT_TYPES = [
  GcePdType.HYPERDISK_BALANCED, GcePdType.HYPERDISK_BALANCED_HIGH_AVAILABILITY, GcePdType.HYPERDISK_THROUGHPUT, GcePdType.HYPERDISK_ML,
];

/** Whether a class makes regional disks (replicated in two zones): regional-pd, or Hyperdisk Balanced High Availability. */
export function isRegionalDisk(parameters: { readonly [key: string]: string }): boolean {
  return parameterIgnoringCase(parameters, 'replication-type') === GcePdReplication.REGIONAL_PD
    || parameterIgnoringCase(parameters, 'type') === GcePdType.HYPERDISK_BALANCED_HIGH_AVAILABILITY;
}

// topology.gke.io/zone is the driver's only topology key.
/**
 * A regional disk (replication-type regional-pd, or Hyperdisk Balanced High
 * Availability) is made in two zones, which the driver picks from the class's
 * allowed topology: with one zone there it refuses the volume
 * (gcp-compute-persistent-disk-csi-driver b560165c, pkg/gce-pd-csi-driver/controller.go
 * pickZonesFromTopology: "need 2 zones from topology, only got 1 unique zones").
 */
function gcePdClassProblems(parameters: { [key: string]: string }, zones?: readonly string[]): ClassProblem[] {
  const regional = isRegionalDisk(parameters);
  const unique = [...new Set(zones ?? [])];
  if (!regional || zones === undefined || unique.length !== 1) return [];
  return [{
    parameter: 'allowedTopologies',
    value: unique[0],
    allowed: 'two zones or more for a regional disk (the driver refuses "need 2 zones from topology, only got 1 unique zones")',
    fix: 'allow two zones of the region, or leave the zones out',
  }];
}

export const GCE_PD_DRIVER: BlockDriver = {
  label: 'GCE PD',
  provisioner: 'pd.csi.storage.gke.io',
  // pkg/gce-pd-csi-driver/gce-pd-driver.go (b560165): CREATE_DELETE_SNAPSHOT, CLONE_VOLUME, MODIFY_VOLUME (Hyperdisk only).
  // pkg/gce-pd-csi-driver/controller.go: common.BytesToGbRoundUp.
  roundsToGiB: true,
  snapshots: true,
  cloning: true,
  modifiesVolumes: true,
  topologyKey: 'topology.gke.io/zone',
  capabilities: gcePdCapabilities,
  classProblems: gcePdClassProblems,
};

/** What a GCE PD class serves: parameters.go lower-cases the keys and the type, and makes pd-standard when no type is given. */
function gcePdCapabilities(parameters: { [key: string]: string }): DriverCapabilities {
  const type = (parameterIgnoringCase(parameters, 'type') || GcePdType.PD_STANDARD).toLowerCase();
  // utils.go validateVolumeCapability: "specified multi writer with mount access type", so Block only.
  return {
    multiAttachProblem: (MULTI_WRITER_TYPES as string[]).includes(type) ? undefined
      : `GCE shares disks for writing (multi-writer) only as ${MULTI_WRITER_TYPES.join(', ')}; this class makes ${type}`,
  };
}

/** GCE PD CSI (pkg/parameters/parameters.go, pkg/gce-pd-csi-driver/utils.go and controller.go). */
export function gcePdRules(options: GcePdOptions): ProviderRules {
  const type = options.diskType ?? GcePdType.PD_STANDARD;
  checkProvisioned(options.provisionedIops, 'provisionedIops', IOPS_TYPES, type);
  checkProvisioned(options.provisionedThroughputMibps, 'provisionedThroughputMibps', THROUGHPUT_TYPES, type);
  return withCapabilities(GCE_PD_DRIVER, definedParameters([
    ['type', type],
    ['replication-type', options.replication === GcePdReplication.REGIONAL_PD ? options.replication : undefined],
    ['disk-encryption-kms-key', options.diskEncryptionKmsKey],
    ['labels', options.labels && renderLabels(options.labels)],
    [FS_TYPE_KEY, options.fsType],
    ['provisioned-iops-on-create', options.provisionedIops],
    ['provisioned-throughput-on-create', options.provisionedThroughputMibps === undefined ? undefined : throughputQuantity(options.provisionedThroughputMibps)],
  ]));
}

function checkProvisioned(value: number | undefined, prop: string, types: GcePdType[], type: GcePdType): void {
  requireInteger(WHERE, prop, value, { min: 1, fix: `give ${prop} as a whole number of at least 1` });
  if (value !== undefined && !types.includes(type)) {
    throw invalid({ where: WHERE, prop, value, allowed: `${prop} only with ${types.join(', ')} (this class makes ${type})`, fix: `remove ${prop}, or choose one of those types` });
  }
}

/**
 * A throughput in MiB/s as the driver reads it (ConvertMiStringToInt64 parses a
 * quantity: a bare "250" would be 250 bytes, rounded up to 1 MiB).
 */
export function throughputQuantity(mibps: number): string {
  return `${mibps}Mi`;
}

/** `k1=v1,k2=v2`, checked as ConvertLabelsStringToMap checks it. */
export function renderLabels(labels: { [key: string]: string }, where: string = WHERE): string {
  const entries = Object.entries(labels);
  const reject = (allowed: string, fix: string): never => {
    throw invalid({ where, prop: 'labels', value: labels, allowed, fix });
  };
  if (entries.length > MAX_LABELS) reject(`at most ${MAX_LABELS} labels (this has ${entries.length})`, 'drop some labels');
  const badKey = entries.find(([k]) => !LABEL_KEY.test(k));
  if (badKey) {
    reject('keys of a lower-case letter then up to 62 lower-case letters, digits, "_" or "-"', `rename the label ${JSON.stringify(badKey[0])}, for example to ${JSON.stringify(labelForm(badKey[0], true) || 'team')}`);
  }
  const badValue = entries.find(([, v]) => !LABEL_VALUE.test(v));
  if (badValue) {
    reject('values of up to 63 lower-case letters, digits, "_" or "-"', `change the value of ${JSON.stringify(badValue[0])}, for example to ${JSON.stringify(labelForm(badValue[1], false))}`);
  }
  return entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/** A suggestion in GCE label form: lower case, other characters as "-", and a key starts with a letter. */
function labelForm(text: string, isKey: boolean): string {
  const lower = text.toLowerCase().replace(/[^\p{Ll}0-9_-]/gu, '-');
  return (isKey ? lower.replace(/^[^\p{Ll}]+/u, '') : lower).slice(0, 63);
}
