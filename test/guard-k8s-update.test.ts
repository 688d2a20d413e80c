/**
 * The guard against Kubernetes' own update-validation unit tests: every case
 * of TestValidatePersistentVolumeClaimUpdate, TestValidatePersistentVolumeUpdate,
 * TestValidateStorageClassUpdate, TestValidateCSIDriverUpdate,
 * TestValidateVolumeAttributesClassUpdate, TestValidateStatefulSetUpdate and
 * TestValidateServiceUpdate that concerns the fields the guard judges, as an
 * old and a new manifest with the API server's verdict for Kubernetes 1.34
 * (test/guard-fixtures/k8s-update/README.md: the sources, and why a verdict
 * differs from the Go test's where defaulting or the registry decides).
 * A refused case must give a refused finding; an allowed one must give none
 * (a warning or a data-loss finding is not a refusal). Cases that only the
 * object's status decides are counted, not judged: the guard sees manifests.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Severity, StorageGuard } from '../src';
import { expectValidManifests, Manifest } from './helpers/manifests';

interface UpdateCase {
  readonly test: string;
  readonly case: string;
  readonly expect: 'allowed' | 'refused' | 'status-dependent';
  readonly field?: string;
  readonly old: Manifest;
  readonly new: Manifest;
}

const DIR = join(__dirname, 'guard-fixtures', 'k8s-update');
const FILES = readdirSync(DIR).filter(f => f.endsWith('.json')).sort();
const CASES: Array<[string, UpdateCase]> = FILES.flatMap(file => (JSON.parse(readFileSync(join(DIR, file), 'utf-8')) as UpdateCase[]).map(c => [file, c] as [string, UpdateCase]));
const judged = (expect: string) => CASES.filter(([, c]) => c.expect === expect).map(([file, c]) => [`${file} ${c.test}: ${c.case}`, c] as [string, UpdateCase]);

test('the cases cover every kind the guard judges, and every manifest passes the schema', () => {
  expect(FILES).toEqual(['csidriver.json', 'persistentvolume.json', 'persistentvolumeclaim.json', 'service.json', 'statefulset.json', 'storageclass.json', 'volumeattributesclass.json']);
  expect(CASES.length).toBeGreaterThanOrEqual(278);
  for (const [, c] of CASES) expectValidManifests([c.old, c.new]);
});

/**
 * Refused for an invalid value, not for the change: any object with it is
 * refused, on create too. They are left to value validation (issue 21, the
 * API server's create validation in check); the guard judges changes.
 */
const VALUE_VALIDATION = [
  'csidriver.json TestCSIDriverValidationUpdate: FSGroupPolicy invalidated',
  'csidriver.json TestCSIDriverValidationUpdate: TokenRequests invalidated',
  'statefulset.json TestValidateStatefulSetUpdate: update to negative replicas',
  'statefulset.json (derived) ValidateStatefulSetUpdate: template labels no longer match the selector',
];

const refusals = (c: UpdateCase) => StorageGuard.compare([c.old], [c.new]).filter(f => f.severity === Severity.REFUSED);

test.each(judged('refused').filter(([name]) => !VALUE_VALIDATION.includes(name)))('refused: %s', (_, c) => {
  expect(refusals(c).length).toBeGreaterThan(0);
});

test('the cases left to value validation are refused for their values, and the guard leaves them alone', () => {
  const named = judged('refused').filter(([name]) => VALUE_VALIDATION.includes(name));
  expect(named.map(([name]) => name)).toEqual(VALUE_VALIDATION);
  for (const [, c] of named) expect(refusals(c)).toEqual([]);
});

test.each(judged('allowed'))('allowed: %s', (_, c) => {
  expect(refusals(c).map(f => `${f.ruleId} ${f.field}: ${f.message}`)).toEqual([]);
});
