/**
 * The report formats of check and guard: text (file:line), JSON, SARIF 2.1.0
 * (validated against the SARIF 2.1.0 JSON schema and by the SARIF SDK's
 * validator, both from Microsoft's @microsoft/sarif-multitool npm package)
 * and JUnit XML, from the CLI and the API alike.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { FindingCommand, Findings, ReportFormat, Severity, StorageCheck, StorageGuard } from '../src';
import { manifestDir, runCommand, statefulSetYaml as sts } from './helpers/guard-cli';
import { parseManifests } from '../src/manifests/files';

const FIXTURES = join(__dirname, 'check-fixtures');
/** Paths as a user in the repository root passes them, so SARIF's artifact URIs are relative to it. */
const repoPath = (...parts: string[]) => relative(process.cwd(), join(FIXTURES, ...parts));
const CHECKED = [repoPath('access-mode-unserved', 'fail.yaml'), repoPath('write-once-claim-shared', 'fail.yaml')];

// The SARIF SDK's package holds its validator and the 2.1.0 schema beside it, for this platform
// (its index.js exports the path of this platform's binary).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MULTITOOL: string = require('@microsoft/sarif-multitool');
const SCHEMA = JSON.parse(readFileSync(join(dirname(MULTITOOL), 'sarif-2.1.0.json'), 'utf-8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(SCHEMA);

function expectValidSarif(text: string): any {
  const log = JSON.parse(text);
  expect({ valid: validateSarif(log), errors: validateSarif.errors ?? null }).toEqual({ valid: true, errors: null });
  // SARIF 2.1.0 errata 01 (OASIS Standard): a region has a startLine (or a char or byte offset).
  for (const result of log.runs[0].results) {
    for (const location of result.locations) {
      if (location.physicalLocation) expect(location.physicalLocation.region.startLine).toBeGreaterThan(0);
    }
  }
  return log;
}

/** The SARIF SDK's validator on a log: the results it reports (an empty list is a clean log). */
function sdkValidation(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sarif-'));
  writeFileSync(join(dir, 'log.sarif'), text);
  execFileSync(MULTITOOL, ['validate', join(dir, 'log.sarif'), '--output', join(dir, 'validation.sarif'), '--log', 'ForceOverwrite'], { stdio: 'pipe' });
  const validation = JSON.parse(readFileSync(join(dir, 'validation.sarif'), 'utf-8'));
  return validation.runs[0].results.map((r: any) => `${r.level} ${r.ruleId}: ${r.message.text ?? r.message.id}`);
}

const svc = (clusterIP: string) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: prod}\nspec: {clusterIP: ${clusterIP}, ports: [{port: 80}]}\n`;
const previous = manifestDir({ 'app.yaml': sts('1Gi') + svc('10.0.0.1') });
const current = manifestDir({ 'app.yaml': sts('2Gi') + svc('None') });

describe('SARIF 2.1.0', () => {
  const check = runCommand('check', ...CHECKED, '--format', 'sarif');
  const guard = runCommand('guard', '--previous', previous, '--current', current, '--format', 'sarif');

  test('check: valid against the schema and clean in the SARIF SDK validator', () => {
    expect(check.status).toBe(1);
    expectValidSarif(check.out);
    expect(sdkValidation(check.out)).toEqual([]);
  });

  test('guard: valid against the schema and clean in the SARIF SDK validator', () => {
    expect(guard.status).toBe(1);
    expectValidSarif(guard.out);
    expect(sdkValidation(guard.out)).toEqual([]);
  });

  test('every rule is described, and each result points at its rule, file and line', () => {
    const log = expectValidSarif(check.out);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('cdk8s-storage');
    expect(run.automationDetails).toEqual({ id: 'cdk8s-storage/check/' });
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(StorageCheck.rules().map(r => r.id));
    const rule = run.tool.driver.rules.find((r: any) => r.id === 'access-mode-unserved');
    expect(rule).toMatchObject({ name: 'AccessModeUnserved', defaultConfiguration: { level: 'error' }, shortDescription: { text: StorageCheck.rules().find(r => r.id === 'access-mode-unserved')!.summary } });
    expect(rule.help.text).toContain('Source: the drivers\' code');
    const findings = StorageCheck.check(CHECKED.flatMap(f => parseManifests(readFileSync(f, 'utf-8'), f)));
    expect(run.results).toHaveLength(findings.length);
    run.results.forEach((result: any, i: number) => {
      const f = findings[i];
      expect(result.ruleId).toBe(f.ruleId);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(f.ruleId);
      expect(result.level).toBe({ 'refused': 'error', 'data-loss': 'error', 'error': 'error', 'warning': 'warning', 'info': 'note' }[f.severity as string]);
      expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: f.location!.file }, region: { startLine: f.location!.line } });
      expect(result.locations[0].logicalLocations).toEqual([{ fullyQualifiedName: `${f.kind}/${f.namespaceName ?? ''}/${f.name}`, kind: 'object' }]);
      expect(result.message.text).toContain(f.message);
      expect(result.message.text).toContain(`Fix: ${f.fix}`);
    });
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('test/check-fixtures/access-mode-unserved/fail.yaml');
  });

  test('guard results carry the old and the new value, refused as error', () => {
    const run = expectValidSarif(guard.out).runs[0];
    expect(run.automationDetails).toEqual({ id: 'cdk8s-storage/guard/' });
    expect(run.results.map((r: any) => [r.ruleId, r.level])).toEqual([['statefulset-claim-template', 'error'], ['service-cluster-ip', 'error']]);
    expect(run.results[1].message.text).toMatch(/^Service prod\/web spec.clusterIP \("10.0.0.1" -> "None"\): a Service cannot become headless in place\. Fix: delete the Service/);
    expect(run.results[1].locations[0].physicalLocation.region.startLine).toBe(12);
  });

  test('the API gives the same log as the CLI', () => {
    const findings = StorageCheck.check(CHECKED.flatMap(f => parseManifests(readFileSync(f, 'utf-8'), f)));
    expect(Findings.report(findings, { format: ReportFormat.SARIF, command: FindingCommand.CHECK })).toBe(check.out);
  });

  test('a finding on an object a program passed in has a logical location only', () => {
    const [finding] = StorageGuard.compare(
      [{ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, persistentVolumeReclaimPolicy: 'Retain' } }],
      [{ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, persistentVolumeReclaimPolicy: 'Delete' } }]);
    const log = expectValidSarif(Findings.report([finding], { format: ReportFormat.SARIF, command: FindingCommand.GUARD }));
    expect(log.runs[0].results[0].locations).toEqual([{ logicalLocations: [{ fullyQualifiedName: 'PersistentVolume//pv', kind: 'object' }] }]);
  });
});

describe('JUnit XML', () => {
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => name === 'testcase' }).parse(xml);

  test('check: a passing case per clean rule, a case per finding, failed at --fail-on or worse', () => {
    const { status, out } = runCommand('check', ...CHECKED, '--format', 'junit');
    expect(status).toBe(1);
    const suite = parse(out).testsuites.testsuite;
    const findings = StorageCheck.check(CHECKED.flatMap(f => parseManifests(readFileSync(f, 'utf-8'), f)));
    const failing = findings.filter(f => f.severity !== Severity.INFO);
    const cleanRules = StorageCheck.rules().filter(r => !findings.some(f => f.ruleId === r.id));
    expect(suite.name).toBe('cdk8s-storage check');
    expect(Number(suite.tests)).toBe(cleanRules.length + findings.length);
    expect(Number(suite.failures)).toBe(failing.length);
    const cases = suite.testcase as any[];
    expect(cases.filter(c => c.failure).map(c => c.name)).toEqual(failing.map(f => `${f.ruleId}: ${f.kind} ${f.name} ${f.field}`));
    const unserved = cases.find(c => c.name.startsWith('access-mode-unserved:'));
    expect(unserved).toMatchObject({ file: CHECKED[0], line: '8', classname: 'cdk8s-storage check' });
    expect(unserved.failure.type).toBe('error');
    expect(unserved.failure['#text']).toMatch(/^claim shared asks for ReadWriteMany .*\nfix: ask for ReadWriteOnce or ReadWriteOncePod.*\nat: .*fail\.yaml:8 \(document 2\)$/s);
    // Below --fail-on: reported, not failed.
    expect(cases.find(c => c.name.startsWith('prune-protection:'))['system-out']).toMatch(/^info: PersistentVolumeClaim shared has no prune protection/);
    expect(cases.filter(c => !c.failure && !c['system-out']).map(c => c.name)).toEqual(cleanRules.map(r => r.id));
  });

  test('--fail-on info fails the info cases too; guard fails refused changes', () => {
    expect(Number(parse(runCommand('check', ...CHECKED, '--format', 'junit', '--fail-on', 'info').out).testsuites.failures)).toBe(
      StorageCheck.check(CHECKED.flatMap(f => parseManifests(readFileSync(f, 'utf-8'), f))).length);
    const guard = parse(runCommand('guard', '--previous', previous, '--current', current, '--format', 'junit').out).testsuites;
    expect([guard.name, guard.failures]).toEqual(['cdk8s-storage guard', '2']);
    expect(guard.testsuite.testcase.filter((c: any) => c.failure).map((c: any) => c.failure['#text'].split('\n')[1]))
      .toEqual(['{"metadata":{"name":"www"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}} -> '
        + '{"metadata":{"name":"www"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"2Gi"}}}}', '"10.0.0.1" -> "None"']);
  });

  test('text that XML forbids is escaped or dropped', () => {
    const [finding] = StorageGuard.compare(
      [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'a<b>&"c"' }, provisioner: 'x', reclaimPolicy: 'Retain' }],
      [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'a<b>&"c"' }, provisioner: 'x\u0001', reclaimPolicy: 'Retain' }]);
    const xml = Findings.report([finding], { format: ReportFormat.JUNIT, command: FindingCommand.GUARD });
    const failed = parse(xml).testsuites.testsuite.testcase.find((c: any) => c.failure);
    expect(failed.name).toBe('storage-class-immutable-field: StorageClass a<b>&"c" provisioner');
    expect(xml).not.toContain('\u0001');
  });
});

describe('text and JSON', () => {
  test('text names rule, object, field, the change, message, fix and file:line', () => {
    const { out } = runCommand('guard', '--previous', previous, '--current', current);
    expect(out).toContain([
      'REFUSED  service-cluster-ip  Service prod/web  spec.clusterIP',
      '  "10.0.0.1" -> "None"',
      '  a Service cannot become headless in place',
      '  fix: delete the Service (kubectl delete service web -n prod) and apply it again (a short DNS outage), or create a Service under another name',
      `  at: ${join(current, 'app.yaml')}:12 (document 2)`,
    ].join('\n'));
    expect(out).toMatch(/compared 2 previous and 2 current objects: 2 refused, 0 data-loss, 0 warning$/);
  });

  test('JSON is the findings, for check and guard alike', () => {
    const json = JSON.parse(runCommand('guard', '--previous', previous, '--current', current, '--format', 'json').out);
    expect(json.map((f: any) => [f.ruleId, f.severity, f.location.line])).toEqual([['statefulset-claim-template', 'refused', 1], ['service-cluster-ip', 'refused', 12]]);
    expect(runCommand('guard', '--previous', previous, '--current', current, '--json').out).toBe(JSON.stringify(json, null, 2));
  });
});

describe('one vocabulary for both commands', () => {
  test('--list-rules lists every rule of each command, as text, JSON, SARIF or JUnit', () => {
    expect(JSON.parse(runCommand('guard', '--list-rules', '--format', 'json').out)).toEqual(StorageGuard.rules());
    expect(JSON.parse(runCommand('check', '--list-rules', '--format', 'json').out)).toEqual(StorageCheck.rules());
    expect(runCommand('guard', '--list-rules').out).toMatch(/^statefulset-immutable-field \(refused\)\n {2}A StatefulSet's serviceName/);
    expect(expectValidSarif(runCommand('guard', '--list-rules', '--format', 'sarif').out).runs[0].tool.driver.rules).toHaveLength(StorageGuard.rules().length);
    expect(runCommand('check', '--list-rules', '--format', 'junit').out).toContain(`tests="${StorageCheck.rules().length}" failures="0"`);
  });

  test('every rule of both commands has an id, a severity, a one-line summary and a source; ids are unique across both', () => {
    const rules = [...StorageCheck.rules(), ...StorageGuard.rules()];
    expect(new Set(rules.map(r => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(Object.values(Severity)).toContain(rule.severity);
      expect(rule.summary).toMatch(/^[A-Z].*\.$/);
      expect(rule.summary).not.toContain('\n');
      expect(rule.source).toMatch(/https:\/\/|\.go|CHANGELOG|kubernetes pkg/);
    }
  });

  test('--suppress works for the guard too, and an unknown id is exit 2', () => {
    expect(runCommand('guard', '--previous', previous, '--current', current, '--suppress', 'statefulset-claim-template,service-cluster-ip').status).toBe(0);
    const bad = runCommand('guard', '--previous', previous, '--current', current, '--suppress', 'service-clusterip');
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/^cdk8s-storage guard: --suppress: unknown rule id\(s\) service-clusterip; the rules are statefulset-immutable-field, /);
  });

  test('--fail-on: guard warnings fail only when asked; a bad format or level is exit 2', () => {
    const shrunk = manifestDir({ 'pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec: {capacity: {storage: 1Gi}}\n' });
    const big = manifestDir({ 'pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec: {capacity: {storage: 2Gi}}\n' });
    expect(runCommand('guard', '--previous', big, '--current', shrunk).status).toBe(0);
    expect(runCommand('guard', '--previous', big, '--current', shrunk, '--fail-on', 'warning').status).toBe(1);
    const format = runCommand('check', CHECKED[0], '--format', 'xml');
    expect([format.status, format.err.split('\n')[0]]).toEqual([2, 'cdk8s-storage check: unknown or incomplete option "--format" (give one of text, json, sarif, junit)']);
    expect(runCommand('guard', '--previous', big, '--current', shrunk, '--fail-on', 'refused').err).toMatch(/^cdk8s-storage guard: unknown or incomplete option "--fail-on" \(give one of error, warning, info\)/);
  });

  test('the API checks what JavaScript callers pass', () => {
    expect(() => Findings.isBlocking(null as any, Severity.ERROR)).toThrow(/^Findings.isBlocking: findings is null, expected the list that check or compare returned/);
    expect(() => Findings.isBlocking([], 'refused' as any)).toThrow(/^Findings.isBlocking: failOn is "refused", expected one of error, warning, info/);
    expect(() => Findings.isBlocking([], undefined as any)).toThrow(/^Findings.isBlocking: failOn is undefined, expected one of error, warning, info/);
    expect(() => Findings.report([], { format: 'xml' as any, command: FindingCommand.CHECK })).toThrow(
      /^Findings.report: invalid format "xml". Allowed: one of ReportFormat.TEXT \("text"\)/);
    expect(() => Findings.report([], { format: ReportFormat.TEXT, command: 'map' as any })).toThrow(
      /^Findings.report: options.command is "map", expected FindingCommand.CHECK or FindingCommand.GUARD. Fix: pass the command that found the findings$/);
    expect(() => Findings.report(null as any, { format: ReportFormat.TEXT, command: FindingCommand.GUARD })).toThrow(/^Findings.report: findings is null/);
    expect(() => Findings.report([], { format: ReportFormat.JUNIT, command: FindingCommand.CHECK, failOn: Severity.REFUSED })).toThrow(
      /^Findings.report: failOn is "refused", expected one of error, warning, info/);
    expect(Findings.isBlocking([], Severity.INFO)).toBe(false);
  });

  test('the bare command: help is exit 0, an unknown command exit 2', () => {
    expect(runCommand('help').status).toBe(0);
    expect(runCommand('help').out).toContain('usage: cdk8s-storage guard');
    expect(runCommand('help').out).toContain('usage: cdk8s-storage map');
    const unknown = runCommand('draw');
    expect([unknown.status, unknown.err.split('\n')[0]]).toEqual([2, 'cdk8s-storage: unknown command "draw": check, guard, map']);
  });
});
