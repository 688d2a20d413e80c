import { FS_TYPE_KEY, definedParameters } from '../../core/parameters';
import { AzureDiskOptions, AzureDiskSku } from '../azure-disk-options';
import { ProviderRules } from './provider-rules';

/** Azure Disk CSI (`disk.csi.azure.com`). */
export function azureDiskRules(options: AzureDiskOptions): ProviderRules {
  return {
    label: 'Azure Disk',
    provisioner: 'disk.csi.azure.com',
    parameters: definedParameters([
      ['skuName', options.skuName ?? AzureDiskSku.STANDARD_SSD_LRS],
      ['cachingMode', options.cachingMode],
      [FS_TYPE_KEY, options.fsType],
    ]),
    multiAttachProblem: 'shared Azure disks need maxShares, which this library does not model',
  };
}
