import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { FieldError, isDns1035Label, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue, validateObject } from '../src/core/api-validation';

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
 * in-tree-volume-migrated rules report every use of them), and a refusal
 * that needs a feature gate on that is off by default.
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
  // A feature gate off by default in 1.34 (the module follows the default gates).
  'csidriver.json: derived:ValidateCSIDriver / nodeAllocatableUpdatePeriodSeconds 5 (gate MutableCSINodeAllocatableCount on)',
]);

/** Refusals whose detail text differs from the fixture's, each with why: the field and the verdict still agree. */
const MESSAGE_DIFFERS: { [name: string]: string } = {
  'service.json: TestValidateServiceCreate / invalid: trafficDistribution field set to Random':
    'the fixture lists the values of an older validation.go; 1.34 adds PreferSameNode and PreferSameZone (PreferSameTrafficDistribution is beta, on)',
  'statefulset.json: ValidateStatefulSet / replicas above int32': 'a JSON decoding error (HTTP 400), not a field error: this module words it without Go struct names',
  'statefulset.json: ValidateStatefulSet / partition above int32': 'the same decoding error',
  'statefulset.json: ValidateStatefulSet / ordinals.start above int32': 'the same decoding error',
  'statefulset.json: ValidateStatefulSet / minReadySeconds above int32': 'the same decoding error',
};

const show = (errs: readonly FieldError[]) => errs.map(e => `${e.field} ${e.type}: ${e.detail}`);

test.each(CASES.filter(([, c]) => c.expect === 'accepted'))('accepted: %s', (_, c) => {
  expect(show(validateObject(c.object))).toEqual([]);
});

test('the cases not ported are refused cases that exist', () => {
  const refused = new Set(CASES.filter(([, c]) => c.expect === 'refused').map(([name]) => name));
  expect([...NOT_PORTED].filter(name => !refused.has(name))).toEqual([]);
});

test.each(CASES.filter(([name, c]) => c.expect === 'refused' && !NOT_PORTED.has(name)))('refused: %s', (name, c) => {
  const errs = validateObject(c.object);
  expect(errs.length).toBeGreaterThan(0);
  expect(errs.map(e => e.field)).toContain(c.field);
  if (c.message && !MESSAGE_DIFFERS[name]) expect(errs.filter(e => e.field === c.field).map(e => e.detail)).toContain(c.message);
});

/** The good and bad values of apimachinery's validation_test.go for the name predicates. */
const VALIDATORS: Array<{ validator: string; good: string[]; bad: string[] }> = JSON.parse(readFileSync(join(__dirname, 'api-fixtures', 'validators.json'), 'utf-8'));
const PREDICATES: { [name: string]: (value: string) => string[] } = {
  IsQualifiedName: isQualifiedName,
  IsValidLabelValue: isValidLabelValue,
  IsDNS1123Label: isDns1123Label,
  IsDNS1123Subdomain: isDns1123Subdomain,
  IsDNS1035Label: isDns1035Label,
};

test.each(VALIDATORS.map(v => [v.validator, v]))('%s: every good value passes, every bad one fails', (_, v) => {
  const predicate = PREDICATES[v.validator];
  expect(v.good.filter(value => predicate(value).length > 0)).toEqual([]);
  expect(v.bad.filter(value => predicate(value).length === 0)).toEqual([]);
});
