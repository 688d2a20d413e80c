import { AzureDiskSku } from './azure-disk-options';
import { EbsVolumeType } from './ebs-options';
import { GcePdType } from './gce-pd-options';
import { AZURE_DISK_DEFAULT_SKU } from './rules/azure-disk';
import { EBS_DRIVER, tagParameters, tagProblem } from './rules/ebs';
import { isRegionalDisk, throughputQuantity } from './rules/gce-pd';
import { parameterIgnoringCase } from './rules/provider-rules';
import { BlockCsiDriver } from './snapshot-options';
import { Schema, checkProps, enumOf, num, optional, requireInteger } from '../core/checks';
import { invalid } from '../core/errors';
import { definedParameters } from '../core/parameters';
import { STRING_MAP } from '../core/schemas';

/**
 * What an EBS volume becomes in place (aws-ebs-csi-driver
 * pkg/driver/controller_modify_volume.go parseModifyVolumeParameters; the
 * keys are case-sensitive). EC2 allows one modification per volume every six hours.
 */
export interface EbsVolumeAttributes {
  /**
   * The new volume type (`type`).
   *
   * @default - the type stays
   */
  readonly volumeType?: EbsVolumeType;
  /**
   * Provisioned IOPS (`iops`; gp3, io1, io2).
   *
   * @default - IOPS stay
   */
  readonly iops?: number;
  /**
   * Throughput in MiB/s (`throughput`; gp3, 125 to 2000).
   *
   * @default - throughput stays
   */
  readonly throughput?: number;
  /**
   * Tags added to the volume (`tagSpecification_N`).
   *
   * @default - no tags added
   */
  readonly tags?: { [key: string]: string };
}

/**
 * What a GCE Hyperdisk becomes in place (gcp-compute-persistent-disk-csi-driver
 * pkg/parameters/parameters.go ExtractModifyVolumeParameters). Only Hyperdisk
 * types that the driver's deployment lists can be modified, and no regional disk.
 */
export interface GcePdVolumeAttributes {
  /**
   * Provisioned IOPS (`iops`): hyperdisk-balanced and hyperdisk-extreme.
   *
   * @default - IOPS stay
   */
  readonly iops?: number;
  /**
   * Provisioned throughput in MiB/s (`throughput`): hyperdisk-balanced, -throughput and -ml.
   *
   * @default - throughput stays
   */
  readonly throughputMibps?: number;
}

/**
 * What an Azure managed disk becomes in place (azuredisk-csi-driver
 * pkg/azuredisk/controllerserver.go ControllerModifyVolume: the SKU, and IOPS
 * and throughput of UltraSSD_LRS and PremiumV2_LRS disks).
 */
export interface AzureDiskVolumeAttributes {
  /**
   * The new SKU (`skuName`); not to or from UltraSSD_LRS.
   *
   * @default - the SKU stays
   */
  readonly sku?: AzureDiskSku;
  /**
   * Provisioned IOPS (`DiskIOPSReadWrite`): UltraSSD_LRS and PremiumV2_LRS only.
   *
   * @default - IOPS stay
   */
  readonly diskIopsReadWrite?: number;
  /**
   * Provisioned throughput in MB/s (`DiskMBpsReadWrite`): UltraSSD_LRS and PremiumV2_LRS only.
   *
   * @default - throughput stays
   */
  readonly diskMbpsReadWrite?: number;
}

const EBS_ATTRIBUTES: Schema<EbsVolumeAttributes> = {
  volumeType: optional(enumOf(EbsVolumeType, 'EbsVolumeType')),
  iops: optional(num()),
  throughput: optional(num()),
  tags: optional(STRING_MAP),
};
const GCE_PD_ATTRIBUTES: Schema<GcePdVolumeAttributes> = { iops: optional(num()), throughputMibps: optional(num()) };
const AZURE_DISK_ATTRIBUTES: Schema<AzureDiskVolumeAttributes> = {
  sku: optional(enumOf(AzureDiskSku, 'AzureDiskSku')),
  diskIopsReadWrite: optional(num()),
  diskMbpsReadWrite: optional(num()),
};

