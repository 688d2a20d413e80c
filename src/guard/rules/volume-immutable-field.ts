import { changeHit, fieldHits, GuardRule, objectRule } from './change-rule';
import { Hit } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Manifest, stableJson } from '../../manifests/manifest';

const newVolume = () => 'create a new PV under another name and bind a new claim to it; a PV\'s source cannot be edited';

const NOT_SOURCE = [
  'capacity', 'accessModes', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'mountOptions', 'volumeMode', 'nodeAffinity', 'volumeAttributesClassName',
];

/**
 * The beta topology labels and their GA names: a PV's node affinity may be
 * rewritten from the one to the other, and nothing else (kubernetes
 * pkg/apis/core/validation/validation.go betaToGALabel, validatePvNodeAffinity).
 */
const BETA_TO_GA: { readonly [beta: string]: string } = {
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
  'beta.kubernetes.io/os': 'kubernetes.io/os',
  'beta.kubernetes.io/arch': 'kubernetes.io/arch',
  'beta.kubernetes.io/instance-type': 'node.kubernetes.io/instance-type',
};

/**
 * The volume source of a PV: its spec without the fields that are not the
 * source (PersistentVolumeSpec's inline PersistentVolumeSource). A CSI
 * source's controllerExpandSecretRef is left out when `masked`: it may be
 * added to a PV that had none (the documented way to make a static CSI
 * volume expandable), and ValidatePersistentVolumeUpdate masks it then.
 */
function pvSource(m: Manifest, masked: boolean): unknown {
  const source = { ...m.spec };
  for (const field of NOT_SOURCE) delete source[field];
  if (masked && source.csi) source.csi = { ...source.csi, controllerExpandSecretRef: undefined };
  return source;
}

/** Whether `b` is `a` with none, some or all of its beta topology keys renamed to their GA names (never the other way). */
function sameOrRenamedToGa(a: unknown, b: unknown, key?: string): boolean {
  if (key === 'key' && typeof a === 'string' && BETA_TO_GA[a] === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameOrRenamedToGa(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every(k => sameOrRenamedToGa((a as any)[k], (b as any)[k], k));
  }
  return a === b;
}

/**
 * The PV fields the API server refuses to update
 * (kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeUpdate).
 */
export const VOLUME_IMMUTABLE_FIELD: GuardRule = objectRule({
  id: 'volume-immutable-field',
  severity: Severity.REFUSED,
  summary: 'A PV\'s volume source or volumeMode changes, its nodeAffinity once set (beyond beta labels renamed to GA), '
    + 'or its volumeAttributesClassName is unset: the API server refuses the update.',
  source: 'kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeUpdate, validatePvNodeAffinity',
}, 'PersistentVolume', (old, next) => [...sourceHits(old, next), ...fieldHits([
  { field: 'spec.volumeMode', value: m => m.spec?.volumeMode ?? 'Filesystem', message: 'volumeMode is immutable', fix: newVolume },
  {
    // It may change (the driver modifies the volume), but not back to unset.
    field: 'spec.volumeAttributesClassName',
    value: m => m.spec?.volumeAttributesClassName,
    onceSet: true,
    onlyToUnset: true,
    message: 'update from non-nil value to nil is forbidden',
    fix: m => `keep a VolumeAttributesClass named (${m.spec?.volumeAttributesClassName} is in force); switch to another class rather than unsetting it`,
  },
], old, next), ...nodeAffinityHits(old, next), ...emptyAttributesClass(next)]);

function sourceHits(old: Manifest, next: Manifest): Hit[] {
  const masked = old.spec?.csi?.controllerExpandSecretRef === undefined;
  const [a, b] = [pvSource(old, masked), pvSource(next, masked)];
  return stableJson(a) === stableJson(b) ? [] : [changeHit(next, 'spec (volume source)', pvSource(old, false), pvSource(next, false),
    'spec.persistentvolumesource is immutable after creation', newVolume())];
}

function nodeAffinityHits(old: Manifest, next: Manifest): Hit[] {
  const [a, b] = [old.spec?.nodeAffinity, next.spec?.nodeAffinity];
  if (a === undefined || sameOrRenamedToGa(a, b)) return [];
  return [changeHit(next, 'spec.nodeAffinity', a, b, 'nodeAffinity is immutable once set (only beta topology labels may be renamed to their GA names)', newVolume())];
}

/** "" names no class: the API server refuses it on a PV (ValidatePersistentVolumeSpec). */
function emptyAttributesClass(next: Manifest): Hit[] {
  return next.spec?.volumeAttributesClassName === '' ? [changeHit(next, 'spec.volumeAttributesClassName', undefined, '',
    'an empty string is not a VolumeAttributesClass name', 'leave volumeAttributesClassName out, or name a class')] : [];
}
