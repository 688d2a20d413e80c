import { BlockDriver, DriverCapabilities, ProviderRules, parameterIgnoringCase, withCapabilities } from './provider-rules';
import { requireInteger } from '../../core/checks';
import { invalid } from '../../core/errors';
import { FS_TYPE_KEY, definedParameters } from '../../core/parameters';
import { ClassProblem } from '../../core/volume-driver';
import { AzureDiskCachingMode, AzureDiskOptions, AzureDiskSku } from '../azure-disk-options';

const WHERE = 'BlockProvider.azureDisk()';

/** The SKU of a disk whose class names none (the driver's default). */
export const AZURE_DISK_DEFAULT_SKU = AzureDiskSku.STANDARD_SSD_LRS;

export const AZURE_DISK_DRIVER: BlockDriver = {
  label: 'Azure Disk',
  provisioner: 'disk.csi.azure.com',
  // pkg/azuredisk/azuredisk.go (d983d613): CREATE_DELETE_SNAPSHOT, CLONE_VOLUME, MODIFY_VOLUME.
  // pkg/azuredisk/controllerserver.go CreateVolume: volumehelper.RoundUpGiB.
  roundsToGiB: true,
  snapshots: true,
  cloning: true,
  modifiesVolumes: true,
  // pkg/azuredisk/azuredisk.go: topologyKey = "topology.<driver name>/zone".
  topologyKey: 'topology.disk.csi.azure.com/zone',
  // IsValidAvailabilityZone: "<region>-<zone-id>"; PickAvailabilityZone ignores other names and makes a zoneless disk.
  zoneFormat: { pattern: /^[a-z0-9]+-[0-9]+$/, example: 'eastus2-1' },
  capabilities: azureDiskCapabilities,
  classProblems: azureDiskClassProblems,
  // pkg/azuredisk/controllerserver.go CreateVolume: a SKU ending in "zrs" gets no zone, and its
  // accessible topology lists every zone of the region ("diskZone is reset as empty since disk is ZRS").
  zoneRedundant: parameters => (parameterIgnoringCase(parameters, 'skuName') ?? '').toLowerCase().endsWith('zrs'),
};

/** What an Azure Disk class serves; ParseDiskParameters lower-cases the keys. */
function azureDiskCapabilities(parameters: { [key: string]: string }): DriverCapabilities {
  const shares = Number(parameterIgnoringCase(parameters, 'maxShares') ?? 1);
  // IsValidVolumeCapabilities: multi-node modes need a Block volume ("mountVolume is not supported") and maxShares >= 2.
  return { multiAttachProblem: shares >= 2 ? undefined : `Azure shares a disk between nodes only with maxShares of 2 or more; this class has ${shares}` };
}
/** SKUs that attach only without host caching (see azureDiskClassProblems). */
const UNCACHED_SKUS: string[] = [AzureDiskSku.PREMIUM_V2_LRS, AzureDiskSku.ULTRA_SSD_LRS];

/**
 * Disks that attach only without host caching, whose class must say None,
 * since the driver's default is ReadOnly (azuredisk-csi-driver d983d613,
 * pkg/azureutils/azure_disk_utils.go ParseDiskParameters and GetCachingMode;
 * pkg/azuredisk/controllerserver.go ControllerPublishVolume):
 * - PremiumV2_LRS: the driver refuses any other mode ("cachingMode ReadOnly is
 *   not supported for PremiumV2_LRS") and writes None when none is given;
 * - UltraSSD_LRS: the driver passes ReadOnly on, and Azure refuses the attach
 *   ("Storage Account type UltraSSD_LRS is not supported with caching type ReadOnly");
 * - a shared disk (maxShares 2 or more): Azure refuses the attach ("Shared disk
 *   ... supports only Disk CachingType 'None'").
 */
