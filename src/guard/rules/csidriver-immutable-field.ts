import { fieldRule, GuardRule, nsFlag } from './change-rule';
import { Severity } from '../../analysis/severity';
import { Manifest } from '../../manifests/manifest';

const recreate = (m: Manifest) => `delete the object (kubectl delete csidriver ${m.metadata?.name}${nsFlag(m)}) and apply the new one`;

/**
 * The CSIDriver fields the API server refuses to update
 * (kubernetes pkg/apis/storage/validation/validation.go ValidateCSIDriverUpdate).
 */
export const CSIDRIVER_IMMUTABLE_FIELD: GuardRule = fieldRule({
  id: 'csidriver-immutable-field',
  severity: Severity.REFUSED,
  summary: 'A CSIDriver\'s attachRequired or volumeLifecycleModes changes: the API server refuses the update.',
  source: 'kubernetes pkg/apis/storage/validation/validation.go ValidateCSIDriverUpdate',
}, 'CSIDriver', [
  { field: 'spec.attachRequired', value: m => m.spec?.attachRequired ?? true, message: 'attachRequired is immutable', fix: recreate },
  { field: 'spec.volumeLifecycleModes', value: m => m.spec?.volumeLifecycleModes ?? ['Persistent'], message: 'volumeLifecycleModes is immutable', fix: recreate },
]);
