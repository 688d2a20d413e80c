/**
 * The guard on two 10000-object outputs: 5000 StatefulStores (a Service and a
 * StatefulSet each), before and after a release that changes every replica
 * count (allowed) and one in fifty claim templates (refused). Reports reading
 * the YAML and comparing, separately, as medians of REPEAT runs.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Chart, Size } from 'cdk8s';
import { readManifests } from '../src/manifests/files';
import { AccessMode, StatefulStore, StorageClass, StorageGuard } from 'cdk8s-storage';

const STORES = Number(process.env.BENCH_GUARD_STORES ?? 5000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });

function output(release: number): string {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), `guard-bench-${release}-`)) });
  const chart = new Chart(app, 'bench', { namespace: 'bench' });
  for (let i = 0; i < STORES; i++) {
    const grown = release === 2 && i % 50 === 0;
    new StatefulStore(chart, `db-${i}`, {
      image: 'postgres:16',
      replicas: release === 1 ? 2 : 3,
      port: 5432,
      volumes: [{ mountPath: '/data', claim: standard.claimTemplate('data', { storage: Size.gibibytes(grown ? 20 : 10) }) }],
    });
  }
  writeFileSync(join(app.outdir, 'bench.k8s.yaml'), app.synthYaml());
  return app.outdir;
}

const time = (f: () => unknown) => {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const [before, after] = [output(1), output(2)];
const previous = readManifests(before);
const current = readManifests(after);
const findings = StorageGuard.compare(previous, current);
if (previous.length !== STORES * 2 || findings.length !== STORES / 50) throw new Error(`unexpected: ${previous.length} objects, ${findings.length} findings`);

const read = median(Array.from({ length: REPEAT }, () => time(() => readManifests(before))));
const compare = median(Array.from({ length: REPEAT }, () => time(() => StorageGuard.compare(previous, current))));
console.log(`\nguard: node ${process.version}, ${previous.length} objects before and after, ${findings.length} findings, median of ${REPEAT}`);
console.log(`  read one output (YAML parse): ${read.toFixed(0)} ms`);
console.log(`  compare the two outputs:      ${compare.toFixed(0)} ms`);

/**
 * Rename detection: N claims of distinct specs, of which R are renamed (same
 * spec, new name) and the rest unchanged. Each removed claim is matched by a
 * hash of its spec, so the time grows with N, not with R x R.
 */
function claims(n: number, renamed: number, release: number): object[] {
  return Array.from({ length: n }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: release === 2 && i < renamed ? `renamed-${i}` : `claim-${i}`, namespace: 'bench' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: `${i + 1}Gi` } } },
  }));
}

console.log('\nrename detection (objects before and after, renamed among them; median of compare)');
for (const [n, renamed] of [[2000, 1000], [6000, 3000], [10000, 5000], [20000, 10000]]) {
  const [a, b] = [claims(n, renamed, 1), claims(n, renamed, 2)];
  const found = StorageGuard.compare(a, b);
  if (found.length !== renamed || found.some(f => !f.message.startsWith('renamed to'))) throw new Error(`expected ${renamed} renames, got ${found.length} findings`);
  const ms = median(Array.from({ length: REPEAT }, () => time(() => StorageGuard.compare(a, b))));
  console.log(`  ${String(n).padStart(6)} objects, ${String(renamed).padStart(5)} renamed: ${ms.toFixed(0).padStart(5)} ms`);
}
