import { FieldError, FieldPath } from './field-error';
import { NameValidator, isDns1123Label, isQualifiedName, isValidLabelValue } from './names';

/** TotalAnnotationSizeLimitB (apimachinery api/validation/objectmeta.go): 256 KiB of keys and values. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

/** A value of a manifest field, as the checks read it: JSON, possibly not of the expected shape. */
export type Json = any;

/**
 * ValidateObjectMetaAccessor (apimachinery api/validation/objectmeta.go),
 * for a manifest: the namespace is not required (kubectl and GitOps tools
 * fill it in from their context), and a cluster-scoped object's namespace is
 * cleared by the API server rather than refused.
 */
export function validateObjectMeta(meta: Json, nameFn: NameValidator, path = FieldPath.at('metadata')): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = meta?.generateName;
  if (typeof generateName === 'string' && generateName !== '') {
    errs.push(...nameFn(generateName, true).map(msg => path.child('generateName').invalid(generateName, msg)));
  }
  // rest.BeforeCreate names an object from its generateName: the first 58 characters and 5 random ones.
  const name = nonEmptyString(meta?.name) ? meta.name : nonEmptyString(generateName) ? `${generateName.slice(0, 58)}xxxxx` : undefined;
  if (name === undefined) errs.push(path.child('name').required('name or generateName is required'));
  else errs.push(...nameFn(name, false).map(msg => path.child('name').invalid(name, msg)));
  const namespace = meta?.namespace;
  if (typeof namespace === 'string' && namespace !== '') {
    // ValidateNamespaceName: a DNS-1123 label.
    errs.push(...validateNamespaceName(namespace).map(msg => path.child('namespace').invalid(namespace, msg)));
  }
  // The storage layer refuses a create that carries a resourceVersion (an object exported from a cluster).
  if (meta?.resourceVersion !== undefined && meta?.resourceVersion !== null && meta?.resourceVersion !== '') {
    errs.push(path.child('resourceVersion').invalid(meta.resourceVersion, 'resourceVersion should not be set on objects to be created'));
  }
  if (typeof meta?.generation === 'number' && meta.generation < 0) errs.push(path.child('generation').invalid(meta.generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(meta?.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta?.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(meta?.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(meta?.finalizers, path.child('finalizers')));
  return errs;
}

/** ValidateOwnerReferences: the fields of each reference, no Event as owner, and one controller at most. */
function validateOwnerReferences(references: Json, path: FieldPath): FieldError[] {
  if (!Array.isArray(references)) return [];
  const errs: FieldError[] = [];
  for (const ref of references) {
    const version = typeof ref?.apiVersion === 'string' ? ref.apiVersion.split('/').pop() : '';
    if (!version) errs.push(path.child('apiVersion').invalid(ref?.apiVersion ?? '', 'version must not be empty'));
    for (const key of ['kind', 'name', 'uid']) if (!nonEmptyString(ref?.[key])) errs.push(path.child(key).invalid(ref?.[key] ?? '', 'must not be empty'));
    if (ref?.apiVersion === 'v1' && ref?.kind === 'Event') errs.push(path.invalid(ref, '/v1, Kind=Event is disallowed from being an owner'));
  }
  const controllers = references.filter(r => r?.controller === true);
  if (controllers.length > 1) {
    errs.push(path.invalid(references, `Only one reference can have Controller set to true. Found "true" in references for ${controllers.slice(0, 2).map(r => `${r.kind}/${r.name}`).join(' and ')}`));
  }
  return errs;
}

/** ValidateFinalizers, with core's rule that a finalizer without "/" be a standard one. */
function validateFinalizers(finalizers: Json, path: FieldPath): FieldError[] {
  if (!Array.isArray(finalizers)) return [];
  const errs: FieldError[] = [];
  finalizers.forEach((f, i) => {
    if (typeof f !== 'string') return;
    errs.push(...isQualifiedName(f).map(msg => path.index(i).invalid(f, msg)));
    if (!f.includes('/') && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(f)) {
      errs.push(path.index(i).invalid(f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) errs.push(path.invalid(finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  return errs;
}

function nonEmptyString(value: Json): value is string {
  return typeof value === 'string' && value !== '';
}

function validateNamespaceName(namespace: string): string[] {
  return isDns1123Label(namespace);
}

/** ValidateLabels (apimachinery apis/meta/v1/validation): qualified-name keys, label values; both reported at the map's path. */
export function validateLabels(labels: Json, path: FieldPath): FieldError[] {
  if (!isMap(labels)) return [];
  // Every object has labels, nearly all valid: nothing is allocated for a valid one.
  const errs: FieldError[] = [];
  for (const key in labels) {
    const value = labels[key];
    for (const msg of isQualifiedName(key)) errs.push(path.invalid(key, msg));
    if (typeof value === 'string') for (const msg of isValidLabelValue(value)) errs.push(path.invalid(value, msg));
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names in any case, and keys and values together hold at most 256 KiB. */
export function validateAnnotations(annotations: Json, path: FieldPath): FieldError[] {
  if (!isMap(annotations)) return [];
  const errs: FieldError[] = [];
  let size = 0;
  for (const key in annotations) {
    for (const msg of isQualifiedName(key.toLowerCase())) errs.push(path.invalid(key, msg));
    size += Buffer.byteLength(key) + Buffer.byteLength(String(annotations[key] ?? ''));
  }
  if (size > ANNOTATIONS_MAX_BYTES) errs.push(path.tooLong(ANNOTATIONS_MAX_BYTES));
  return errs;
}

export function isMap(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