/** The disk types whose IOPS and throughput the GCE driver modifies: the flags of its shipped deployment (deploy/kubernetes/base/controller/controller.yaml). */
const GCE_MODIFIABLE_IOPS: string[] = [GcePdType.HYPERDISK_BALANCED, GcePdType.HYPERDISK_EXTREME];
const GCE_MODIFIABLE_THROUGHPUT: string[] = [GcePdType.HYPERDISK_BALANCED, GcePdType.HYPERDISK_THROUGHPUT, GcePdType.HYPERDISK_ML];
/** The Azure SKUs with settable IOPS and throughput (azure_managedDiskController.go ModifyDisk). */
const AZURE_PROVISIONED_SKUS: string[] = [AzureDiskSku.ULTRA_SSD_LRS, AzureDiskSku.PREMIUM_V2_LRS];

/** Why a volume of a class with `classParameters` cannot take these attributes, or undefined. */
type ProblemOn = (classParameters: { readonly [key: string]: string }) => string | undefined;

/**
 * The driver of a VolumeAttributesClass and its typed mutable parameters:
 * only the keys the driver's ControllerModifyVolume reads. OCI's driver does
 * not modify volumes, so it has no factory.
 */
export class BlockVolumeAttributes {
  /** AWS EBS: type, IOPS, throughput, tags. */
  public static ebs(attributes: EbsVolumeAttributes): BlockVolumeAttributes {
    const where = 'BlockVolumeAttributes.ebs()';
    const a = checkProps(where, attributes, EBS_ATTRIBUTES, 'EbsVolumeAttributes');
    requireInteger(where, 'iops', a.iops, { min: 1, fix: 'give iops as a whole number' });
    requireInteger(where, 'throughput', a.throughput, { min: 1, fix: 'give throughput as a whole number of MiB/s' });
    const parameters = definedParameters([['type', a.volumeType], ['iops', a.iops], ['throughput', a.throughput]]);
    for (const [key, value] of tagParameters(a.tags ?? {}, where)) {
      const why = tagProblem(value);
      if (why) throw invalid({ where, prop: 'tags', value, allowed: why, fix: 'correct the tag' });
      parameters[key] = value;
    }
    requireSome(where, parameters, 'volumeType, iops, throughput or tags');
    // The volume after the change is the class's volume with these values: the class rules judge it.
    // What the attributes set replaces in the class (iops replaces iopsPerGB too: the driver takes one of them).
    const replaced = [...Object.keys(parameters), ...(a.iops === undefined ? [] : ['iopsPerGB'])];
    return new BlockVolumeAttributes(BlockCsiDriver.EBS, parameters, classParameters => {
      const merged = { ...withoutKeys(classParameters, replaced), ...parameters };
      const problem = EBS_DRIVER.classProblems!(merged).find(p => ['type', 'iops', 'throughput'].includes(p.parameter));
      return problem && `${problem.parameter} ${JSON.stringify(problem.value)} on the modified volume: ${problem.allowed}`;
    });
  }

  /** GCE Hyperdisk: IOPS and throughput. */
  public static gcePd(attributes: GcePdVolumeAttributes): BlockVolumeAttributes {
    const where = 'BlockVolumeAttributes.gcePd()';
    const a = checkProps(where, attributes, GCE_PD_ATTRIBUTES, 'GcePdVolumeAttributes');
    requireInteger(where, 'iops', a.iops, { min: 1, fix: 'give iops as a whole number' });
    requireInteger(where, 'throughputMibps', a.throughputMibps, { min: 1, fix: 'give throughputMibps as a whole number of MiB/s' });
    const parameters = definedParameters([['iops', a.iops], ['throughput', a.throughputMibps === undefined ? undefined : throughputQuantity(a.throughputMibps)]]);
    requireSome(where, parameters, 'iops or throughputMibps');
    return new BlockVolumeAttributes(BlockCsiDriver.GCE_PD, parameters, classParameters => {
      const type = (parameterIgnoringCase(classParameters, 'type') ?? GcePdType.PD_STANDARD).toLowerCase();
      if (isRegionalDisk(classParameters)) return 'a zonal disk: the driver refuses to modify a regional one ("Cannot update regional disk")';
      if (a.iops !== undefined && !GCE_MODIFIABLE_IOPS.includes(type)) return `iops on ${GCE_MODIFIABLE_IOPS.join(' or ')} ("Cannot specify IOPS for disk type ${type}")`;
      if (a.throughputMibps !== undefined && !GCE_MODIFIABLE_THROUGHPUT.includes(type)) {
        return `throughput on ${GCE_MODIFIABLE_THROUGHPUT.join(', ')} ("Cannot specify throughput for disk type ${type}")`;
      }
      return undefined;
    });
  }

