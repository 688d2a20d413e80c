import { GcePdType } from './gce-pd-options';
import { AZURE_DISK_DRIVER } from './rules/azure-disk';
import { EBS_DRIVER } from './rules/ebs';
import { GCE_PD_DRIVER } from './rules/gce-pd';
import { OCI_DRIVER } from './rules/oci';
import { BlockDriver } from './rules/provider-rules';
import { Schema, bool, checkProps, enumOf, listOf, optional, str } from '../core/checks';
import { invalid } from '../core/errors';

/** An EBS volume that already exists. */
export interface EbsExistingDiskOptions {
  /** The volume id, `vol-` and 8 or 17 hex digits. */
  readonly volumeId: string;
  /** The availability zone of the volume, such as "eu-west-1a": pods that use it are scheduled there. */
  readonly zone: string;
}

/** A zonal GCE persistent disk (or Hyperdisk) that already exists. */
export interface GcePdExistingDiskOptions {
  /** The project that holds the disk. */
  readonly project: string;
  /** The disk's zone, such as "europe-west1-b". */
  readonly zone: string;
  /** The disk's name. */
  readonly name: string;
  /**
   * The disk's type, where it decides what the disk serves: of the Hyperdisk
   * types only Hyperdisk ML attaches read-only to many nodes (the driver serves
   * ReadOnlyMany for hyperdisk-ml; Compute Engine attaches other Hyperdisks to
   * one VM, or read-write to several with multi-writer).
   *
   * @default - a persistent disk (pd-*), which many nodes can mount read-only
   */
  readonly diskType?: GcePdType;
}

/** A regional GCE persistent disk that already exists, replicated to two zones. */
export interface GcePdRegionalExistingDiskOptions {
  /** The project that holds the disk. */
  readonly project: string;
  /** The disk's region, such as "europe-west1". */
  readonly region: string;
  /** The two zones the disk is replicated to. */
  readonly replicaZones: string[];
  /** The disk's name. */
  readonly name: string;
}

/** An OCI block volume that already exists. */
export interface OciExistingDiskOptions {
  /** The volume's OCID, `ocid1.volume.` and the rest. */
  readonly volumeId: string;
  /** The volume's availability domain as the nodes' topology.kubernetes.io/zone label shows it, such as "PHX-AD-1". */
  readonly availabilityDomain: string;
}

/** An Azure managed disk that already exists. */
export interface AzureExistingDiskOptions {
  /** The disk's resource id, `/subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Compute/disks/{name}`. */
  readonly diskUri: string;
  /**
   * The disk's zone, such as "eastus2-1". Leave it out for a disk without a
   * zone: an LRS disk without a zone attaches only to VMs outside availability
   * zones, which the driver's nodes report with the zone label "" (so the PV
   * asks for them), and a ZRS disk attaches in any zone (`zoneRedundant`).
   *
   * @default - no zone: nodes outside availability zones, or any node for a zone-redundant disk
   */
  readonly zone?: string;
  /**
   * The disk is zone-redundant storage (Premium_ZRS, StandardSSD_ZRS), which
   * attaches in any zone of the region: its PV has no node affinity.
   *
   * @default false - a locally redundant disk, pinned to its zone or to nodes outside zones
   */
  readonly zoneRedundant?: boolean;
}

/** What a static PV of a disk needs from its driver. */
interface DiskSource {
  /** The driver's name, label and zone key, as its classes use them. */
  readonly driver: BlockDriver;
  readonly volumeHandle: string;
  /** The zones a node must be in to attach the disk; none for a zoneless disk. */
  readonly zones: string[];
  /** Whether many nodes may attach it read-only (ReadOnlyMany on a Filesystem). */
  readonly servesReadOnlyMany: boolean;
  /** Why it does not, when its type decides. */
  readonly readOnlyManyProblem?: string;
}

