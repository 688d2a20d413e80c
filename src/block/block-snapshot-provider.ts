import { renderTags } from './rules/azure-disk';
import { tagParameters, tagProblem } from './rules/ebs';
import { renderLabels } from './rules/gce-pd';
import {
  AzureDiskSnapshotOptions, BlockCsiDriver, EbsSnapshotOptions, GcePdSnapshotOptions, GcePdSnapshotType, OciBackupType, OciSnapshotOptions,
} from './snapshot-options';
import { Schema, bool, checkProps, enumOf, optional, str, text } from '../core/checks';
import { invalid } from '../core/errors';
import { STRING_LIST, STRING_MAP } from '../core/schemas';

const EBS_SNAPSHOT_OPTIONS: Schema<EbsSnapshotOptions> = { tags: optional(STRING_MAP), fastSnapshotRestoreZones: optional(STRING_LIST) };
const GCE_PD_SNAPSHOT_OPTIONS: Schema<GcePdSnapshotOptions> = {
  snapshotType: optional(enumOf(GcePdSnapshotType, 'GcePdSnapshotType')),
  storageLocation: optional(str('a region such as "us-east1" or a multi-region such as "us"')),
  imageFamily: optional(text('an image family name')),
  labels: optional(STRING_MAP),
};
const AZURE_DISK_SNAPSHOT_OPTIONS: Schema<AzureDiskSnapshotOptions> = {
  incremental: optional(bool()),
  resourceGroup: optional(text('a resource group name')),
  location: optional(text('an Azure region such as "westeurope"')),
  tags: optional(STRING_MAP),
};
const OCI_SNAPSHOT_OPTIONS: Schema<OciSnapshotOptions> = { backupType: optional(enumOf(OciBackupType, 'OciBackupType')), freeformTags: optional(STRING_MAP) };

/** A GCE storage location as the driver accepts it (pkg/parameters/utils.go ProcessStorageLocations): one multi-region or region. */
const GCE_LOCATION = /^[a-z]+$|^[a-z]+-[a-z]+[0-9]{1,2}$/;

/**
 * The driver of a block-storage snapshot class and its typed snapshot
 * parameters, checked as the driver's CreateSnapshot checks them. Each
 * factory's options are exactly the parameters that driver reads: the
 * drivers refuse unknown keys (EBS, GCE, Azure) or ignore them (OCI).
 */
export class BlockSnapshotProvider {
  /** AWS EBS snapshots. */
  public static ebs(options: EbsSnapshotOptions = {}): BlockSnapshotProvider {
    const where = 'BlockSnapshotProvider.ebs()';
    const o = checkProps(where, options, EBS_SNAPSHOT_OPTIONS, 'EbsSnapshotOptions');
    const parameters: { [key: string]: string } = {};
    for (const [key, value] of tagParameters(o.tags ?? {}, where)) {
      const why = tagProblem(value);
      if (why) throw invalid({ where, prop: 'tags', value, allowed: why, fix: 'correct the tag' });
      parameters[key] = value;
    }
    if (o.fastSnapshotRestoreZones !== undefined) {
      const zones = o.fastSnapshotRestoreZones;
      const bad = zones.find(z => !/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/.test(z));
      if (zones.length === 0 || bad !== undefined) {
        throw invalid({
          where,
          prop: 'fastSnapshotRestoreZones',
          value: bad ?? zones,
          allowed: 'one or more availability zone names such as "us-east-1a" (the driver refuses "Availability zone %s is not supported for fast snapshot restore")',
          fix: 'list the zones of the nodes that restore the snapshots, or leave the prop out',
        });
      }
      parameters.fastSnapshotRestoreAvailabilityZones = zones.join(',');
    }
    return new BlockSnapshotProvider(BlockCsiDriver.EBS, parameters);
  }

  /** Google Compute Engine persistent disk snapshots or images. */
  public static gcePd(options: GcePdSnapshotOptions = {}): BlockSnapshotProvider {
    const where = 'BlockSnapshotProvider.gcePd()';
    const o = checkProps(where, options, GCE_PD_SNAPSHOT_OPTIONS, 'GcePdSnapshotOptions');
    const type = o.snapshotType ?? GcePdSnapshotType.SNAPSHOTS;
    if (o.storageLocation !== undefined && !GCE_LOCATION.test(o.storageLocation)) {
      throw invalid({
        where,
        prop: 'storageLocation',
        value: o.storageLocation,
        allowed: 'one region ("us-east1") or multi-region ("us"), in lower case (the driver refuses "invalid location for snapshot")',
        fix: 'give one location; the driver takes no list',
      });
    }
    if (o.imageFamily !== undefined && type !== GcePdSnapshotType.IMAGES) {
      throw invalid({ where, prop: 'imageFamily', value: o.imageFamily, allowed: 'an image family with snapshotType IMAGES only (the driver ignores it for snapshots)', fix: 'set snapshotType: GcePdSnapshotType.IMAGES, or remove imageFamily' });
    }
    const parameters: { [key: string]: string } = { 'snapshot-type': type };
    if (o.storageLocation !== undefined) parameters['storage-locations'] = o.storageLocation;
    if (o.imageFamily !== undefined) parameters['image-family'] = o.imageFamily;
    if (o.labels !== undefined) parameters.labels = renderLabels(o.labels, where);
    return new BlockSnapshotProvider(BlockCsiDriver.GCE_PD, parameters);
  }

  /** Azure managed disk snapshots. */
  public static azureDisk(options: AzureDiskSnapshotOptions = {}): BlockSnapshotProvider {
    const where = 'BlockSnapshotProvider.azureDisk()';
    const o = checkProps(where, options, AZURE_DISK_SNAPSHOT_OPTIONS, 'AzureDiskSnapshotOptions');
    const incremental = o.incremental ?? true;
    if (o.location !== undefined && !incremental) {
      throw invalid({ where, prop: 'location', value: o.location, allowed: 'a copy to another region of incremental snapshots only (the driver refuses "could not create snapshot cross region with incremental is false")', fix: 'remove location, or leave incremental on' });
    }
    const parameters: { [key: string]: string } = { incremental: String(incremental) };
    if (o.resourceGroup !== undefined) parameters.resourceGroup = o.resourceGroup;
    if (o.location !== undefined) parameters.location = o.location;
    if (o.tags !== undefined) parameters.tags = renderTags(o.tags, where);
    return new BlockSnapshotProvider(BlockCsiDriver.AZURE_DISK, parameters);
  }

  /** OCI block volume backups. */
  public static oci(options: OciSnapshotOptions = {}): BlockSnapshotProvider {
    const o = checkProps('BlockSnapshotProvider.oci()', options, OCI_SNAPSHOT_OPTIONS, 'OciSnapshotOptions');
    const parameters: { [key: string]: string } = { backupType: o.backupType ?? OciBackupType.INCREMENTAL };
    if (o.freeformTags !== undefined) parameters['oci.oraclecloud.com/freeform-tags'] = JSON.stringify(sortedObject(o.freeformTags));
    return new BlockSnapshotProvider(BlockCsiDriver.OCI, parameters);
  }

  /** The CSI driver that takes the snapshots. */
  public readonly driver: string;
  /** The VolumeSnapshotClass parameters. */
  public readonly parameters: { [key: string]: string };

  private constructor(driver: string, parameters: { [key: string]: string }) {
    this.driver = driver;
    this.parameters = parameters;
  }
}

/** The same map with its keys sorted, so the rendered JSON does not depend on the order they were written in. */
function sortedObject(map: { [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.keys(map).sort().map(k => [k, map[k]]));
}
