import { changeHit, FieldChange, fieldHits, GuardRule, objectRule } from './change-rule';
import { Hit } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Manifest } from '../../manifests/manifest';

const newClaim = () => 'create a new claim with the new settings and copy the data into it (for performance settings, use a VolumeAttributesClass)';
const SPEC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';
/** The class annotation that came before spec.storageClassName (core.BetaStorageClassAnnotation). */
const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

const IMMUTABLE: FieldChange[] = [
  ...['accessModes', 'selector'].map(field => ({ field: `spec.${field}`, value: (m: any) => m.spec?.[field], message: SPEC_IMMUTABLE, fix: newClaim })),
  { field: 'spec.volumeMode', value: m => m.spec?.volumeMode ?? 'Filesystem', message: 'volumeMode is immutable', fix: newClaim },
  { field: 'spec.volumeName', value: m => m.spec?.volumeName, onceSet: true, message: 'volumeName may only be set once', fix: newClaim },
];

/**
 * The claim fields the API server refuses to update
 * (kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate).
 */
export const CLAIM_IMMUTABLE_FIELD: GuardRule = objectRule({
  id: 'claim-immutable-field',
  severity: Severity.REFUSED,
  summary: 'A claim\'s class, accessModes, selector or volumeMode changes, its volumeName changes once set, '
    + 'or its volumeAttributesClassName is unset: the API server refuses the update.',
  source: 'kubernetes pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimUpdate',
}, 'PersistentVolumeClaim', (old, next) => [...classHits(old, next), ...fieldHits(IMMUTABLE, old, next), ...attributesClassHits(old, next)]);

/**
 * The class: the beta annotation is immutable (ValidateImmutableAnnotation),
 * and spec.storageClassName may only go from unset to a value, where the
 * claim had no class at all (validateStorageClassUpgradeFromNil: the
 * retroactive default class) or moves from the annotation to the same name in
 * spec while keeping the annotation (validateStorageClassUpgradeFromAnnotation).
 */
function classHits(old: Manifest, next: Manifest): Hit[] {
  const [oldAnnotation, newAnnotation] = [betaClass(old), betaClass(next)];
  const hits: Hit[] = [];
  if ((oldAnnotation ?? '') !== (newAnnotation ?? '')) {
    hits.push(changeHit(next, `metadata.annotations[${BETA_CLASS}]`, oldAnnotation, newAnnotation, 'field is immutable',
      `keep the annotation as it is (to move to spec.storageClassName, keep it and set storageClassName: ${oldAnnotation ?? '<the same class>'}), or ${newClaim()}`));
  }
  const [a, b] = [old.spec?.storageClassName, next.spec?.storageClassName];
  const upgrade = a === undefined && b !== undefined && (oldAnnotation === undefined || (oldAnnotation === newAnnotation && oldAnnotation === b));
  if (a !== b && !upgrade) hits.push(changeHit(next, 'spec.storageClassName', a, b, SPEC_IMMUTABLE, newClaim()));
  return hits;
}

function betaClass(m: Manifest): string | undefined {
  return m.metadata?.annotations?.[BETA_CLASS];
}

/** volumeAttributesClassName may change (the driver modifies the volume), but not back to unset or to "". */
function attributesClassHits(old: Manifest, next: Manifest): Hit[] {
  const [a, b] = [old.spec?.volumeAttributesClassName, next.spec?.volumeAttributesClassName];
  if (a === undefined || a === null || (b !== undefined && b !== null && b !== '')) return [];
  return [changeHit(next, 'spec.volumeAttributesClassName', a, b, b === '' ? 'update to empty string is forbidden' : 'update from non-nil value to nil is forbidden',
    `keep a VolumeAttributesClass named: switch to another class (${a} is in force) rather than unsetting it`)];
}
