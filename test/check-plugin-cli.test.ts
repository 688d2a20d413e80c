import { spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writePackageStandIn } from '../examples/package-stand-in';

/**
 * StorageCheckPlugin under the real cdk8s CLI (`cdk8s synth --validate
 * --no-check-upgrade`), in a fresh app made in a temporary folder, offline:
 * the example app's cdk8s.yaml and main.ts, with node_modules/cdk8s-storage
 * standing in for the installed package (it loads this repository's source
 * through ts-node; the packed package is tested in CI's pack-and-install step).
 */
const ROOT = join(__dirname, '..');
const EXAMPLE = join(ROOT, 'examples', 'storage-check');

function freshApp(mainTs: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'storage-check-app-'));
  writePackageStandIn(dir);
  for (const dep of ['cdk8s', 'cdk8s-plus-27', 'constructs']) symlinkSync(join(ROOT, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  copyFileSync(join(EXAMPLE, 'cdk8s.yaml'), join(dir, 'cdk8s.yaml'));
  // The example runs its main.ts with ts-node; here the same code runs as JavaScript through the stand-in's ts-node hook.
  const yaml = readFileSync(join(dir, 'cdk8s.yaml'), 'utf-8').replace(/^app: .*$/m, 'app: node -r ./node_modules/cdk8s-storage main.ts');
  writeFileSync(join(dir, 'cdk8s.yaml'), yaml);
  writeFileSync(join(dir, 'main.ts'), mainTs);
  return dir;
}

function synth(dir: string) {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth', '--validate', '--no-check-upgrade'], { cwd: dir, encoding: 'utf-8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const exampleMain = readFileSync(join(EXAMPLE, 'main.ts'), 'utf-8');

test('the example app synthesizes clean under the plugin', () => {
  const { status, output } = synth(freshApp(exampleMain));
  expect(output).toContain('Validation Report (');
  expect(output).toMatch(/Status\s*│\s*success/);
  expect(status).toBe(0);
}, 120_000);

test('with a rolling update the synth fails, naming the rule, the construct path and the fix', () => {
  const rolling = exampleMain.replace('    strategy: kplus.DeploymentStrategy.recreate(),\n', '');
  expect(rolling).not.toEqual(exampleMain);
  const { status, output } = synth(freshApp(rolling));
  expect(status).not.toBe(0);
  expect(output).toMatch(/Status\s*│\s*failure/);
  expect(output).toContain('[warning] write-once-claim-rolling-update (1 occurrences)');
  expect(output).toContain('Construct Path: storage-check/web/Resource');
  expect(output).toContain('Locations:\n      > Deployment shop/storage-check-web-');
  expect(output).toContain('How to fix: set strategy.type: Recreate, or rollingUpdate.maxSurge: 0 with maxUnavailable: 1');
}, 120_000);
