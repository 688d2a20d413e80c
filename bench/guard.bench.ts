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
import { readManifests } from '../src/guard/manifest-files';
import { AccessMode, StatefulStore, StorageClassRef, StorageGuard } from 'cdk8s-storage';

const STORES = Number(process.env.BENCH_GUARD_STORES ?? 5000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const standard = StorageClassRef.existing('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });

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
