import { changeHit, FieldChange, fieldHits, GuardRule, objectRule } from './change-rule';
import { Hit } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { BETA_CLASS_ANNOTATION, Manifest, stableJson } from '../../manifests/manifest';

const newClaim = () => 'create a new claim with the new settings and copy the data into it (for performance settings, use a VolumeAttributesClass)';
const SPEC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';
/** The class annotation that came before spec.storageClassName (core.BetaStorageClassAnnotation). */
const BETA_CLASS = BETA_CLASS_ANNOTATION;

const IMMUTABLE: FieldChange[] = [
  { field: 'spec.volumeName', value: m => m.spec?.volumeName, onceSet: true, message: 'volumeName may only be set once', fix: newClaim },
];

/** The spec fields judged by their own rules: the size (claim-size-change), the class, the volume name and the attributes class. */
const JUDGED_ELSEWHERE = ['resources', 'storageClassName', 'volumeName', 'volumeAttributesClassName'];

/**
 * The rest of the spec, as the API server holds it after defaulting: volumeMode
 * Filesystem, and dataSource and dataSourceRef each filled from the other
 * (PVC defaulting and the AnyVolumeDataSource rules), resources without the
 * requests (only they may change).
 */
function restOfSpec(m: Manifest): { [key: string]: unknown } {
  const spec = { ...m.spec };
  for (const key of JUDGED_ELSEWHERE) delete spec[key];
  spec.volumeMode ??= 'Filesystem';
  if (spec.dataSource && !spec.dataSourceRef) spec.dataSourceRef = spec.dataSource;
  if (spec.dataSourceRef && !spec.dataSource) spec.dataSource = spec.dataSourceRef;
  const { requests, ...limits } = m.spec?.resources ?? {};
  if (Object.keys(limits).length > 0) spec.resources = limits;
  return spec;
}

/** Every change to the rest of the spec, one finding per field ("spec is immutable after creation except ..."). */
function restHits(old: Manifest, next: Manifest): Hit[] {
  const [a, b] = [restOfSpec(old), restOfSpec(next)];
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    .filter(key => stableJson(a[key]) !== stableJson(b[key]))
    .map(key => changeHit(next, `spec.${key}`, a[key], b[key], key === 'volumeMode' ? 'volumeMode is immutable' : SPEC_IMMUTABLE, newClaim()));
}

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
}, 'PersistentVolumeClaim', (old, next) => [...classHits(old, next), ...restHits(old, next), ...fieldHits(IMMUTABLE, old, next), ...attributesClassHits(old, next)]);

/**
 * The class (ValidatePersistentVolumeClaimUpdate): spec.storageClassName may
 * go from unset to the class the beta annotation named, the annotation kept
 * or removed (validateStorageClassUpgradeFromAnnotation); otherwise the
 * annotation is immutable (ValidateImmutableAnnotation), and the class may go
 * from unset to a value only on a claim that had no class at all
 * (validateStorageClassUpgradeFromNil: the retroactive default class).
 */
function classHits(old: Manifest, next: Manifest): Hit[] {
  const [oldAnnotation, newAnnotation] = [betaClass(old), betaClass(next)];
  const [a, b] = [old.spec?.storageClassName, next.spec?.storageClassName];
  const annotationKeptOrDropped = newAnnotation === undefined || newAnnotation === oldAnnotation;
  if (oldAnnotation !== undefined && a === undefined && b === oldAnnotation && annotationKeptOrDropped) return [];
  const hits: Hit[] = [];
  if ((oldAnnotation ?? '') !== (newAnnotation ?? '')) {
    hits.push(changeHit(next, `metadata.annotations[${BETA_CLASS}]`, oldAnnotation, newAnnotation, 'field is immutable',
      `keep the annotation as it is (to move to spec.storageClassName, set storageClassName: ${oldAnnotation ?? '<the same class>'}), or ${newClaim()}`));
  }
  const fromNil = a === undefined && oldAnnotation === undefined;
  if (a !== b && !(fromNil && b !== undefined)) hits.push(changeHit(next, 'spec.storageClassName', a, b, SPEC_IMMUTABLE, newClaim()));
  return hits;
}

function betaClass(m: Manifest): string | undefined {
  return m.metadata?.annotations?.[BETA_CLASS];
}

/**
 * volumeAttributesClassName may change (the driver modifies the volume). Since
 * Kubernetes 1.34 (PR 132106) unsetting it, or setting "", is refused only
 * while a class is in force (status.currentVolumeAttributesClassName), which
 * the manifests do not show: a warning.
 */
function attributesClassHits(old: Manifest, next: Manifest): Hit[] {
  const [a, b] = [old.spec?.volumeAttributesClassName, next.spec?.volumeAttributesClassName];
  if (a === undefined || a === null || (b !== undefined && b !== null && b !== '')) return [];
  return [changeHit(next, 'spec.volumeAttributesClassName', a, b,
    `refused while ${a} is in force on the volume (status.currentVolumeAttributesClassName): `
      + (b === '' ? 'update to empty string is forbidden' : 'update from non-nil value to nil is forbidden'),
    `switch to another VolumeAttributesClass rather than unsetting ${a}`, Severity.WARNING)];
}
