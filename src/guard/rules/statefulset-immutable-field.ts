import { GuardSeverity } from '../guard-types';
import { ChangeRule, fieldRule, orphanAndResync } from './guard-rule';

/**
 * The StatefulSet fields the API server refuses to update
 * (kubernetes pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate).
 */
export const STATEFULSET_IMMUTABLE_FIELD: ChangeRule = fieldRule('statefulset-immutable-field', 'StatefulSet', [
  ...['serviceName', 'selector'].map(field => ({
    field: `spec.${field}`,
    value: (m: any) => m.spec?.[field],
    severity: GuardSeverity.REFUSED,
    message: `updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden (${field})`,
    remedy: orphanAndResync,
  })),
  {
    field: 'spec.podManagementPolicy',
    value: m => m.spec?.podManagementPolicy ?? 'OrderedReady',
    severity: GuardSeverity.REFUSED,
    message: 'podManagementPolicy cannot change once the StatefulSet exists',
    remedy: orphanAndResync,
  },
  {
    field: 'spec.revisionHistoryLimit',
    value: m => m.spec?.revisionHistoryLimit ?? 10,
    severity: GuardSeverity.WARNING,
    message: 'revisionHistoryLimit is refused by API servers up to at least 1.31 (kubernetes#130263)',
    remedy: orphanAndResync,
  },
]);
