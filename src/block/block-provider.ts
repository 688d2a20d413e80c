import { AzureDiskOptions } from './azure-disk-options';
import { EbsOptions } from './ebs-options';
import { GcePdOptions } from './gce-pd-options';
import { OciBlockVolumeOptions } from './oci-options';
import { AZURE_DISK_OPTIONS, EBS_OPTIONS, GCE_PD_OPTIONS, OCI_OPTIONS } from './provider-schemas';
import { azureDiskRules } from './rules/azure-disk';
import { ebsRules } from './rules/ebs';
import { gcePdRules } from './rules/gce-pd';
import { ociRules } from './rules/oci';
import { ProviderRules } from './rules/provider-rules';
import { checkProps } from '../core/checks';

/**
 * A topology-bound block-storage driver and its typed parameters. Each
 * factory checks the parameters as the driver would, so a class that the
 * driver would refuse at provisioning time cannot be written.
 */
export class BlockProvider {
  /** AWS EBS (`ebs.csi.aws.com`). */
  public static ebs(options: EbsOptions = {}): BlockProvider {
    return new BlockProvider(ebsRules(checkProps('BlockProvider.ebs', options, EBS_OPTIONS, 'EbsOptions')));
  }

  /** OCI Block Volume (`blockvolume.csi.oraclecloud.com`); volumes are 50Gi to 32Ti. */
  public static oci(options: OciBlockVolumeOptions = {}): BlockProvider {
    return new BlockProvider(ociRules(checkProps('BlockProvider.oci', options, OCI_OPTIONS, 'OciBlockVolumeOptions')));
  }

  /** Google Compute Engine persistent disk (`pd.csi.storage.gke.io`). */
  public static gcePd(options: GcePdOptions = {}): BlockProvider {
    return new BlockProvider(gcePdRules(checkProps('BlockProvider.gcePd', options, GCE_PD_OPTIONS, 'GcePdOptions')));
  }

  /** Azure managed disk (`disk.csi.azure.com`). */
  public static azureDisk(options: AzureDiskOptions = {}): BlockProvider {
    return new BlockProvider(azureDiskRules(checkProps('BlockProvider.azureDisk', options, AZURE_DISK_OPTIONS, 'AzureDiskOptions')));
  }

  /** The CSI driver name. */
  public readonly provisioner: string;
  /** The StorageClass parameters. */
  public readonly parameters: { [key: string]: string };
  /** Whether raw-block multi-attach (`multiAttachClaim`) is served by this driver and these parameters. */
  public readonly supportsMultiAttach: boolean;

  private constructor(private readonly rules: ProviderRules) {
    this.provisioner = rules.provisioner;
    this.parameters = rules.parameters;
    this.supportsMultiAttach = rules.multiAttachProblem === undefined;
  }

  /** @internal */
  public get _rules(): ProviderRules {
    return this.rules;
  }
}
