import { Hit, Rule } from '../../analysis/rule';
import { RuleInfo } from '../../analysis/rule-info';
import { Severity } from '../../analysis/severity';
import { Manifest, stableJson } from '../../manifests/manifest';
import { Change } from '../change';

/** A rule of the guard: the one rule shape, judging a change. */
export type GuardRule = Rule<Change>;

/** A field the API server refuses to change (or whose change risks data). */
export interface FieldChange {
  readonly field: string;
  /** The value to compare, with API defaults filled in (so an omitted default is no change). */
  readonly value: (m: Manifest) => unknown;
  readonly message: string;
  readonly fix: (m: Manifest) => string;
  /** Milder than the rule's severity (a change that is accepted but worth a look). */
  readonly severity?: Severity;
  /** Only a change from a value that was set counts (fields that may be set once). */
  readonly onceSet?: boolean;
  /** Only a change to this value counts (for example a retention policy turning to Delete). */
  readonly onlyTo?: unknown;
  /** Only a change to unset counts (a field that may change, but not go back to nil). */
  readonly onlyToUnset?: boolean;
}

/**
 * A rule that judges each object of `kind` present in both versions: `judge`
 * gets the previous and the current object, and the whole change for lookups.
 */
export function objectRule(info: RuleInfo, kind: string, judge: (old: Manifest, next: Manifest, change: Change) => Hit[]): GuardRule {
  return {
    ...info,
    check: change => {
      const hits: Hit[] = [];
      for (const [old, next] of change.pairs(kind)) hits.push(...judge(old, next, change));
      return hits;
    },
  };
}

/** A rule made of fields that are compared the same way for every object of `kind`. */
export function fieldRule(info: RuleInfo, kind: string, fields: FieldChange[]): GuardRule {
  return objectRule(info, kind, (old, next) => fieldHits(fields, old, next));
}

/** The changes of `fields` from `old` to `next`, compared as `fieldRule` compares them (for rules that also judge other fields). */
export function fieldHits(fields: FieldChange[], old: Manifest, next: Manifest): Hit[] {
  const hits: Hit[] = [];
  for (const f of fields) {
    const [a, b] = [f.value(old), f.value(next)];
    const counted = (!f.onceSet || a !== undefined) && (f.onlyTo === undefined || b === f.onlyTo) && (!f.onlyToUnset || b === undefined);
    if (!counted || stableJson(a) === stableJson(b)) continue;
    hits.push(changeHit(next, f.field, a, b, f.message, f.fix(old), f.severity));
  }
  return hits;
}

/** A change of `field` on `object` (reported on the current object, where it is edited). */
export function changeHit(object: Manifest, field: string, from: unknown, to: unknown, message: string, fix: string, severity?: Severity): Hit {
  return { object, field, message, fix, change: { from, to }, ...(severity ? { severity } : {}) };
}

/** ` -n <namespace>` for a kubectl command on `m`, or nothing. */
export function nsFlag(m: Manifest): string {
  return m.metadata?.namespace ? ` -n ${m.metadata.namespace}` : '';
}

/** Keep the pods and claims, recreate the StatefulSet: the fix of every refused StatefulSet change. */
export function orphanAndResync(m: Manifest): string {
  return `kubectl delete statefulset ${m.metadata?.name}${nsFlag(m)} --cascade=orphan, then re-sync: the pods and their claims stay, and the new StatefulSet adopts them`;
}
