import { fieldRule, GuardRule } from './change-rule';
import { Severity } from '../../analysis/severity';
import { Manifest } from '../../manifests/manifest';

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
export const VOLUME_IMMUTABLE_FIELD: GuardRule = fieldRule({
  id: 'volume-immutable-field',
  severity: Severity.REFUSED,
  summary: 'A PV\'s volume source or volumeMode changes, or its nodeAffinity once set: the API server refuses the update.',
  source: 'kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeUpdate',
}, 'PersistentVolume', [
  { field: 'spec (volume source)', value: pvSource, message: 'spec.persistentvolumesource is immutable after creation', fix: newVolume },
  { field: 'spec.volumeMode', value: m => m.spec?.volumeMode ?? 'Filesystem', message: 'volumeMode is immutable', fix: newVolume },
  { field: 'spec.nodeAffinity', value: m => m.spec?.nodeAffinity, onceSet: true, message: 'nodeAffinity is immutable once set', fix: newVolume },
  {
    // It may change (the driver modifies the volume), but not back to unset.
    field: 'spec.volumeAttributesClassName',
    value: m => m.spec?.volumeAttributesClassName,
    onceSet: true,
    onlyToUnset: true,
    message: 'update from non-nil value to nil is forbidden',
    fix: m => `keep a VolumeAttributesClass named (${m.spec?.volumeAttributesClassName} is in force); switch to another class rather than unsetting it`,
  },
]);