  /** Azure managed disks: the SKU, and IOPS and throughput of UltraSSD_LRS and PremiumV2_LRS. */
  public static azureDisk(attributes: AzureDiskVolumeAttributes): BlockVolumeAttributes {
    const where = 'BlockVolumeAttributes.azureDisk()';
    const a = checkProps(where, attributes, AZURE_DISK_ATTRIBUTES, 'AzureDiskVolumeAttributes');
    requireInteger(where, 'diskIopsReadWrite', a.diskIopsReadWrite, { min: 1, fix: 'give diskIopsReadWrite as a whole number' });
    requireInteger(where, 'diskMbpsReadWrite', a.diskMbpsReadWrite, { min: 1, fix: 'give diskMbpsReadWrite as a whole number' });
    const parameters = definedParameters([['skuName', a.sku], ['DiskIOPSReadWrite', a.diskIopsReadWrite], ['DiskMBpsReadWrite', a.diskMbpsReadWrite]]);
    requireSome(where, parameters, 'sku, diskIopsReadWrite or diskMbpsReadWrite');
    const provisioned = a.diskIopsReadWrite !== undefined || a.diskMbpsReadWrite !== undefined;
    if (a.sku !== undefined && provisioned && !AZURE_PROVISIONED_SKUS.includes(a.sku)) {
      throw invalid({ where, prop: 'sku', value: a.sku, allowed: `${AZURE_PROVISIONED_SKUS.join(' or ')} with diskIopsReadWrite or diskMbpsReadWrite`, fix: 'choose one of those SKUs, or remove the IOPS and throughput' });
    }
    return new BlockVolumeAttributes(BlockCsiDriver.AZURE_DISK, parameters, classParameters => {
      const current = parameterIgnoringCase(classParameters, 'skuName') ?? parameterIgnoringCase(classParameters, 'storageAccountType') ?? AZURE_DISK_DEFAULT_SKU;
      const sku = a.sku ?? current;
      if (a.sku !== undefined && a.sku !== current && (a.sku === AzureDiskSku.ULTRA_SSD_LRS || current === AzureDiskSku.ULTRA_SSD_LRS)) {
        return `a SKU change that does not involve UltraSSD_LRS, and this is ${current} to ${a.sku} (deploy/example/modifyvolume: "Changing the skuName to or from UltraSSD_LRS is not permitted")`;
      }
      if (provisioned && !AZURE_PROVISIONED_SKUS.includes(sku)) {
        return `IOPS and throughput on ${AZURE_PROVISIONED_SKUS.join(' or ')} disks, and this one is ${sku} ("DiskIOPSReadWrite parameter is only applicable in UltraSSD_LRS or PremiumV2_LRS disk type")`;
      }
      return undefined;
    });
  }

  /** The CSI driver that applies the attributes. */
  public readonly driverName: string;
  /** The VolumeAttributesClass parameters. */
  public readonly parameters: { [key: string]: string };
  private readonly problemOn: ProblemOn;

  private constructor(driverName: string, parameters: { [key: string]: string }, problemOn: ProblemOn) {
    this.driverName = driverName;
    this.parameters = parameters;
    this.problemOn = problemOn;
  }

  /** @internal Why a volume of a class with `classParameters` cannot take these attributes, or undefined. */
  public _problemOn(classParameters: { readonly [key: string]: string }): string | undefined {
    return this.problemOn(classParameters);
  }
}

function withoutKeys(parameters: { readonly [key: string]: string }, keys: string[]): { [key: string]: string } {
  const lower = keys.map(k => k.toLowerCase());
  return Object.fromEntries(Object.entries(parameters).filter(([k]) => !lower.includes(k.toLowerCase())));
}

/** A class that changes nothing would be refused by no one and do nothing: an empty class is a mistake. */
function requireSome(where: string, parameters: { [key: string]: string }, what: string): void {
  if (Object.keys(parameters).length === 0) {
    throw invalid({ where, prop: 'attributes', value: {}, allowed: `at least one of ${what}`, fix: 'set what the volumes should become' });
  }
}
