import { BlockDriver, DriverCapabilities, ProviderRules, parameterIgnoringCase, withCapabilities } from './provider-rules';
import { requireInteger } from '../../core/checks';
import { invalid } from '../../core/errors';
import { FS_TYPE_KEY, definedParameters } from '../../core/parameters';
import { AzureDiskCachingMode, AzureDiskOptions, AzureDiskSku } from '../azure-disk-options';

const WHERE = 'BlockProvider.azureDisk()';

export const AZURE_DISK_DRIVER: BlockDriver = {
  label: 'Azure Disk',
  provisioner: 'disk.csi.azure.com',
  // pkg/azuredisk/azuredisk.go: topologyKey = "topology.<driver name>/zone".
  topologyKey: 'topology.disk.csi.azure.com/zone',
  // IsValidAvailabilityZone: "<region>-<zone-id>"; PickAvailabilityZone ignores other names and makes a zoneless disk.
  zoneFormat: { pattern: /^[a-z0-9]+-[0-9]+$/, example: 'eastus2-1' },
  capabilities: azureDiskCapabilities,
};

/** What an Azure Disk class serves; ParseDiskParameters lower-cases the keys. */
function azureDiskCapabilities(parameters: { [key: string]: string }): DriverCapabilities {
  const shares = Number(parameterIgnoringCase(parameters, 'maxShares') ?? 1);
  // IsValidVolumeCapabilities: multi-node modes need a Block volume ("mountVolume is not supported") and maxShares >= 2.
  return { multiAttachProblem: shares >= 2 ? undefined : `Azure shares a disk between nodes only with maxShares of 2 or more; this class has ${shares}` };
}
/** SKUs without host caching: pkg/azureutils/azure_disk_utils.go ParseDiskParameters refuses other modes for PremiumV2_LRS; docs/driver-parameters.md adds UltraSSD_LRS. */
const UNCACHED_SKUS = [AzureDiskSku.PREMIUM_V2_LRS, AzureDiskSku.ULTRA_SSD_LRS];
/** Azure shared disks exist for Ultra, Premium SSD v2, Premium SSD and Standard SSD, not Standard HDD (Azure docs, "Share an Azure managed disk"). */
const UNSHAREABLE_SKUS = [AzureDiskSku.STANDARD_LRS];
/** docs/driver-parameters.md, diskEncryptionSetID. */
const DISK_ENCRYPTION_SET_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/diskEncryptionSets\/[^/]+$/i;
/** pkg/util/util.go ConvertTagsToMap: "<>%&?\/ are not allowed in Azure tag keys"; "," splits tags and "=" splits a tag. */
const BAD_TAG_KEY = /[<>%&?\\/=,]/;

/** Azure Disk CSI (`disk.csi.azure.com`): pkg/azureutils/azure_disk_utils.go ParseDiskParameters and IsValidVolumeCapabilities. */
export function azureDiskRules(options: AzureDiskOptions): ProviderRules {
  const sku = options.skuName ?? AzureDiskSku.STANDARD_SSD_LRS;
  if (options.cachingMode !== undefined && options.cachingMode !== AzureDiskCachingMode.NONE && UNCACHED_SKUS.includes(sku)) {
    reject('cachingMode', options.cachingMode, `cachingMode None with ${sku} (the driver refuses "cachingMode ${options.cachingMode} is not supported")`,
      'remove cachingMode, or set AzureDiskCachingMode.NONE');
  }
  // GetMaxShares: "invalid value" below 1.
  requireInteger(WHERE, 'maxShares', options.maxShares, { min: 1, fix: 'give maxShares as a whole number of at least 1' });
  const shares = options.maxShares ?? 1;
  if (shares > 1 && UNSHAREABLE_SKUS.includes(sku)) {
    reject('maxShares', shares, `maxShares 1 with ${sku} (Azure shares only SSD and Ultra disks)`, 'choose an SSD SKU such as AzureDiskSku.PREMIUM_LRS, or remove maxShares');
  }
  if (options.diskEncryptionSetId !== undefined && !DISK_ENCRYPTION_SET_ID.test(options.diskEncryptionSetId)) {
    reject('diskEncryptionSetId', options.diskEncryptionSetId,
      'a resource id /subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Compute/diskEncryptionSets/{name}',
      'copy the id from `az disk-encryption-set show --query id`');
  }
  return withCapabilities(AZURE_DISK_DRIVER, definedParameters([
    ['skuName', sku],
    ['cachingMode', options.cachingMode],
    [FS_TYPE_KEY, options.fsType],
    ['maxShares', options.maxShares],
    ['diskEncryptionSetID', options.diskEncryptionSetId],
    ['tags', options.tags && renderTags(options.tags)],
  ]));
}

/** `k1=v1,k2=v2`; ConvertTagsToMap trims keys and values, so spaces at either end would be lost. */
function renderTags(tags: { [key: string]: string }): string {
  const keys = Object.keys(tags).sort();
  const badKey = keys.find(k => k.trim() === '' || k.trim() !== k || BAD_TAG_KEY.test(k));
  if (badKey !== undefined) {
    reject('tags', badKey, 'non-empty tag keys without <>%&?\\/=, or spaces at either end', `rename the tag ${JSON.stringify(badKey)}`);
  }
  const badValue = keys.find(k => tags[k].includes(',') || tags[k].trim() !== tags[k]);
  if (badValue !== undefined) {
    reject('tags', tags[badValue], 'tag values without "," or spaces at either end', `change the value of the tag ${JSON.stringify(badValue)}`);
  }
  return keys.map(k => `${k}=${tags[k]}`).join(',');
}

function reject(prop: string, value: unknown, allowed: string, fix: string): never {
  throw invalid({ where: WHERE, prop, value, allowed, fix });
}
