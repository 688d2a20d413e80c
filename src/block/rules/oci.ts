import { Size } from 'cdk8s';
import { FS_TYPE_KEY, definedParameters } from '../../core/parameters';
import { OciBlockVolumeOptions } from '../oci-options';
import { ProviderRules, requireInteger } from './provider-rules';

/** From this many VPUs per GB a volume is Ultra High Performance, which raw-block multi-attach rejects. */
const ULTRA_HIGH_PERFORMANCE_VPUS = 30;

/** OCI Block Volume CSI (pkg/csi/driver/bv_controller.go, pkg/csi-util/utils.go). */
export function ociRules(options: OciBlockVolumeOptions): ProviderRules {
  requireInteger(options.vpusPerGb, 0, 120, 'BlockProvider.oci()', 'vpusPerGb');
  const vpus = options.vpusPerGb ?? 10;
  return {
    label: 'OCI Block Volume',
    provisioner: 'blockvolume.csi.oraclecloud.com',
    parameters: definedParameters([
      ['vpusPerGB', options.vpusPerGb],
      ['attachment-type', options.attachmentType],
      ['kms-key-id', options.kmsKeyId],
      [FS_TYPE_KEY, options.fsType],
    ]),
    // MinimumVolumeSizeInBytes = 50 GiB: smaller requests are silently enlarged.
    minimumSize: Size.gibibytes(50),
    maximumSize: Size.tebibytes(32),
    // RWX is served for Block volumes since the driver's v1.32 line, but not for UHP volumes.
    multiAttachProblem: vpus >= ULTRA_HIGH_PERFORMANCE_VPUS
      ? `OCI rejects raw-block multi-attach for Ultra High Performance volumes (vpusPerGb ${vpus} >= ${ULTRA_HIGH_PERFORMANCE_VPUS})`
      : undefined,
  };
}