const EBS_VOLUME_ID = /^vol-([0-9a-f]{8}|[0-9a-f]{17})$/;
// GCE resource names: RFC 1035 labels of up to 63 characters (pkg/common/utils.go VolumeIDToKey splits the handle at "/").
const GCE_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const GCE_PROJECT = /^[a-z][-a-z0-9.:]{4,61}[a-z0-9]$/;
// OCIDs: ocid1.<resource type>.<realm>.[region][.future use].<unique id> (OCI docs, "Resource Identifiers").
const OCI_VOLUME_ID = /^ocid1\.volume\.[a-z0-9]+\.[a-z0-9-]*(\.[a-z0-9-]*)?\.[a-z0-9]+$/;
// azuredisk-csi-driver pkg/azureconstants ManagedDiskPathRE.
const AZURE_DISK_URI = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/disks\/[^/]+$/i;

/**
 * A disk that already exists in a cloud: the CSI volume handle its driver
 * expects, and the zone a node must be in to attach it. Used by
 * `BlockExistingVolume`, which makes the static PV and the claim pinned to it.
 */
export class BlockDisk {
  /**
   * An EBS volume: handle `vol-...`, node affinity on topology.kubernetes.io/zone
   * (aws-ebs-csi-driver examples/kubernetes/static-provisioning).
   */
  public static ebs(options: EbsExistingDiskOptions): BlockDisk {
    const o = checkProps('BlockDisk.ebs', options, EBS_EXISTING, 'EbsExistingDiskOptions');
    check('BlockDisk.ebs', 'volumeId', o.volumeId, EBS_VOLUME_ID.test(o.volumeId), '"vol-" and 8 or 17 hex digits, such as "vol-0123456789abcdef0"');
    return new BlockDisk({ driver: EBS_DRIVER, volumeHandle: o.volumeId, zones: [zone('BlockDisk.ebs', 'zone', o.zone)], servesReadOnlyMany: false });
  }

  /**
   * A zonal GCE disk: handle `projects/{project}/zones/{zone}/disks/{name}`
   * (pkg/common/utils.go VolumeIDToKey), node affinity on topology.gke.io/zone.
   * Many nodes can mount it read-only (ReadOnlyMany), the way to share a dataset disk.
   */
  public static gcePd(options: GcePdExistingDiskOptions): BlockDisk {
    const o = checkProps('BlockDisk.gcePd', options, GCE_PD_EXISTING, 'GcePdExistingDiskOptions');
    const z = zone('BlockDisk.gcePd', 'zone', o.zone);
    const hyperdisk = o.diskType !== undefined && o.diskType.startsWith('hyperdisk-');
    return new BlockDisk({
      driver: GCE_PD_DRIVER,
      volumeHandle: `projects/${gceProject('BlockDisk.gcePd', o.project)}/zones/${z}/disks/${gceName('BlockDisk.gcePd', o.name)}`,
      zones: [z],
      servesReadOnlyMany: !hyperdisk || o.diskType === GcePdType.HYPERDISK_ML,
      readOnlyManyProblem: hyperdisk && o.diskType !== GcePdType.HYPERDISK_ML ? `of the Hyperdisk types only hyperdisk-ml attaches read-only to many nodes; this disk is ${o.diskType}` : undefined,
    });
  }

  /** A regional GCE disk: handle `projects/{project}/regions/{region}/disks/{name}`, attachable in its two replica zones. */
  public static gcePdRegional(options: GcePdRegionalExistingDiskOptions): BlockDisk {
    const where = 'BlockDisk.gcePdRegional';
    const o = checkProps(where, options, GCE_PD_REGIONAL_EXISTING, 'GcePdRegionalExistingDiskOptions');
    const zones = o.replicaZones.map(z => zone(where, 'replicaZones', z));
    check(where, 'replicaZones', o.replicaZones, zones.length === 2 && zones[0] !== zones[1] && zones.every(z => z.startsWith(`${o.region}-`)),
      `the two distinct zones of region ${o.region} the disk is replicated to`);
    return new BlockDisk({
      driver: GCE_PD_DRIVER,
      volumeHandle: `projects/${gceProject(where, o.project)}/regions/${o.region}/disks/${gceName(where, o.name)}`,
      zones,
      servesReadOnlyMany: true,
    });
  }

