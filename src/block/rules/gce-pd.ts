import { ProviderRules } from './provider-rules';
import { invalid } from '../../core/errors';
import { FS_TYPE_KEY, definedParameters } from '../../core/parameters';
import { GcePdOptions, GcePdReplication, GcePdType } from '../gce-pd-options';

/** GCE PD CSI (README parameters; pkg/gce-pd-csi-driver/utils.go access modes). */
export function gcePdRules(options: GcePdOptions): ProviderRules {
  return {
    label: 'GCE PD',
    provisioner: 'pd.csi.storage.gke.io',
    parameters: definedParameters([
      ['type', options.type ?? GcePdType.PD_STANDARD],
      ['replication-type', options.replication === GcePdReplication.REGIONAL_PD ? options.replication : undefined],
      ['disk-encryption-kms-key', options.diskEncryptionKmsKey],
      ['labels', options.labels && renderLabels(options.labels)],
      [FS_TYPE_KEY, options.fsType],
    ]),
    // The driver's only topology key.
    topologyKey: 'topology.gke.io/zone',
    // MULTI_NODE_MULTI_WRITER is served with Block only ("specified multi writer with mount access type").
    multiAttachProblem: undefined,
  };
}

/** `k1=v1,k2=v2`: neither keys nor values may hold "," or "=". */
function renderLabels(labels: { [key: string]: string }): string {
  const entries = Object.entries(labels);
  const bad = entries.find(([k, v]) => !k || /[,=]/.test(k) || /[,=]/.test(v));
  if (bad) {
    throw invalid({
      where: 'BlockProvider.gcePd()',
      prop: 'labels',
      value: labels,
      allowed: 'non-empty keys; keys and values without "," or "=" (they are joined as k1=v1,k2=v2)',
      fix: `change the label ${JSON.stringify(bad[0])}`,
    });
  }
  return entries.map(([k, v]) => `${k}=${v}`).join(',');
}
