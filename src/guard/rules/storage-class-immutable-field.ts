import { GuardSeverity } from '../guard-types';
import { Manifest } from '../manifest';
import { ChangeRule, fieldRule } from './guard-rule';

const newClass = () => 'give the class a new name (claims cannot change class: move them to new claims), or delete the class and apply it again (existing volumes are kept)';

/**
 * The StorageClass fields the API server refuses to update
 * (kubernetes pkg/apis/storage/validation/validation.go ValidateStorageClassUpdate).
 */
export const STORAGE_CLASS_IMMUTABLE_FIELD: ChangeRule = fieldRule('storage-class-immutable-field', 'StorageClass', [
  { field: 'parameters', value: (m: Manifest) => m.parameters ?? {}, severity: GuardSeverity.REFUSED, message: 'updates to parameters are forbidden', remedy: newClass },
  { field: 'provisioner', value: (m: Manifest) => m.provisioner, severity: GuardSeverity.REFUSED, message: 'updates to provisioner are forbidden', remedy: newClass },
  { field: 'reclaimPolicy', value: m => m.reclaimPolicy ?? 'Delete', severity: GuardSeverity.REFUSED, message: 'updates to reclaimPolicy are forbidden', remedy: newClass },
  { field: 'volumeBindingMode', value: m => m.volumeBindingMode ?? 'Immediate', severity: GuardSeverity.REFUSED, message: 'updates to volumeBindingMode are forbidden', remedy: newClass },
]);
