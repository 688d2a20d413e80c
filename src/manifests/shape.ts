import { Manifest, objectKey } from './manifest';
import { isTreeShaped, sourceOf } from './source';
import { isPlainObject as isObject } from '../core/checks';
import { StorageValidationError } from '../core/errors';
import { parseQuantity } from '../core/quantity';

/**
 * Input checks shared by `check` and `guard`. Their rules read fields of
 * arbitrary manifests; a field of the wrong shape would otherwise crash a rule
 * (a TypeError) or, worse, judge as "no finding". Every check here fails closed: input that
 * cannot be judged is an error naming where it came from, never "clean".
 */

/**
 * A document may expand to at most this many values (objects, arrays and
 * scalars, with YAML aliases expanded). A 1.5 KB alias bomb expands to
 * billions; the largest CRDs in common use hold under 100,000.
 */
export const MAX_EXPANDED_VALUES = 1_000_000;

/** Where an input came from: a string, or a function that says it, so the hot path builds no message it does not throw. */
export type Where = string | (() => string);

/** Input that cannot be judged: exit status 2 in the CLI, a StorageValidationError in the API. */
export function inputError(where: Where, problem: string): StorageValidationError {
  return new StorageValidationError(`${typeof where === 'string' ? where : where()}: ${problem}`);
}

/**
 * Throws unless `value`, with aliases expanded, holds at most MAX_EXPANDED_VALUES
 * values and no cycle (js-yaml keeps an alias as a shared reference, so parsing
 * is cheap; the blow-up, or an endless loop, would come when a rule serializes it).
 */
export function checkExpandedSize(value: unknown, where: Where): void {
  // A document without anchors is bounded by its text: walking it again is wasted time.
  if (value !== null && typeof value === 'object' && isTreeShaped(value)) return;
  let count = 0;
  const onPath = new Set<object>();
  const visit = (v: unknown): void => {
    if (++count > MAX_EXPANDED_VALUES) {
      throw inputError(where, `expands to more than ${MAX_EXPANDED_VALUES} values (YAML aliases?); refusing to compare it. Fix: write the document without alias chains`);
    }
    if (!v || typeof v !== 'object') return;
    if (onPath.has(v)) throw inputError(where, 'refers to itself (a YAML alias inside its own anchor); refusing to compare it. Fix: remove the recursive alias');
    onPath.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) visit(child);
    onPath.delete(v);
  };
  visit(value);
}

type ShapeCheck = (v: unknown) => boolean;
const isString: ShapeCheck = v => typeof v === 'string';
const isBoolean: ShapeCheck = v => typeof v === 'boolean';
const isInteger: ShapeCheck = v => Number.isInteger(v);
const isStringList: ShapeCheck = v => Array.isArray(v) && v.every(isString);
const isStringMap: ShapeCheck = v => isObject(v) && Object.values(v as object).every(isString);
const isQuantity: ShapeCheck = v => (typeof v === 'string' || typeof v === 'number') && parseQuantity(String(v)) !== undefined;

/** The fields a rule reads, per kind, and the shape each must have when present. */
interface FieldShape { readonly path: string; readonly check: ShapeCheck; readonly expected: string; readonly required?: boolean }

/** A field that, when present, holds a string. */
const text = (path: string): FieldShape => ({ path, check: isString, expected: 'a string' });
/** A field that, when present, is true or false. */
const flag = (path: string): FieldShape => ({ path, check: isBoolean, expected: 'true or false' });
/** Claims and PVs mean nothing without a spec. */
const REQUIRED_SPEC: FieldShape = { path: 'spec', check: isObject, expected: 'an object', required: true };
const QUANTITY = { check: isQuantity, expected: 'a quantity such as "10Gi"', required: true };

const COMMON: FieldShape[] = [
  text('metadata.namespace'),
  { path: 'metadata.annotations', check: isStringMap, expected: 'a map of strings' },
  { path: 'metadata.labels', check: isStringMap, expected: 'a map of strings' },
  { path: 'spec', check: isObject, expected: 'an object' },
];

const SHAPES: { [kind: string]: FieldShape[] } = {
  StatefulSet: [
    text('spec.serviceName'),
    text('spec.podManagementPolicy'),
    { path: 'spec.revisionHistoryLimit', check: isInteger, expected: 'an integer' },
    { path: 'spec.persistentVolumeClaimRetentionPolicy', check: isObject, expected: 'an object' },
    text('spec.persistentVolumeClaimRetentionPolicy.whenDeleted'),
    text('spec.persistentVolumeClaimRetentionPolicy.whenScaled'),
    { path: 'spec.volumeClaimTemplates', check: Array.isArray, expected: 'a list of claim templates' },
  ],
  PersistentVolumeClaim: [
    REQUIRED_SPEC,
    text('spec.storageClassName'),
    text('spec.volumeName'),
    text('spec.volumeMode'),
    text('spec.volumeAttributesClassName'),
    { path: 'spec.accessModes', check: isStringList, expected: 'a list of strings' },
    { path: 'spec.resources.requests.storage', ...QUANTITY },
  ],
  PersistentVolume: [
    REQUIRED_SPEC,
    { path: 'spec.capacity.storage', ...QUANTITY },
    text('spec.persistentVolumeReclaimPolicy'),
    text('spec.volumeMode'),
    text('spec.volumeAttributesClassName'),
  ],
  StorageClass: [
    { path: 'provisioner', check: isString, expected: 'a string', required: true },
    { path: 'parameters', check: isStringMap, expected: 'a map of strings' },
    text('reclaimPolicy'),
    text('volumeBindingMode'),
    flag('allowVolumeExpansion'),
  ],
  VolumeAttributesClass: [
    { path: 'driverName', check: isString, expected: 'a string', required: true },
    { path: 'parameters', check: isStringMap, expected: 'a map of strings' },
  ],
  Service: [
    text('spec.type'),
    text('spec.clusterIP'),
    { path: 'spec.clusterIPs', check: isStringList, expected: 'a list of strings' },
    { path: 'spec.ipFamilies', check: isStringList, expected: 'a list of strings' },
    text('spec.ipFamilyPolicy'),
  ],
  CSIDriver: [
    flag('spec.attachRequired'),
    { path: 'spec.volumeLifecycleModes', check: isStringList, expected: 'a list of strings' },
  ],
};

