/**
 * The guard fails closed: input it cannot judge is exit status 2 (CLI) or a
 * StorageValidationError (API) naming where, never "0 refused".
 */
import { mkdirSync, symlinkSync, truncateSync } from 'fs';
import { join } from 'path';
import { StorageErrors, StorageGuard } from '../src';
import { manifestDir, runCommand } from './helpers/guard-cli';
import { MAX_FILE_BYTES } from '../src/manifests/files';

// Node's own fs exports cannot be spied on; a plain copy can (the guard reads through it too).
jest.mock('fs', () => ({ ...jest.requireActual('fs') }));
const mockedFs: typeof import('fs') = jest.requireMock('fs');

const pvc = (size: string, name = 'data') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}, namespace: prod}
spec: {accessModes: [ReadWriteOnce], storageClassName: standard, resources: {requests: {storage: ${size}}}}
`;

const dir = manifestDir;
const run = (...args: string[]) => runCommand('guard', ...args);

/** Exit status 2, one line naming the problem, no stack trace, no verdict. */
function expectInputError(result: ReturnType<typeof run>, message: RegExp) {
  expect(result.status).toBe(2);
  expect(result.err).toMatch(message);
  expect(result.err).not.toMatch(/\n\s+at /);
  expect(result.out).toBe('');
}

const previous = dir({ 'app.yaml': pvc('10Gi') });

describe('duplicates are an input error naming both places', () => {
  test('a shrink hidden behind a duplicate in one file', () => {
    const current = dir({ 'app.yaml': `${pvc('5Gi')}---\n${pvc('10Gi')}` });
    expectInputError(run('--previous', previous, '--current', current),
      /app\.yaml:6 \(document 2\): PersistentVolumeClaim prod\/data is also defined in .*app\.yaml:1 \(document 1\); only one can be applied, so the manifests cannot be judged\. Fix: remove one of them$/);
  });

  test('a duplicate across two files', () => {
    const current = dir({ 'a.yaml': pvc('5Gi'), 'b.yaml': pvc('10Gi') });
    expectInputError(run('--previous', previous, '--current', current), /b\.yaml:1 \(document 1\): .* is also defined in .*a\.yaml:1 \(document 1\);/);
  });

  test('a duplicate in the previous manifests too', () => {
    const dup = dir({ 'app.yaml': `${pvc('10Gi')}---\n${pvc('10Gi')}` });
    expectInputError(run('--previous', dup, '--current', previous), /:6 \(document 2\): PersistentVolumeClaim prod\/data is also defined in/);
  });

  test('the API names the list positions', () => {
    const a = { kind: 'ConfigMap', metadata: { name: 'x' } };
    expect(() => StorageGuard.compare([], [a, { ...a }])).toThrow('current[1]: ConfigMap x is also defined in current[0]; only one can be applied');
  });

  test('one name in two namespaces is not a duplicate', () => {
    const current = dir({ 'app.yaml': `${pvc('10Gi')}---\n${pvc('10Gi').replace('namespace: prod', 'namespace: test')}` });
    expect(run('--previous', previous, '--current', current).status).toBe(0);
  });
});

describe('the allow-list is checked against its schema', () => {
  const current = dir({ 'app.yaml': pvc('5Gi') });
  const allow = (text: string) => join(dir({ 'allow.yaml': text }), 'allow.yaml');

  test('a misspelt key is an error, not "allow every field"', () => {
    expectInputError(run('--previous', previous, '--current', current, '--allow', allow('- {kind: PersistentVolumeClaim, name: data, fields: spec.x}\n')),
      /allow\.yaml: allow-list entry 1: has unknown key\(s\) fields; the keys are kind, name, namespaceName, namespace, field\. Fix: correct the spelling/);
  });

  test.each([
    ['not a list', 'kind: PersistentVolumeClaim\n', /the allow-list must be a list of \{kind, name, namespace\?, field\?\}, got \{"kind":"PersistentVolumeClaim"\}/],
    ['an entry that is not a map', '- PersistentVolumeClaim\n', /allow-list entry 1: is "PersistentVolumeClaim", expected \{kind, name, namespace\?, field\?\}/],
    ['a namespace that is not a string', '- {kind: PersistentVolumeClaim, name: data, namespace: 7}\n', /allow-list entry 1: namespace is 7, expected a non-empty string\. Fix: set namespace, or leave it out/],
    ['an empty field', '- {kind: PersistentVolumeClaim, name: data, field: ""}\n', /allow-list entry 1: field is "", expected a non-empty string/],
    ['an empty file', '', /the allow-list must be a list .* got \(not set\)/],
  ])('%s', (_, text, message) => {
    expectInputError(run('--previous', previous, '--current', current, '--allow', allow(text)), message);
  });

  test('the API checks the allow-list the same way', () => {
    expect(() => StorageGuard.compare([], [], { allow: [{ kind: 'PersistentVolumeClaim', name: 'data', fields: 'x' } as any] }))
      .toThrow('StorageGuard.compare options.allow: allow-list entry 1: has unknown key(s) fields');
  });
});

describe("cdk8s-cli's construct-metadata.json beside the manifests", () => {
  const metadata = JSON.stringify({ version: '1.0.0', resources: { data: { path: 'app/data/Resource' } } });

  test('is skipped in a directory, so an output synthesized with a validation plugin compares and checks', () => {
    const current = dir({ 'app.k8s.yaml': pvc('10Gi'), 'construct-metadata.json': metadata });
    expect(run('--previous', previous, '--current', current)).toMatchObject({ status: 0 });
    expect(runCommand('check', current)).toMatchObject({ status: 0 });
  });

  test('is refused when its shape is not the metadata file (fails closed, not skipped by name alone)', () => {
    const current = dir({ 'app.k8s.yaml': pvc('10Gi'), 'construct-metadata.json': JSON.stringify({ resources: {} }) });
    expectInputError(run('--previous', previous, '--current', current), /construct-metadata\.json:1 \(document 1\): is not a Kubernetes object/);
  });
});

describe('unreadable input is exit 2 with one line naming the path', () => {
  test('a dangling symbolic link', () => {
    const current = dir({ 'app.yaml': pvc('10Gi') });
    symlinkSync('/nonexistent/target.yaml', join(current, 'gone.yaml'));
    expectInputError(run('--previous', previous, '--current', current), /gone\.yaml: a symbolic link to nothing \(dangling\)$/);
  });

  test('a dangling link that may have been a directory of manifests', () => {
    const current = dir({ 'app.yaml': pvc('10Gi') });
    symlinkSync('/nonexistent/overlay', join(current, 'overlay'));
    expectInputError(run('--previous', previous, '--current', current), /overlay: a symbolic link to nothing \(dangling\)$/);
  });

  test('a file that links to itself', () => {
    const current = dir({ 'app.yaml': pvc('10Gi') });
    symlinkSync(join(current, 'loop.yaml'), join(current, 'loop.yaml'));
    expectInputError(run('--previous', previous, '--current', current), /loop\.yaml: a loop of symbolic links$/);
  });

  test('a directory link that leads back up', () => {
    const current = dir({ 'app.yaml': pvc('10Gi') });
    symlinkSync(current, join(current, 'up'));
    expectInputError(run('--previous', previous, '--current', current), /up: a loop of symbolic links \(it leads back to .*\)$/);
  });

  test('a link named x.yaml to a directory is read as that directory', () => {
    const current = dir({ 'app.yaml': pvc('10Gi') });
    symlinkSync(dir({ 'other.yaml': pvc('1Gi', 'other') }), join(current, 'x.yaml'));
    expect(run('--previous', previous, '--current', current).out).toMatch(/compared 1 previous and 2 current objects/);
  });

  test('a directory named x.yaml given as the path, with no manifests in it', () => {
    const empty = join(dir({}), 'x.yaml');
    mkdirSync(empty);
    expectInputError(run('--previous', previous, '--current', empty), /x\.yaml: no \.yaml, \.yml or \.json files in this directory$/);
  });

  test('a file without read permission', () => {
    const current = dir({ 'app.yaml': pvc('10Gi') });
    // Tests may run as root, for whom chmod 000 does not stop a read: simulate the kernel's answer.
    const spy = jest.spyOn(mockedFs, 'readFileSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    try {
      expectInputError(run('--previous', previous, '--current', current), /app\.yaml: permission denied$/);
    } finally {
      spy.mockRestore();
    }
  });

  test('a directory without read permission', () => {
    const spy = jest.spyOn(mockedFs, 'readdirSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    try {
      expectInputError(run('--previous', previous, '--current', previous), /guard-\w+: permission denied$/);
    } finally {
      spy.mockRestore();
    }
  });

  test('a path through a file, and an allow-list that is a directory', () => {
    expectInputError(run('--previous', join(previous, 'app.yaml', 'x'), '--current', previous), /app\.yaml\/x: a part of the path is not a directory$/);
    expectInputError(run('--previous', previous, '--current', previous, '--allow', previous), /guard-\w+: is a directory, not a manifest file$/);
  });

  test('a file over the size limit is refused before it is read', () => {
    const current = dir({ 'app.yaml': '' });
    truncateSync(join(current, 'app.yaml'), MAX_FILE_BYTES + 1);
    expectInputError(run('--previous', previous, '--current', current), new RegExp(`app\\.yaml: ${MAX_FILE_BYTES + 1} bytes, larger than the ${MAX_FILE_BYTES}-byte limit`));
  });
});

describe('YAML aliases are bounded', () => {
  // 1.5 KB that expands to 10^25 values: each level lists the previous one ten times.
  const levels = ['  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 25; i++) levels.push(`  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  const bomb = `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: bomb}\nspec:\n  resources: {requests: {storage: 1Gi}}\n  extra:\n${levels.map(l => `  ${l}`).join('\n')}\n`;

  test('an alias bomb is exit 2, at once', () => {
    expect(bomb.length).toBeLessThan(2000);
    expectInputError(run('--previous', dir({ 'bomb.yaml': bomb }), '--current', previous),
      /bomb\.yaml:1 \(document 1\): expands to more than 1000000 values \(YAML aliases\?\); refusing to compare it/);
  });

  test('a recursive alias is exit 2', () => {
    const current = dir({ 'app.yaml': `${pvc('10Gi')}---\nkind: ConfigMap\nmetadata: {name: loop}\ndata: &d {self: *d}\n` });
    // js-yaml builds the cycle (an alias to the anchor it is inside); a rule serializing it would never end.
    expectInputError(run('--previous', previous, '--current', current),
      /app\.yaml:6 \(document 2\): refers to itself \(a YAML alias inside its own anchor\); refusing to compare it\. Fix: remove the recursive alias$/);
  });
});

