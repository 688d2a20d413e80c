import { GuardFinding, GuardSeverity } from '../guard-types';
import { Manifest, stableJson } from '../manifest';

/**
 * One named rule of the guard (as cdk-nag names each of its rules): it looks
 * at one object of `kind` that is in both versions of the manifests, and says
 * which of its changes the API server refuses or would lose data.
 */
export interface ChangeRule {
  /** The rule's name, carried by each of its findings: "statefulset-immutable-field". */
  readonly name: string;
  /** The kind of object it judges. */
  readonly kind: string;
  /** The findings for the change from `old` to `next`; `after` holds every current object, by key. */
  readonly check: (old: Manifest, next: Manifest, after: Map<string, Manifest>) => GuardFinding[];
}

/** A rule about objects that disappeared from the manifests. */
export interface RemovalRule {
  readonly name: string;
  readonly check: (before: Map<string, Manifest>, after: Map<string, Manifest>) => GuardFinding[];
}

/** A field the API server refuses to change (or whose change risks data). */
export interface FieldChange {
  readonly field: string;
  /** The value to compare, with API defaults filled in (so an omitted default is no change). */
  readonly value: (m: Manifest) => unknown;
  readonly severity: GuardSeverity;
  readonly message: string;
  readonly remedy: (m: Manifest) => string;
  /** Only a change from a value that was set counts (fields that may be set once). */
  readonly onceSet?: boolean;
  /** Only a change to this value counts (for example a retention policy turning to Delete). */
  readonly onlyTo?: unknown;
}

/** A rule made of fields that are compared the same way for every object of `kind`. */
export function fieldRule(name: string, kind: string, fields: FieldChange[]): ChangeRule {
  return {
    name,
    kind,
    check: (old, next) => {
      const findings: GuardFinding[] = [];
      for (const f of fields) {
        const [a, b] = [f.value(old), f.value(next)];
        if (stableJson(a) === stableJson(b) || (f.onceSet && a === undefined) || (f.onlyTo !== undefined && b !== f.onlyTo)) continue;
        findings.push(finding(name, old, f.field, a, b, f.severity, f.message, f.remedy(old)));
      }
      return findings;
    },
  };
}

/** A finding of rule `rule` on `m`. */
export function finding(
  rule: string, m: Manifest, field: string, a: unknown, b: unknown, severity: GuardSeverity, message: string, remedy: string,
): GuardFinding {
  return {
    rule,
    kind: m.kind!,
    namespace: m.metadata?.namespace,
    name: m.metadata?.name!,
    field,
    oldValue: stableJson(a),
    newValue: stableJson(b),
    severity,
    message,
    remedy,
  };
}

/** ` -n <namespace>` for a kubectl command on `m`, or nothing. */
export function nsFlag(m: Manifest): string {
  return m.metadata?.namespace ? ` -n ${m.metadata.namespace}` : '';
}

/** Keep the pods and claims, recreate the StatefulSet: the remedy of every refused StatefulSet change. */
export function orphanAndResync(m: Manifest): string {
  return `kubectl delete statefulset ${m.metadata?.name}${nsFlag(m)} --cascade=orphan, then re-sync: the pods and their claims stay, and the new StatefulSet adopts them`;
}
