import { fieldRule, GuardRule } from './change-rule';
import { Severity } from '../../analysis/severity';

const newClaim = () => 'create a new claim with the new settings and copy the data into it (for performance settings, use a VolumeAttributesClass)';
const SPEC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

/**
 * The claim fields the API server refuses to update
 * (kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate).
 */
export const CLAIM_IMMUTABLE_FIELD: GuardRule = fieldRule({
  id: 'claim-immutable-field',
  severity: Severity.REFUSED,
  summary: 'A claim\'s storageClassName, accessModes, selector or volumeMode changes, or its volumeName changes once set: the API server refuses the update.',
  source: 'kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate',
}, 'PersistentVolumeClaim', [
  ...['storageClassName', 'accessModes', 'selector'].map(field => ({ field: `spec.${field}`, value: (m: any) => m.spec?.[field], message: SPEC_IMMUTABLE, fix: newClaim })),
  { field: 'spec.volumeMode', value: m => m.spec?.volumeMode ?? 'Filesystem', message: 'volumeMode is immutable', fix: newClaim },
  { field: 'spec.volumeName', value: m => m.spec?.volumeName, onceSet: true, message: 'volumeName may only be set once', fix: newClaim },
]);
