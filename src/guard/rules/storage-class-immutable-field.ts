import { fieldRule, GuardRule } from './change-rule';
import { Severity } from '../../analysis/severity';
import { Manifest } from '../../manifests/manifest';

const newClass = () => 'give the class a new name (claims cannot change class: move them to new claims), or delete the class and apply it again (existing volumes are kept)';

/**
 * The StorageClass fields the API server refuses to update
 * (kubernetes pkg/apis/storage/validation/validation.go ValidateStorageClassUpdate).
 */
export const STORAGE_CLASS_IMMUTABLE_FIELD: GuardRule = fieldRule({
  id: 'storage-class-immutable-field',
  severity: Severity.REFUSED,
  summary: 'A StorageClass\'s parameters, provisioner, reclaimPolicy or volumeBindingMode changes: the API server refuses the update.',
  source: 'kubernetes pkg/apis/storage/validation/validation.go ValidateStorageClassUpdate',
}, 'StorageClass', [
  { field: 'parameters', value: (m: Manifest) => m.parameters ?? {}, message: 'updates to parameters are forbidden', fix: newClass },
  { field: 'provisioner', value: (m: Manifest) => m.provisioner, message: 'updates to provisioner are forbidden', fix: newClass },
  { field: 'reclaimPolicy', value: m => m.reclaimPolicy ?? 'Delete', message: 'updates to reclaimPolicy are forbidden', fix: newClass },
  { field: 'volumeBindingMode', value: m => m.volumeBindingMode ?? 'Immediate', message: 'updates to volumeBindingMode are forbidden', fix: newClass },
]);
