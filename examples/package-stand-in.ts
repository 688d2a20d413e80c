/**
 * In this repository 'cdk8s-storage' is the source in src/, not an installed
 * package. cdk8s-cli loads a validation plugin from the path in cdk8s.yaml
 * (`package: ./node_modules/cdk8s-storage`, as in users' apps), so this writes
 * a stand-in package there that loads src/ through ts-node. The packed package
 * itself is tested by CI's pack-and-install step (.ci/pack-and-install).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');

export function writePackageStandIn(appDir: string): void {
  const dir = join(appDir, 'node_modules', 'cdk8s-storage');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'cdk8s-storage', version: '0.0.0', main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'),
    `require(${JSON.stringify(join(ROOT, 'node_modules', 'ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(join(ROOT, 'test', 'tsconfig.json'))} });\n`
    + `module.exports = require(${JSON.stringify(join(ROOT, 'src', 'index.ts'))});\n`);
}
