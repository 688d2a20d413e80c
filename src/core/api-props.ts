import { FieldError, FieldPath, validateLabelName, validateLabels } from './api-validation';
import { validateLocalDescendingPath, validateLocalNonReservedPath } from './api-validation/pod-volumes';
import { invalid } from './errors';

/**
 * Props checked by the API server's own rules (src/core/api-validation)
 * where they are given, so a construct's error names the prop, the value and
 * the fix, with Kubernetes' reason, instead of a field of the rendered object.
 */

/** Throws for the first refusal of `errors`, naming `prop`. */
function refuse(errors: FieldError[], where: string, prop: string, allowed: string, fix: string): void {
  const [e] = errors;
  if (e) throw invalid({ where, prop, value: e.value ?? '', allowed: `${allowed}; Kubernetes refuses this one: ${e.detail}`, fix });
}

/** Labels (selectors, pod labels, PV labels): qualified-name keys, values of at most 63 characters. */
export function checkLabelsProp(labels: { [key: string]: string } | undefined, where: string, prop: string): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    refuse(validateLabels({ [key]: value }, FieldPath.at(prop)), where, `${prop}["${key}"]`,
      'a label key of an optional DNS prefix and a name of at most 63 letters, digits, "-", "_" and "." (starting and ending with a letter or digit), '
      + 'and a value of at most 63 such characters or empty', 'rename the label or shorten its value');
  }
}

/** A topology or label key alone. */
export function checkLabelKeyProp(key: string, where: string, prop: string): void {
  refuse(validateLabelName(key, FieldPath.at(prop)), where, prop, 'a label key such as "topology.kubernetes.io/zone"', 'write the node label key as the nodes carry it');
}

/** A sub-path inside a volume (subPath): relative, no "..". */
export function checkSubPathProp(subPath: string | undefined, where: string, prop: string): void {
  if (subPath === undefined || subPath === '') return;
  refuse(validateLocalDescendingPath(subPath, FieldPath.at(prop)), where, prop, 'a relative path inside the volume, without ".."',
    `write the path from the volume's root, for example "${subPath.split('/').filter(p => p !== '' && p !== '..').join('/') || 'data'}"`);
}

/** The file path of a ConfigMap or Secret key in its volume (items): relative, no "..", not starting with "..". */
export function checkItemPathProp(path: string, where: string, prop: string): void {
  refuse(validateLocalNonReservedPath(path, FieldPath.at(prop), true), where, prop, 'a relative file path inside the volume, without ".." and not starting with ".."',
    `write the file's path from the volume's root, for example "${path.split('/').filter(p => p !== '' && !p.startsWith('..')).join('/') || 'file'}"`);
}
