/**
 * Synthesizes every example app (each examples/<name>/main.ts exports
 * `buildApp`) into examples/<name>/dist and prints where the YAML went.
 */
import { readdirSync, existsSync, rmSync } from 'fs';
import { join, relative } from 'path';
import { App } from 'cdk8s';

const root = __dirname;
const names = readdirSync(root, { withFileTypes: true })
  .filter(d => d.isDirectory() && existsSync(join(root, d.name, 'main.ts')))
  .map(d => d.name)
  .sort();

for (const name of names) {
  const outdir = join(root, name, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  // Each example is loaded by path at run time, so a static import cannot name it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildApp } = require(join(root, name, 'main.ts')) as { buildApp: (app: App) => App };
  buildApp(new App({ outdir })).synth();
  for (const file of readdirSync(outdir).sort()) {
    console.log(`${name}: ${relative(process.cwd(), join(outdir, file))}`);
  }
}
console.log(`${names.length} example apps synthesized`);
