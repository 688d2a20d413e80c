import { fieldRule, GuardRule } from './change-rule';
import { Severity } from '../../analysis/severity';

const RETENTION_SOURCE = 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention';

/**
 * A StatefulSet whose claim retention turns to Delete: the replicas' claims
 * (and volumes of a Delete class) go with it or with a scale-down.
 */
export const STATEFULSET_CLAIM_RETENTION: GuardRule = fieldRule({
  id: 'statefulset-claim-retention',
  severity: Severity.DATA_LOSS,
  summary: 'A StatefulSet\'s persistentVolumeClaimRetentionPolicy turns to Delete: the replicas\' claims go with the StatefulSet or with a scale-down.',
  source: RETENTION_SOURCE,
}, 'StatefulSet', ['whenDeleted', 'whenScaled'].map(when => ({
  field: `spec.persistentVolumeClaimRetentionPolicy.${when}`,
  value: (m: any) => m.spec?.persistentVolumeClaimRetentionPolicy?.[when] ?? 'Retain',
  onlyTo: 'Delete',
  message: `the claims of the replicas are deleted ${when === 'whenDeleted' ? 'with the StatefulSet' : 'when it scales down'}`,
  fix: () => 'keep Retain, or back the data up first',
})));
