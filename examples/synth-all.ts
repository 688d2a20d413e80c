/**
 * Synthesizes every example app (each examples/<name> with a main.ts and a
 * cdk8s.yaml) with the real cdk8s CLI, `cdk8s synth --no-check-upgrade`, run
 * in the example's folder exactly as a user runs it in an app, validation
 * plugins included. Two at a time; prints where each file went, and exits 1
 * if any synth failed.
 */
import { spawn } from 'child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'fs';
import { join, relative } from 'path';
import { writePackageStandIn } from './package-stand-in';

const root = __dirname;
const cdk8s = join(root, '..', 'node_modules', '.bin', 'cdk8s');
const names = readdirSync(root, { withFileTypes: true })
  .filter(d => d.isDirectory() && existsSync(join(root, d.name, 'main.ts')))
  .map(d => d.name)
  .sort();

function synth(name: string): Promise<string | undefined> {
  const dir = join(root, name);
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  if (/^validations:/m.test(readFileSync(join(dir, 'cdk8s.yaml'), 'utf-8'))) writePackageStandIn(dir);
  return new Promise(done => {
    const child = spawn(cdk8s, ['synth', '--no-check-upgrade'], { cwd: dir });
    let output = '';
    child.stdout.on('data', d => { output += d; });
    child.stderr.on('data', d => { output += d; });
    child.on('close', status => {
      if (status !== 0) return done(`${name}: cdk8s synth exited with ${status}\n${output}`);
      for (const file of readdirSync(join(dir, 'dist')).sort()) console.log(`${name}: ${relative(process.cwd(), join(dir, 'dist', file))}`);
      return done(undefined);
    });
  });
}

async function main(): Promise<void> {
  const queue = [...names];
  const failures: string[] = [];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const failure = await synth(name);
      if (failure) failures.push(failure);
    }
  };
  await Promise.all([worker(), worker()]);
  failures.forEach(f => console.error(f));
  console.log(`${names.length - failures.length} of ${names.length} example apps synthesized with cdk8s synth`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

void main();
