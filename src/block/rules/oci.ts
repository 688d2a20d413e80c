import { Size } from 'cdk8s';
import { BlockDriver, DriverCapabilities, ProviderRules, withCapabilities } from './provider-rules';
import { requireInteger } from '../../core/checks';
import { invalid } from '../../core/errors';
import { FS_TYPE_KEY, definedParameters } from '../../core/parameters';
import { OciBlockVolumeOptions } from '../oci-options';

/** From this many VPUs per GB a volume is Ultra High Performance. */
const ULTRA_HIGH_PERFORMANCE_VPUS = 30;
const WHERE = 'BlockProvider.oci()';

// bv_node.go NodeGetInfo reports the node's availability domain under topology.kubernetes.io/zone.
/** The class OKE clusters come with (the default class of clusters created at Kubernetes 1.24 and later). */
export const OCI_DEFAULT_CLASS = 'oci-bv';

export const OCI_DRIVER: BlockDriver = {
  label: 'OCI Block Volume',
  provisioner: 'blockvolume.csi.oraclecloud.com',
  // pkg/csi/driver/bv_controller.go (1100ac36, v1.35.0): CREATE_DELETE_SNAPSHOT and CLONE_VOLUME; not MODIFY_VOLUME
  // (ControllerModifyVolume: "ControllerModifyVolume is not supported yet").
  // pkg/csi/driver/bv_controller.go: csi_util.RoundUpSize(volSize, 1*client.GiB).
  roundsToGiB: true,
  snapshots: true,
  cloning: true,
  modifiesVolumes: false,
  topologyKey: 'topology.kubernetes.io/zone',
  capabilities: ociCapabilities,
};

/** What an OCI class serves (pkg/csi-util/utils.go; keys are matched exactly). */
function ociCapabilities(parameters: { [key: string]: string }): DriverCapabilities {
  // ExtractBlockVolumePerformanceLevel: 10 (Balanced) when vpusPerGB is not given.
  const vpus = Number(parameters.vpusPerGB ?? 10);
  return {
    // utils.go MinimumVolumeSizeInBytes = 50 GiB: ExtractStorage enlarges smaller requests.
    minimumSize: { size: Size.gibibytes(50), reason: 'OCI would silently enlarge a smaller volume to 50Gi, so the PV capacity would not match the claim' },
    // utils.go MaximumVolumeSizeInBytes = 32 TiB: larger requests fail.
    maximumSize: Size.tebibytes(32),
    // bv_controller.go CreateVolume: "failed to support Block volumeMode for Ultra High Performance Volumes (vpusPerGB >= 30)",
    // for any Block capability, not only multi-attach.
    blockModeProblem: vpus >= ULTRA_HIGH_PERFORMANCE_VPUS
      ? `OCI refuses Block volumes for Ultra High Performance (vpusPerGb ${vpus} >= ${ULTRA_HIGH_PERFORMANCE_VPUS})`
      : undefined,
    // supportedVolumeCapabilities: MULTI_NODE_MULTI_WRITER with the Block access type only (driver v1.32 and later).
    multiAttachProblem: undefined,
  };
}

/** OCI Block Volume CSI (oci-cloud-controller-manager pkg/csi/driver/bv_controller.go, pkg/csi-util/utils.go). */
export function ociRules(options: OciBlockVolumeOptions): ProviderRules {
  // utils.go ExtractBlockVolumePerformanceLevel: LowCostPerformanceOption 0 to MaxUltraHighPerformanceOption 120.
  requireInteger(WHERE, 'vpusPerGb', options.vpusPerGb, { min: 0, max: 120, fix: 'give vpusPerGb as a whole number from 0 to 120' });
  return withCapabilities(OCI_DRIVER, definedParameters([
    ['vpusPerGB', options.vpusPerGb],
    ['attachment-type', options.attachmentType],
    ['kms-key-id', options.kmsKeyId],
    [FS_TYPE_KEY, options.fsType],
    // extractVolumeParameters json.Unmarshals both into map[string]string and map[string]map[string]interface{}.
    ['oci.oraclecloud.com/initial-freeform-tags-override', options.freeformTags && tagsJson(options.freeformTags, 'freeformTags')],
    ['oci.oraclecloud.com/initial-defined-tags-override', options.definedTags && definedTagsJson(options.definedTags)],
  ]));
}

/** Keys in sorted order, so the JSON is the same on every synth. */
function tagsJson(tags: { [key: string]: string }, prop: string): string {
  const keys = Object.keys(tags).sort();
  const empty = keys.find(k => k.trim() === '');
  if (empty !== undefined) {
    throw invalid({ where: WHERE, prop, value: tags, allowed: 'non-empty tag keys', fix: 'remove the tag with the empty key' });
  }
  return JSON.stringify(Object.fromEntries(keys.map(k => [k, tags[k]])));
}

function definedTagsJson(tags: { [namespace: string]: { [key: string]: string } }): string {
  const namespaces = Object.keys(tags).sort();
  if (namespaces.some(ns => ns.trim() === '')) {
    throw invalid({ where: WHERE, prop: 'definedTags', value: tags, allowed: 'non-empty tag namespaces', fix: 'name the tag namespace, as in { Operations: { CostCenter: "42" } }' });
  }
  return `{${namespaces.map(ns => `${JSON.stringify(ns)}:${tagsJson(tags[ns], `definedTags.${ns}`)}`).join(',')}}`;
}
