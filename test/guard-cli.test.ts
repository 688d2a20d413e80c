import { execFileSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { manifestDir, runCommand, statefulSetYaml as sts } from './helpers/guard-cli';


const dir = manifestDir;
const run = (...args: string[]) => runCommand(...args);

describe('cdk8s-storage guard', () => {
  const v1 = dir({ 'app.k8s.yaml': sts('1Gi') });
  const v2 = dir({ 'nested/app.k8s.yaml': sts('2Gi') });

  test('a refused change: a human-readable report and exit status 1', () => {
    const { status, out } = run('guard', '--previous', v1, '--current', v2);
    expect(status).toBe(1);
    expect(out).toContain('REFUSED  statefulset-claim-template  StatefulSet prod/web  spec.volumeClaimTemplates[www]');
    expect(out).toContain('fix: kubectl delete statefulset web -n prod --cascade=orphan, then re-sync');
    expect(out).toMatch(/compared 1 previous and 1 current objects: 1 refused, 0 data-loss, 0 warning$/);
  });

  test('no change: exit status 0', () => {
    expect(run('guard', '--previous', v1, '--current', join(v1, 'app.k8s.yaml')).status).toBe(0);
  });

  test('a JSON report', () => {
    const { status, out } = run('guard', '--previous', v1, '--current', v2, '--json');
    expect(status).toBe(1);
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ kind: 'StatefulSet', name: 'web', severity: 'refused', field: 'spec.volumeClaimTemplates[www]' })]);
  });

  test('an allow-list for a change handled deliberately', () => {
    const allow = join(dir({ 'allow.yaml': '- {kind: StatefulSet, name: web, field: "spec.volumeClaimTemplates[www]"}\n' }), 'allow.yaml');
    expect(run('guard', '--previous', v1, '--current', v2, '--allow', allow).status).toBe(0);
  });

  test('--git-ref compares with the output directory as committed', () => {
    const repo = dir({ 'dist/app.k8s.yaml': sts('1Gi') });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'v1');
    writeFileSync(join(repo, 'dist/app.k8s.yaml'), sts('5Gi'));
    const { status, out } = run('guard', '--git-ref', 'HEAD', '--current', join(repo, 'dist'));
    expect(status).toBe(1);
    expect(out).toContain('"1Gi"');
    expect(run('guard', '--git-ref', 'no-such-rev', '--current', join(repo, 'dist'))).toMatchObject({ status: 2, err: expect.stringMatching(/^cdk8s-storage guard: git ls-tree/) });
    mkdirSync(join(repo, 'new'));
    writeFileSync(join(repo, 'new/app.yaml'), sts('1Gi'));
    expect(run('guard', '--git-ref', 'HEAD', '--current', join(repo, 'new'))).toMatchObject({ status: 2, err: expect.stringMatching(/new: no .yaml, .yml or .json files at revision HEAD$/) });
  });

  test.each<[string, () => string[], RegExp]>([
    ['a YAML syntax error', () => ['--previous', dir({ 'a.yaml': 'kind: [unclosed\n' }), '--current', v2], /a.yaml: not valid YAML: /],
    ['a document without kind', () => ['--previous', dir({ 'a.yaml': 'metadata: {name: x}\n' }), '--current', v2], /a.yaml:1 \(document 1\): is not a Kubernetes object \(it needs a kind and a metadata.name, both strings\)\. Fix: remove it or complete it$/],
    ['a document without metadata.name', () => ['--previous', v1, '--current', dir({ 'b.yaml': `${sts('1Gi')}---\nkind: ConfigMap\nmetadata: {}\n` })], /b.yaml:12 \(document 2\): is not a Kubernetes object/],
    ['an empty directory', () => ['--previous', dir({}), '--current', v2], /: no .yaml, .yml or .json files in this directory$/],
    ['a path that does not exist', () => ['--previous', '/no/such/dir', '--current', v2], /^cdk8s-storage guard: \/no\/such\/dir: no such file or directory$/],
    ['a bad allow-list', () => ['--previous', v1, '--current', v2, '--allow', join(dir({ 'allow.yaml': '- {kind: StatefulSet}\n' }), 'allow.yaml')], /allow.yaml: allow-list entry 1: name is \(not set\), expected a non-empty string\. Fix: set name$/],
    ['no --previous', () => ['--current', v2], /give --current and one of --previous or --git-ref\nusage:/],
    ['a missing allow-list', () => ['--previous', v1, '--current', v2, '--allow', '/no/allow.yaml'], /^cdk8s-storage guard: \/no\/allow.yaml: no such file or directory$/],
    ['an allow-list that is not YAML', () => ['--previous', v1, '--current', v2, '--allow', join(dir({ 'allow.yaml': '- [unclosed\n' }), 'allow.yaml')], /the allow-list is not valid YAML: /],
    ['--git-ref outside a git repository', () => ['--git-ref', 'HEAD', '--current', v1], /^cdk8s-storage guard: git rev-parse --show-toplevel: .*not a git repository/],
    ['--git-ref on a path that does not exist', () => ['--git-ref', 'HEAD', '--current', '/no/such/dir'], /\/no\/such\/dir: no such file or directory$/],
    ['an unknown option', () => ['--previous', v1, '--current', v2, '--force'], /unknown or incomplete option "--force"/],
  ])('%s: a clear error and exit status 2', (_, args, message) => {
    const { status, err, out } = run('guard', ...args());
    expect(status).toBe(2);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
  });

  test('an unknown command', () => {
    expect(run('synth')).toMatchObject({ status: 2, err: expect.stringContaining('unknown command "synth"') });
  });
});
