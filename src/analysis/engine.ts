import { Finding } from './finding';
import { Hit, Rule } from './rule';
import { RuleInfo } from './rule-info';
import { blocks, FAIL_ON_LEVELS, isSeverity, Severity } from './severity';
import { Manifest, stableJson } from '../manifests/manifest';
import { inputError } from '../manifests/shape';
import { locationOf } from '../manifests/source';

/** How one run of an engine's rules is narrowed. */
export interface RunOptions {
  /** Rule ids skipped for every object (already checked with `checkRuleIds`). */
  readonly suppress: readonly string[];
  /** The rule ids an object itself suppresses (its annotation), if the engine reads them. */
  readonly suppressedBy?: (object: Manifest) => readonly string[];
}

/**
 * Runs `rules` over `input` and turns their hits into findings, in rule
 * order and, within a rule, in the order the rule found them. The one
 * loop of both commands.
 */
export function runRules<I>(rules: readonly Rule<I>[], input: I, options: RunOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (options.suppress.includes(rule.id)) continue;
    for (const hit of rule.check(input)) {
      if (options.suppressedBy?.(hit.object).includes(rule.id)) continue;
      findings.push(toFinding(rule, hit));
    }
  }
  return findings;
}

function toFinding(rule: RuleInfo, hit: Hit): Finding {
  // Optional keys are set only when they hold a value (JSON and toEqual see no `undefined` keys).
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    ruleId: rule.id,
    severity: hit.severity ?? rule.severity,
    kind: hit.object.kind!,
    name: hit.object.metadata!.name!,
    field: hit.field,
    message: hit.message,
    fix: hit.fix,
  };
  const namespace = hit.object.metadata?.namespace;
  if (namespace !== undefined) finding.namespaceName = namespace;
  const location = locationOf(hit.object);
  if (location) finding.location = location;
  if (hit.change) {
    const [oldValue, newValue] = [stableJson(hit.change.from), stableJson(hit.change.to)];
    if (oldValue !== undefined) finding.oldValue = oldValue;
    if (newValue !== undefined) finding.newValue = newValue;
  }
  return finding;
}

/** The listing of rules, without their code. */
export function ruleInfos(rules: readonly RuleInfo[]): RuleInfo[] {
  return rules.map(({ id, severity, summary, source }) => ({ id, severity, summary, source }));
}

/** Rule ids, each checked against `rules`: an unknown id would suppress nothing, silently. */
export function checkRuleIds(rules: readonly RuleInfo[], ids: unknown, where: string): string[] {
  if (!Array.isArray(ids) || ids.some(id => typeof id !== 'string')) {
    throw inputError(where, `expected a list of rule ids, got ${JSON.stringify(ids)}. Fix: pass ids such as ["${rules[0].id}"]`);
  }
  const known = rules.map(r => r.id);
  const unknown = ids.filter(id => !known.includes(id));
  if (unknown.length > 0) {
    throw inputError(where, `unknown rule id(s) ${unknown.join(', ')}; the rules are ${known.join(', ')}. Fix: correct the spelling`);
  }
  return ids;
}

/** The least severity that fails, checked (JavaScript callers get no enum check). */
export function checkFailOn(failOn: unknown, where: string): Severity {
  if (!isSeverity(failOn) || !FAIL_ON_LEVELS.includes(failOn)) {
    throw inputError(where, `failOn is ${JSON.stringify(failOn)}, expected one of ${FAIL_ON_LEVELS.join(', ')}. Fix: pass Severity.ERROR, WARNING or INFO`);
  }
  return failOn;
}

/** Whether any finding fails a gate set at `failOn`. */
export function anyBlocking(findings: readonly Finding[], failOn: Severity, where: string): boolean {
  const level = checkFailOn(failOn, where);
  return checkFindings(findings, where).some(f => blocks(f.severity, level));
}

/** The findings a caller passed back in, checked to be the list (JavaScript callers get no type check). */
export function checkFindings(findings: unknown, where: string): readonly Finding[] {
  if (!Array.isArray(findings)) {
    throw inputError(where, `findings is ${JSON.stringify(findings)}, expected the list that check or compare returned. Fix: pass that list`);
  }
  return findings;
}
