import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../../src/cli/main';

/** A new temporary directory holding `files` (relative path to text). */
export function manifestDir(files: { [name: string]: string }): string {
  const d = mkdtempSync(join(tmpdir(), 'guard-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), text);
  }
  return d;
}

/** Runs `cdk8s-storage <args>`: the exit status and what it wrote to stdout and stderr. */
export function runCommand(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(args, { out: s => out.push(s), err: s => err.push(s) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** A StatefulSet web in prod whose claim template www asks for `size`: the guard's usual subject. */
export const statefulSetYaml = (size: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, namespace: prod}
spec:
  serviceName: web
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx}]}}
  volumeClaimTemplates:
    - metadata: {name: www}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: ${size}}}}
`;