  /**
   * An OCI block volume: handle the volume OCID, node affinity on the availability
   * domain (oci-cloud-controller-manager bv_node.go NodeGetInfo reports it as topology.kubernetes.io/zone).
   */
  public static oci(options: OciExistingDiskOptions): BlockDisk {
    const o = checkProps('BlockDisk.oci', options, OCI_EXISTING, 'OciExistingDiskOptions');
    check('BlockDisk.oci', 'volumeId', o.volumeId, OCI_VOLUME_ID.test(o.volumeId), 'a block volume OCID such as "ocid1.volume.oc1.phx.abyhq..."');
    return new BlockDisk({ driver: OCI_DRIVER, volumeHandle: o.volumeId, zones: [zone('BlockDisk.oci', 'availabilityDomain', o.availabilityDomain)], servesReadOnlyMany: false });
  }

  /**
   * An Azure managed disk: handle the disk's resource id (azuredisk-csi-driver
   * deploy/example/pv-azuredisk-csi.yaml), node affinity on
   * topology.disk.csi.azure.com/zone when the disk has a zone.
   */
  public static azureDisk(options: AzureExistingDiskOptions): BlockDisk {
    const o = checkProps('BlockDisk.azureDisk', options, AZURE_EXISTING, 'AzureExistingDiskOptions');
    check('BlockDisk.azureDisk', 'diskUri', o.diskUri, AZURE_DISK_URI.test(o.diskUri),
      'a disk resource id /subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Compute/disks/{name}');
    const format = AZURE_DISK_DRIVER.zoneFormat!;
    if (o.zone !== undefined) {
      check('BlockDisk.azureDisk', 'zone', o.zone, format.pattern.test(o.zone), `a zone such as "${format.example}" (<region>-<n>)`);
    }
    if (o.zone !== undefined && o.zoneRedundant) {
      throw invalid({ where: 'BlockDisk.azureDisk', prop: 'zone', value: o.zone, allowed: 'no zone on a zone-redundant disk (it has none)', fix: 'remove zone, or zoneRedundant' });
    }
    // azuredisk-csi-driver d983d613 NodeGetInfo: a node outside availability zones reports topology.disk.csi.azure.com/zone "",
    // and Azure attaches a zoneless LRS disk only to such VMs.
    const zones = o.zone !== undefined ? [o.zone] : o.zoneRedundant ? [] : [''];
    return new BlockDisk({ driver: AZURE_DISK_DRIVER, volumeHandle: o.diskUri, zones, servesReadOnlyMany: false });
  }

  private constructor(private readonly source: DiskSource) {}

  /** @internal */
  public get _source(): DiskSource {
    return this.source;
  }
}

const EBS_EXISTING: Schema<EbsExistingDiskOptions> = { volumeId: str('a volume id such as "vol-0123456789abcdef0"'), zone: str('a zone such as "eu-west-1a"') };
const GCE_PD_EXISTING: Schema<GcePdExistingDiskOptions> = {
  project: str('a project id'), zone: str('a zone such as "europe-west1-b"'), name: str('a disk name'), diskType: optional(enumOf(GcePdType, 'GcePdType')),
};
const GCE_PD_REGIONAL_EXISTING: Schema<GcePdRegionalExistingDiskOptions> = {
  project: str('a project id'), region: str('a region such as "europe-west1"'), replicaZones: listOf(str('a zone')), name: str('a disk name'),
};
const OCI_EXISTING: Schema<OciExistingDiskOptions> = { volumeId: str('a volume OCID'), availabilityDomain: str('an availability domain such as "PHX-AD-1"') };
const AZURE_EXISTING: Schema<AzureExistingDiskOptions> = {
  diskUri: str('a disk resource id'), zone: optional(str('a zone such as "eastus2-1"')), zoneRedundant: optional(bool()),
};

function zone(where: string, prop: string, value: string): string {
  check(where, prop, value, /^[A-Za-z0-9][-A-Za-z0-9_.]*$/.test(value), 'a zone name as the nodes\' zone label shows it');
  return value;
}

function gceName(where: string, value: string): string {
  check(where, 'name', value, GCE_NAME.test(value), 'a GCE disk name: a lower-case letter, then up to 62 lower-case letters, digits or "-"');
  return value;
}

function gceProject(where: string, value: string): string {
  check(where, 'project', value, GCE_PROJECT.test(value), 'a project id such as "my-project-123"');
  return value;
}

function check(where: string, prop: string, value: unknown, ok: boolean, allowed: string): void {
  if (!ok) throw invalid({ where, prop, value, allowed, fix: `copy ${prop} from the cloud console or CLI` });
}
