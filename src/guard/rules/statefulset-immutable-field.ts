import { fieldRule, GuardRule, orphanAndResync } from './change-rule';
import { Severity } from '../../analysis/severity';

/**
 * The StatefulSet fields the API server refuses to update
 * (kubernetes pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate).
 */
export const STATEFULSET_IMMUTABLE_FIELD: GuardRule = fieldRule({
  id: 'statefulset-immutable-field',
  severity: Severity.REFUSED,
  summary: 'A StatefulSet\'s serviceName, selector, podManagementPolicy or revisionHistoryLimit changes: the API server refuses the update.',
  source: 'kubernetes pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate',
}, 'StatefulSet', [
  ...['serviceName', 'selector'].map(field => ({
    field: `spec.${field}`,
    value: (m: any) => m.spec?.[field],
    message: `updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden (${field})`,
    fix: orphanAndResync,
  })),
  {
    field: 'spec.podManagementPolicy',
    value: m => m.spec?.podManagementPolicy ?? 'OrderedReady',
    message: 'podManagementPolicy cannot change once the StatefulSet exists',
    fix: orphanAndResync,
  },
  {
    // Not among the fields ValidateStatefulSetUpdate lets change in any release up to at least 1.35 (kubernetes#130263).
    field: 'spec.revisionHistoryLimit',
    value: m => m.spec?.revisionHistoryLimit ?? 10,
    message: 'updates to statefulset spec for fields other than \'replicas\', \'ordinals\', \'template\', \'updateStrategy\', '
      + '\'persistentVolumeClaimRetentionPolicy\' and \'minReadySeconds\' are forbidden (revisionHistoryLimit; refused up to at least Kubernetes 1.35)',
    fix: orphanAndResync,
  },
]);
