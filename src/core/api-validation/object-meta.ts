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
  const name = meta?.name;
  if (typeof name !== 'string' || name === '') {
    if (typeof generateName !== 'string' || generateName === '') errs.push(path.child('name').required('name or generateName is required'));
  } else {
    errs.push(...nameFn(name, false).map(msg => path.child('name').invalid(name, msg)));
  }
  const namespace = meta?.namespace;
  if (typeof namespace === 'string' && namespace !== '') {
    // ValidateNamespaceName: a DNS-1123 label.
    errs.push(...validateNamespaceName(namespace).map(msg => path.child('namespace').invalid(namespace, msg)));
  }
  // The storage layer refuses a create that carries a resourceVersion (an object exported from a cluster).
  if (meta?.resourceVersion !== undefined && meta?.resourceVersion !== null && meta?.resourceVersion !== '') {
    errs.push(path.child('resourceVersion').invalid(meta.resourceVersion, 'resourceVersion should not be set on objects to be created'));
  }
  errs.push(...validateLabels(meta?.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta?.annotations, path.child('annotations')));
  return errs;
}

function validateNamespaceName(namespace: string): string[] {
  return isDns1123Label(namespace);
}

/** ValidateLabels (apimachinery apis/meta/v1/validation): qualified-name keys, label values; both reported at the map's path. */
export function validateLabels(labels: Json, path: FieldPath): FieldError[] {
  if (!isMap(labels)) return [];
  return Object.entries(labels).flatMap(([key, value]) => [
    ...isQualifiedName(key).map(msg => path.invalid(key, msg)),
    ...(typeof value === 'string' ? isValidLabelValue(value).map(msg => path.invalid(value, msg)) : []),
  ]);
}

/** ValidateAnnotations: keys are qualified names in any case, and keys and values together hold at most 256 KiB. */
export function validateAnnotations(annotations: Json, path: FieldPath): FieldError[] {
  if (!isMap(annotations)) return [];
  const errs = Object.keys(annotations).flatMap(key => isQualifiedName(key.toLowerCase()).map(msg => path.invalid(key, msg)));
  const size = Object.entries(annotations).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(String(v ?? '')), 0);
  if (size > ANNOTATIONS_MAX_BYTES) errs.push(path.tooLong(ANNOTATIONS_MAX_BYTES));
  return errs;
}

export function isMap(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
