import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { FieldError, validateObject } from '../src/core/api-validation';

/**
 * The create-validation cases of Kubernetes' own unit tests
 * (validation_test.go of core, apps and storage, and apimachinery's), each
 * turned into a manifest with the API server's verdict
 * (test/api-fixtures/k8s-create/README.md). A refused case must give an
 * error at its field; an accepted one must give none: a false alarm is as
 * bad as a miss.
 */
interface Case {
  readonly test: string;
  readonly case: string;
  readonly expect: 'accepted' | 'refused';
  readonly field?: string;
  readonly type?: string;
  readonly message?: string;
  readonly object: any;
}

const DIR = join(__dirname, 'api-fixtures', 'k8s-create');
const FILES = readdirSync(DIR).filter(f => f.endsWith('.json'));
const CASES: Array<[string, Case]> = FILES.flatMap(f => (JSON.parse(readFileSync(join(DIR, f), 'utf-8')) as Case[]).map((c): [string, Case] => [`${f}: ${c.test} / ${c.case}`, c]));

/**
 * Refusals not ported, each named: format rules of in-tree plugins that
 * Kubernetes removed or deprecated (check's in-tree-volume-removed and
 * in-tree-volume-migrated rules report every use of them).
 */
const NOT_PORTED = new Set([
  'pod-volumes.json: TestValidateVolumes / invalid IQN: iqn format',
  'pod-volumes.json: TestValidateVolumes / invalid IQN: eui format',
  'pod-volumes.json: TestValidateVolumes / invalid IQN: naa format',
  'pod-volumes.json: TestValidateVolumes / invalid initiatorName',
  'pod-volumes.json: TestValidateVolumes / empty secret',
  'pod-volumes.json: TestValidateVolumes / empty secret (#2)',
  'pod-volumes.json: TestValidateVolumes / wrong format registry quobyte',
  'pod-volumes.json: TestValidateVolumes / wrong format multiple registries quobyte',
  'pod-volumes.json: TestValidateVolumes / too long tenant quobyte',
]);

const show = (errs: readonly FieldError[]) => errs.map(e => `${e.field} ${e.type}: ${e.detail}`);

test.each(CASES.filter(([, c]) => c.expect === 'accepted'))('accepted: %s', (_, c) => {
  expect(show(validateObject(c.object))).toEqual([]);
});

test('the cases not ported are refused cases that exist', () => {
  const refused = new Set(CASES.filter(([, c]) => c.expect === 'refused').map(([name]) => name));
  expect([...NOT_PORTED].filter(name => !refused.has(name))).toEqual([]);
});

test.each(CASES.filter(([name, c]) => c.expect === 'refused' && !NOT_PORTED.has(name)))('refused: %s', (_, c) => {
  const errs = validateObject(c.object);
  expect(errs.length).toBeGreaterThan(0);
  expect(errs.map(e => e.field)).toContain(c.field);
});
