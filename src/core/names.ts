import { isDns1035Label, isDns1123Label, isDns1123Subdomain } from './api-validation/names';
import { invalid } from './errors';

/** The naming rules Kubernetes applies, per kind of object. */
export enum NameRule {
  /** PV, PVC, StorageClass, CSIDriver, ConfigMap, Secret: at most 253 characters. */
  DNS_SUBDOMAIN,
  /** Container, volume and volume claim template names: at most 63 characters. */
  DNS_LABEL,
  /** Service names: a DNS label that starts with a letter. */
  DNS_1035_LABEL,
  /**
   * StatefulSet names: a DNS label of at most 52 characters. Longer names are
   * accepted by the API, but the controller's `controller-revision-hash` label
   * then exceeds 63 characters and no pod is ever created (kubernetes#64023).
   */
  STATEFULSET,
}

// The name rules of k8s.io/apimachinery/pkg/util/validation, from the one validation module (api-validation/names.ts).
const RULES: Record<NameRule, { refusals: (name: string) => string[]; max: number; text: string }> = {
  [NameRule.DNS_SUBDOMAIN]: {
    refusals: isDns1123Subdomain,
    max: 253,
    text: 'a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters',
  },
  [NameRule.DNS_LABEL]: {
    refusals: isDns1123Label,
    max: 63,
    text: 'a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
  },
  [NameRule.DNS_1035_LABEL]: {
    refusals: isDns1035Label,
    max: 63,
    text: 'a DNS-1035 label: lower-case letters, digits and "-", starting with a letter and ending with a letter or digit, at most 63 characters',
  },
  [NameRule.STATEFULSET]: {
    refusals: isDns1123Label,
    max: 52,
    text: 'a DNS-1123 label of at most 52 characters (longer StatefulSet names make the controller-revision-hash label exceed 63 characters, and no pod is ever created)',
  },
};

/** True when `name` satisfies `rule`. */
export function isValidName(name: string, rule: NameRule): boolean {
  const { refusals, max } = RULES[rule];
  return name.length <= max && refusals(name).length === 0;
}

/** Throws a StorageValidationError unless `name` satisfies `rule`. */
export function validateName(name: string, rule: NameRule, where: string, prop: string, fix?: string): string {
  if (!isValidName(name, rule)) {
    throw invalid({ where, prop, value: name, allowed: RULES[rule].text, fix: fix ?? `set ${prop} to a valid name` });
  }
  return name;
}

/**
 * The default Kubernetes name of an object: its construct id, lower-cased, with
 * characters Kubernetes does not allow replaced by "-".
 *
 * It depends on the id alone, never on the construct path, so moving a
 * construct in the tree does not rename its PVC, PV or StorageClass (a renamed
 * claim is a new, empty volume). The result is then validated by the caller.
 */
export function nameFromId(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * The one derivation of an object's Kubernetes name: the name prop when given,
 * otherwise the construct id (`nameFromId`); validated against the kind's rule.
 */
export function nameOrId(given: string | undefined, id: string, rule: NameRule, where: string, prop: string, fix?: string): string {
  return validateName(given ?? nameFromId(id), rule, where, prop, fix);
}
