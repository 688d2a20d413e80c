import { GuardAllowEntry } from './guard-options';
import { inputError } from '../manifests/shape';

const REQUIRED_KEYS = ['kind', 'name'];
// namespaceName is the API's name (jsii: "namespace" is a reserved word in C#); an allow-list file may say namespace, as manifests do.
const KNOWN_KEYS = [...REQUIRED_KEYS, 'namespaceName', 'namespace', 'field'];

/**
 * Checks an allow-list: a list of entries with exactly the keys kind, name,
 * namespace?, field?, each a non-empty string. An unknown key fails: a
 * misspelt `fields:` would otherwise be ignored and allow every field.
 */
export function checkAllowList(entries: unknown, where: string): GuardAllowEntry[] {
  if (!Array.isArray(entries)) {
    throw inputError(where, `the allow-list must be a list of {kind, name, namespace?, field?}, got ${describe(entries)}. Fix: write it as a YAML list ("- kind: ...")`);
  }
  entries.forEach((entry, i) => {
    const at = `${where}: allow-list entry ${i + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw inputError(at, `is ${describe(entry)}, expected {kind, name, namespace?, field?}. Fix: write each entry as a map`);
    }
    const unknown = Object.keys(entry).filter(k => !KNOWN_KEYS.includes(k));
    if (unknown.length > 0) {
      throw inputError(at, `has unknown key(s) ${unknown.join(', ')}; the keys are ${KNOWN_KEYS.join(', ')}. Fix: correct the spelling (a misspelt key would allow more than meant)`);
    }
    for (const key of KNOWN_KEYS) {
      const value = (entry as any)[key];
      if ((value === undefined && REQUIRED_KEYS.includes(key)) || (value !== undefined && (typeof value !== 'string' || value === ''))) {
        throw inputError(at, `${key} is ${describe(value)}, expected a non-empty string. Fix: set ${key}${REQUIRED_KEYS.includes(key) ? '' : ', or leave it out'}`);
      }
    }
    if ((entry as any).namespace !== undefined && (entry as any).namespaceName !== undefined) {
      throw inputError(at, 'has both namespace and namespaceName. Fix: keep one');
    }
  });
  return entries.map(({ namespace, ...entry }) => (namespace === undefined ? entry : { ...entry, namespaceName: namespace }));
}

function describe(value: unknown): string {
  return value === undefined ? '(not set)' : JSON.stringify(value);
}