describe('every field a rule reads is checked for its shape', () => {
  const sts = (templates: string) => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n  serviceName: web\n  volumeClaimTemplates: ${templates}\n`;
  test.each([
    ['volumeClaimTemplates: {}', sts('{}'), /StatefulSet web: spec\.volumeClaimTemplates is \{\}, expected a list of claim templates\. Fix: correct the manifest$/],
    ['volumeClaimTemplates: [null]', sts('[null]'), /StatefulSet web: spec\.volumeClaimTemplates\[0\] is not a claim template with a metadata\.name/],
    ['a template without a name', sts('[{spec: {}}]'), /spec\.volumeClaimTemplates\[0\] is not a claim template with a metadata\.name/],
    ['two templates of one name', sts('[{metadata: {name: www}}, {metadata: {name: www}}]'), /spec\.volumeClaimTemplates\[1\] repeats the template name www/],
    ['a template spec that is a string', sts('[{metadata: {name: www}, spec: x}]'), /spec\.volumeClaimTemplates\[0\] has a spec that is not an object/],
    ['a claim size that is an object', pvc('{}'), /PersistentVolumeClaim data: spec\.resources\.requests\.storage is \{\}, expected a quantity such as "10Gi"/],
    ['a claim size that is not a quantity', pvc('10GB'), /spec\.resources\.requests\.storage is "10GB", expected a quantity/],
    ['a claim without a size', pvc('1Gi').replace('resources: {requests: {storage: 1Gi}}', 'resources: {}'), /spec\.resources\.requests\.storage is missing, expected a quantity/],
    ['a spec that is a string', 'kind: Service\nmetadata: {name: s}\nspec: headless\n', /Service s: spec is "headless", expected an object/],
    ['a clusterIP that is a number', 'kind: Service\nmetadata: {name: s}\nspec: {clusterIP: 0}\n', /Service s: spec\.clusterIP is 0, expected a string/],
    ['an annotation that is not a string', 'kind: ConfigMap\nmetadata: {name: c, annotations: {a: [1]}}\n', /ConfigMap c: metadata\.annotations is \{"a":\[1\]\}, expected a map of strings/],
    ['a namespace that is a number', 'kind: ConfigMap\nmetadata: {name: c, namespace: 1}\n', /metadata\.namespace is 1, expected a string/],
    ['a name that is a number', 'kind: ConfigMap\nmetadata: {name: 1}\n', /:1 \(document 1\): is not a Kubernetes object/],
    ['a class whose expansion flag is a string', 'kind: StorageClass\nmetadata: {name: c}\nprovisioner: x\nallowVolumeExpansion: "true"\n', /StorageClass c: allowVolumeExpansion is "true", expected true or false/],
    ['a class without a provisioner', 'kind: StorageClass\nmetadata: {name: c}\n', /StorageClass c: provisioner is missing, expected a string/],
    ['a PV capacity that is a list', 'kind: PersistentVolume\nmetadata: {name: v}\nspec: {capacity: {storage: [1]}}\n', /PersistentVolume v: spec\.capacity\.storage is \[1\], expected a quantity/],
    ['CSIDriver modes that are a string', 'kind: CSIDriver\nmetadata: {name: d}\nspec: {volumeLifecycleModes: Persistent}\n', /CSIDriver d: spec\.volumeLifecycleModes is "Persistent", expected a list of strings/],
  ])('%s', (_, text, message) => {
    expectInputError(run('--previous', dir({ 'app.yaml': text }), '--current', previous), message);
  });

  test('the API refuses what is not a list of Kubernetes objects', () => {
    expect(() => StorageGuard.compare(null as any, [])).toThrow('StorageGuard.compare previous: expected a list of manifests, got null. Fix: pass the parsed documents as an array');
    expect(() => StorageGuard.compare([], 'x' as any)).toThrow('StorageGuard.compare current: expected a list of manifests, got string');
    expect(() => StorageGuard.compare([null], [])).toThrow('previous[0]: is not a Kubernetes object');
    expect(() => StorageGuard.compare([], ['x'])).toThrow('current[0]: is not a Kubernetes object');
    try {
      StorageGuard.compare([null], []);
    } catch (e) {
      expect(StorageErrors.isStorageValidationError(e)).toBe(true);
    }
  });
});

describe('renames are found by hash, each added object explaining one removed', () => {
  const claim = (name: string, size = '1Gi') => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'a' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: size } } },
  });

  test('two removed claims with one spec, one renamed: one rename and one removal', () => {
    const findings = StorageGuard.compare([claim('x'), claim('y')], [claim('z')]);
    expect(findings.map(f => [f.name, f.severity, f.newValue])).toEqual([
      ['x', 'data-loss', '"z"'],
      ['y', 'data-loss', undefined],
    ]);
    expect(findings[1].message).toBe('removed from the manifests: the GitOps tool prunes it, and its data with it unless the volume is Retain');
  });

  test('another size or namespace is not a rename', () => {
    const other = { ...claim('z'), metadata: { name: 'z', namespace: 'b' } };
    expect(StorageGuard.compare([claim('x')], [claim('z', '2Gi'), other]).map(f => f.newValue)).toEqual([undefined]);
  });
});