/** The value at a path of keys, or undefined when a parent is missing. */
function at(value: unknown, keys: readonly string[]): unknown {
  let v: any = value;
  for (const key of keys) v = isObject(v) ? v[key] : undefined;
  return v;
}

/** Each kind's shapes (the common ones first) with their paths split once, not once per object. */
const SHAPES_OF_KIND = new Map(Object.entries(SHAPES).map(([kind, shapes]) => [kind, withKeys([...COMMON, ...shapes])]));
const COMMON_SHAPES = withKeys(COMMON);

function withKeys(shapes: FieldShape[]): Array<FieldShape & { readonly keys: string[] }> {
  return shapes.map(shape => ({ ...shape, keys: shape.path.split('.') }));
}

/**
 * Throws unless `value` is a Kubernetes object whose fields read by the
 * rules have the shapes the rules expect.
 */
export function checkManifestShape(value: unknown, where: Where): Manifest {
  if (!isObject(value) || typeof (value as any).kind !== 'string' || !(value as any).kind
    || !isObject((value as any).metadata) || typeof (value as any).metadata.name !== 'string' || !(value as any).metadata.name) {
    throw inputError(where, 'is not a Kubernetes object (it needs a kind and a metadata.name, both strings). Fix: remove it or complete it');
  }
  const m = value as Manifest;
  for (const shape of SHAPES_OF_KIND.get(m.kind!) ?? COMMON_SHAPES) {
    const v = at(m, shape.keys);
    // A null field is an unset one: the API server decodes null as the field's zero value (YAML writes `annotations:` with nothing after it).
    const missing = v === undefined || v === null;
    if (missing ? shape.required : !shape.check(v)) {
      throw inputError(where, `${m.kind} ${m.metadata!.name}: ${shape.path} is ${missing ? 'missing' : JSON.stringify(v)}, expected ${shape.expected}. Fix: correct the manifest`);
    }
  }
  if (m.kind === 'StatefulSet') checkTemplates(m, where);
  return m;
}

/** Every template is an object with a unique name (a duplicate would hide one template from the comparison). */
function checkTemplates(m: Manifest, where: Where): void {
  const seen = new Set<string>();
  for (const [i, t] of ((m.spec?.volumeClaimTemplates ?? []) as unknown[]).entries()) {
    const name = at(t, ['metadata', 'name']);
    const spec = at(t, ['spec']);
    const problem = !isObject(t) || typeof name !== 'string' || !name ? 'is not a claim template with a metadata.name'
      : seen.has(name) ? `repeats the template name ${name}`
        : spec !== undefined && !isObject(spec) ? 'has a spec that is not an object' : undefined;
    if (problem) throw inputError(where, `StatefulSet ${m.metadata!.name}: spec.volumeClaimTemplates[${i}] ${problem}. Fix: correct the manifest`);
    seen.add(name as string);
  }
}

/**
 * The objects by kind/namespace/name, each checked for shape and size; a
 * repeated identity is an error naming both places (last-wins would hide one).
 *
 * @param caller for the message when `manifests` is not a list ("StorageGuard.compare previous")
 * @param label the name of each element when it was not read from a file ("previous" gives "previous[3]")
 */
export function indexManifests(manifests: unknown, caller: string, label: string): Map<string, Manifest> {
  if (!Array.isArray(manifests)) {
    throw inputError(caller, `expected a list of manifests, got ${manifests === null ? 'null' : typeof manifests}. Fix: pass the parsed documents as an array`);
  }
  const byKey = new Map<string, Manifest>();
  manifests.forEach((value, i) => {
    const where = () => sourceOf(value, `${label}[${i}]`);
    const m = checkManifestShape(value, where);
    checkExpandedSize(m, where);
    const key = objectKey(m);
    const first = byKey.get(key);
    if (first) {
      throw inputError(where, `${m.kind} ${m.metadata?.namespace ? `${m.metadata.namespace}/` : ''}${m.metadata?.name} is also defined in ${sourceOf(first, `${label}[${manifests.indexOf(first)}]`)}; `
        + 'only one can be applied, so the manifests cannot be judged. Fix: remove one of them');
    }
    byKey.set(key, m);
  });
  return byKey;
}