function azureDiskClassProblems(parameters: { [key: string]: string }): ClassProblem[] {
  const caching = parameterIgnoringCase(parameters, 'cachingMode');
  if (caching === AzureDiskCachingMode.NONE) return [];
  const sku = parameterIgnoringCase(parameters, 'skuName') ?? parameterIgnoringCase(parameters, 'storageAccountType');
  const shares = Number(parameterIgnoringCase(parameters, 'maxShares') ?? 1);
  const unset = caching === undefined;
  const why = sku === AzureDiskSku.PREMIUM_V2_LRS ? (unset ? undefined : `the driver refuses "cachingMode ${caching} is not supported for ${sku}"`)
    : sku === AzureDiskSku.ULTRA_SSD_LRS ? `Azure refuses to attach ${sku} with caching ${caching ?? 'ReadOnly (the driver\'s default)'}`
      : shares >= 2 ? `Azure refuses to attach a shared disk (maxShares ${shares}) with caching ${caching ?? 'ReadOnly (the driver\'s default)'}`
        : undefined;
  return why ? [{ parameter: 'cachingMode', value: caching, allowed: `cachingMode None (${why})`, fix: 'set cachingMode: None' }] : [];
}
/** Azure shared disks exist for Ultra, Premium SSD v2, Premium SSD and Standard SSD, not Standard HDD (Azure docs, "Share an Azure managed disk"). */
const UNSHAREABLE_SKUS = [AzureDiskSku.STANDARD_LRS];
/** docs/driver-parameters.md, diskEncryptionSetID. */
const DISK_ENCRYPTION_SET_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/diskEncryptionSets\/[^/]+$/i;
/** pkg/util/util.go ConvertTagsToMap: "<>%&?\/ are not allowed in Azure tag keys"; "," splits tags and "=" splits a tag. */
const BAD_TAG_KEY = /[<>%&?\\/=,]/;

/** Azure Disk CSI (`disk.csi.azure.com`): pkg/azureutils/azure_disk_utils.go ParseDiskParameters and IsValidVolumeCapabilities. */
export function azureDiskRules(options: AzureDiskOptions): ProviderRules {
  const sku = options.skuName ?? AZURE_DISK_DEFAULT_SKU;
  // GetMaxShares: "invalid value" below 1.
  requireInteger(WHERE, 'maxShares', options.maxShares, { min: 1, fix: 'give maxShares as a whole number of at least 1' });
  const shares = options.maxShares ?? 1;
  // Where the only caching Azure attaches with is None, the class says so: the driver's default is ReadOnly.
  const cachingMode = options.cachingMode ?? (shares >= 2 || UNCACHED_SKUS.includes(sku) ? AzureDiskCachingMode.NONE : undefined);
  if (shares > 1 && UNSHAREABLE_SKUS.includes(sku)) {
    reject('maxShares', shares, `maxShares 1 with ${sku} (Azure shares only SSD and Ultra disks)`, 'choose an SSD SKU such as AzureDiskSku.PREMIUM_LRS, or remove maxShares');
  }
  if (options.diskEncryptionSetId !== undefined && !DISK_ENCRYPTION_SET_ID.test(options.diskEncryptionSetId)) {
    reject('diskEncryptionSetId', options.diskEncryptionSetId,
      'a resource id /subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Compute/diskEncryptionSets/{name}',
      'copy the id from `az disk-encryption-set show --query id`');
  }
  const parameters = definedParameters([
    ['skuName', sku],
    ['cachingMode', cachingMode],
    [FS_TYPE_KEY, options.fsType],
    ['maxShares', options.maxShares],
    ['diskEncryptionSetID', options.diskEncryptionSetId],
    ['tags', options.tags && renderTags(options.tags)],
  ]);
  for (const problem of azureDiskClassProblems(parameters)) reject(problem.parameter, problem.value, problem.allowed, `${problem.fix} (AzureDiskCachingMode.NONE), or leave cachingMode out`);
  return withCapabilities(AZURE_DISK_DRIVER, parameters);
}

/** `k1=v1,k2=v2`; ConvertTagsToMap trims keys and values, so spaces at either end would be lost. */
export function renderTags(tags: { [key: string]: string }, where: string = WHERE): string {
  const refuse = (prop: string, value: unknown, allowed: string, fix: string): never => {
    throw invalid({ where, prop, value, allowed, fix });
  };
  const keys = Object.keys(tags).sort();
  const badKey = keys.find(k => k.trim() === '' || k.trim() !== k || BAD_TAG_KEY.test(k));
  if (badKey !== undefined) {
    refuse('tags', badKey, 'non-empty tag keys without <>%&?\\/=, or spaces at either end', `rename the tag ${JSON.stringify(badKey)}`);
  }
  const badValue = keys.find(k => tags[k].includes(',') || tags[k].trim() !== tags[k]);
  if (badValue !== undefined) {
    refuse('tags', tags[badValue], 'tag values without "," or spaces at either end', `change the value of the tag ${JSON.stringify(badValue)}`);
  }
  return keys.map(k => `${k}=${tags[k]}`).join(',');
}

function reject(prop: string, value: unknown, allowed: string, fix: string): never {
  throw invalid({ where: WHERE, prop, value, allowed, fix });
}
