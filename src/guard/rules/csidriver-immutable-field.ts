import { GuardSeverity } from '../guard-types';
import { Manifest } from '../manifest';
import { ChangeRule, fieldRule, nsFlag } from './guard-rule';

const recreate = (m: Manifest) => `delete the object (kubectl delete csidriver ${m.metadata?.name}${nsFlag(m)}) and apply the new one`;

/**
 * The CSIDriver fields the API server refuses to update
 * (kubernetes pkg/apis/storage/validation/validation.go ValidateCSIDriverUpdate).
 */
export const CSIDRIVER_IMMUTABLE_FIELD: ChangeRule = fieldRule('csidriver-immutable-field', 'CSIDriver', [
  { field: 'spec.attachRequired', value: m => m.spec?.attachRequired ?? true, severity: GuardSeverity.REFUSED, message: 'attachRequired is immutable', remedy: recreate },
  { field: 'spec.volumeLifecycleModes', value: m => m.spec?.volumeLifecycleModes ?? ['Persistent'], severity: GuardSeverity.REFUSED, message: 'volumeLifecycleModes is immutable', remedy: recreate },
]);
