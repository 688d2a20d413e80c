import { GuardSeverity } from '../guard-types';
import { ChangeRule, fieldRule } from './guard-rule';

const newClaim = () => 'create a new claim with the new settings and copy the data into it (for performance settings, use a VolumeAttributesClass)';

/**
 * The claim fields the API server refuses to update
 * (kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate).
 */
export const CLAIM_IMMUTABLE_FIELD: ChangeRule = fieldRule('claim-immutable-field', 'PersistentVolumeClaim', [
  ...['storageClassName', 'accessModes', 'selector'].map(field => ({
    field: `spec.${field}`,
    value: (m: any) => m.spec?.[field],
    severity: GuardSeverity.REFUSED,
    message: 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    remedy: newClaim,
  })),
  { field: 'spec.volumeMode', value: m => m.spec?.volumeMode ?? 'Filesystem', severity: GuardSeverity.REFUSED, message: 'volumeMode is immutable', remedy: newClaim },
  { field: 'spec.volumeName', value: m => m.spec?.volumeName, onceSet: true, severity: GuardSeverity.REFUSED, message: 'volumeName may only be set once', remedy: newClaim },
]);
