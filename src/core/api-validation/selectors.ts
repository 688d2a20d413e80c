import { FieldError, FieldPath } from './field-error';
import { isQualifiedName, isValidLabelValue } from './names';
import { Json, isMap, validateLabels } from './object-meta';

const IN_NOT_IN = ['In', 'NotIn'];
const EXISTS = ['Exists', 'DoesNotExist'];

/** A list field, or [] when it is absent or not a list (a wrong shape is the schema's error, not validation's). */
export function listOf(value: Json): Json[] {
  return Array.isArray(value) ? value : [];
}

/** ValidateLabelName: a qualified name, reported at `path`. */
export function validateLabelName(name: Json, path: FieldPath): FieldError[] {
  return isQualifiedName(typeof name === 'string' ? name : '').map(msg => path.invalid(name ?? '', msg));
}

/** ValidateLabelSelector (apimachinery apis/meta/v1/validation): matchLabels as labels, and each matchExpressions requirement. */
export function validateLabelSelector(selector: Json, path: FieldPath): FieldError[] {
  if (!isMap(selector)) return [];
  return [
    ...validateLabels(selector.matchLabels, path.child('matchLabels')),
    ...listOf(selector.matchExpressions).flatMap((r, i) => validateSelectorRequirement(r, path.child('matchExpressions').index(i), false)),
  ];
}

/**
 * ValidateLabelSelectorRequirement, and ValidateNodeSelectorRequirement when
 * `node` (which also has Gt and Lt, with one value).
 */
function validateSelectorRequirement(requirement: Json, path: FieldPath, node: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const values = listOf(requirement?.values);
  const operator = requirement?.operator;
  if (IN_NOT_IN.includes(operator)) {
    if (values.length === 0) errs.push(path.child('values').required('must be specified when `operator` is \'In\' or \'NotIn\''));
  } else if (EXISTS.includes(operator)) {
    if (values.length > 0) errs.push(path.child('values').forbidden('may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
  } else if (node && (operator === 'Gt' || operator === 'Lt')) {
    if (values.length !== 1) errs.push(path.child('values').required('must be specified single value when `operator` is \'Lt\' or \'Gt\''));
  } else {
    errs.push(path.child('operator').invalid(operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(requirement?.key, path.child('key')));
  values.forEach((v, i) => {
    if (typeof v === 'string') errs.push(...isValidLabelValue(v).map(msg => path.child('values').index(i).invalid(v, msg)));
  });
  return errs;
}

/** ValidateNodeSelector (core validation), for a PV's nodeAffinity.required: at least one term, each requirement valid. */
export function validateNodeSelector(selector: Json, path: FieldPath): FieldError[] {
  const terms = listOf(selector?.nodeSelectorTerms);
  if (terms.length === 0) return [path.child('nodeSelectorTerms').required('must have at least one node selector term')];
  return terms.flatMap((term, i) => {
    const at = path.child('nodeSelectorTerms').index(i);
    return [
      ...listOf(term?.matchExpressions).flatMap((r, j) => validateSelectorRequirement(r, at.child('matchExpressions').index(j), true)),
      ...listOf(term?.matchFields).flatMap((r, j) => validateFieldRequirement(r, at.child('matchFields').index(j))),
    ];
  });
}

/** ValidateNodeFieldSelectorRequirement: only metadata.name, with In or NotIn and exactly one value. */
function validateFieldRequirement(requirement: Json, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const values = listOf(requirement?.values);
  if (IN_NOT_IN.includes(requirement?.operator)) {
    if (values.length !== 1) errs.push(path.child('values').required('must be only one value when `operator` is \'In\' or \'NotIn\' for node field selector'));
  } else {
    errs.push(path.child('operator').invalid(requirement?.operator, 'not a valid selector operator'));
  }
  if (requirement?.key !== 'metadata.name') errs.push(path.child('key').invalid(requirement?.key, 'not a valid field selector key'));
  return errs;
}

/**
 * ValidateTopologySelectorTerm with storage's validateAllowedTopologies: each
 * requirement has values, no value or key twice, and no two terms are equal.
 */
export function validateAllowedTopologies(topologies: Json, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen: string[] = [];
  listOf(topologies).forEach((term, i) => {
    const at = path.index(i);
    const byKey = new Map<string, Set<string>>();
    listOf(term?.matchLabelExpressions).forEach((r, j) => {
      const rAt = at.child('matchLabelExpressions').index(j);
      const values = listOf(r?.values);
      if (values.length === 0) errs.push(rAt.child('values').required());
      const set = new Set<string>();
      values.forEach((v, k) => {
        if (set.has(v)) errs.push(rAt.child('values').index(k).duplicate(v));
        set.add(v);
      });
      errs.push(...validateLabelName(r?.key, rAt.child('key')));
      if (byKey.has(r?.key)) errs.push(rAt.child('key').duplicate(r?.key));
      byKey.set(r?.key, set);
    });
    const canonical = JSON.stringify([...byKey.entries()].map(([k, v]) => [k, [...v].sort()]).sort());
    // The Go scan starts from a list of one empty term per term: a term without expressions always counts as a repeat.
    if (seen.includes(canonical) || byKey.size === 0) errs.push(at.child('matchLabelExpressions').duplicate(''));
    seen.push(canonical);
  });
  return errs;
}
