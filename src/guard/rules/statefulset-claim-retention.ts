import { GuardSeverity } from '../guard-types';
import { ChangeRule, fieldRule } from './guard-rule';

/**
 * A StatefulSet whose claim retention turns to Delete: the replicas' claims
 * (and volumes of a Delete class) go with it or with a scale-down
 * (https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention).
 */
export const STATEFULSET_CLAIM_RETENTION: ChangeRule = fieldRule('statefulset-claim-retention', 'StatefulSet',
  ['whenDeleted', 'whenScaled'].map(when => ({
    field: `spec.persistentVolumeClaimRetentionPolicy.${when}`,
    value: (m: any) => m.spec?.persistentVolumeClaimRetentionPolicy?.[when] ?? 'Retain',
    onlyTo: 'Delete',
    severity: GuardSeverity.DATA_LOSS,
    message: `the claims of the replicas are deleted ${when === 'whenDeleted' ? 'with the StatefulSet' : 'when it scales down'}`,
    remedy: () => 'keep Retain, or back the data up first',
  })),
);
