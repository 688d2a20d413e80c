import { GuardSeverity } from '../guard-types';
import { Manifest } from '../manifest';
import { ChangeRule, fieldRule } from './guard-rule';

const newVolume = () => 'create a new PV under another name and bind a new claim to it; a PV\'s source cannot be edited';

const NOT_SOURCE = [
  'capacity', 'accessModes', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'mountOptions', 'volumeMode', 'nodeAffinity', 'volumeAttributesClassName',
];

/** The volume source of a PV: its spec without the fields that are not the source (PersistentVolumeSpec's inline PersistentVolumeSource). */
function pvSource(m: Manifest): unknown {
  const source = { ...m.spec };
  for (const field of NOT_SOURCE) delete source[field];
  return source;
}

/**
 * The PV fields the API server refuses to update
 * (kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeUpdate).
 */
export const VOLUME_IMMUTABLE_FIELD: ChangeRule = fieldRule('volume-immutable-field', 'PersistentVolume', [
  { field: 'spec (volume source)', value: pvSource, severity: GuardSeverity.REFUSED, message: 'spec.persistentvolumesource is immutable after creation', remedy: newVolume },
  { field: 'spec.volumeMode', value: m => m.spec?.volumeMode ?? 'Filesystem', severity: GuardSeverity.REFUSED, message: 'volumeMode is immutable', remedy: newVolume },
  { field: 'spec.nodeAffinity', value: m => m.spec?.nodeAffinity, onceSet: true, severity: GuardSeverity.REFUSED, message: 'nodeAffinity is immutable once set', remedy: newVolume },
]);
