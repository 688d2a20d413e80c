/**
 * A noise-resistant cross-check of the benchmark: in one process, builds and
 * synthesizes N StatefulStores and the same objects written raw and typed,
 * round after round (interleaved), and prints each variant's fastest round:
 * construction, chart.toJson(), and app.synthYaml() (which validates,
 * renders again and writes YAML). The fastest round is the one the machine
 * disturbed least; the separate-process benchmark also measures first-run
 * (cold JIT) cost and peak memory, which this does not.
 *
 *   TS_NODE_PROJECT=test/tsconfig.json node --expose-gc -r ts-node/register/transpile-only \
 *     -r tsconfig-paths/register bench/steady-state.ts [N=2000] [ROUNDS=15]
 */
import { App, Chart } from 'cdk8s';
import { BASELINE, VARIANTS } from './statefulstore-variants';

const names = ['cdk8s-storage StatefulStore', 'raw cdk8s ApiObject', BASELINE];
const n = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 15);
const best = new Map(names.map(v => [v, [Infinity, Infinity, Infinity]]));
const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;

for (let round = 0; round < rounds; round++) {
  for (const variant of names) {
    (global as any).gc?.();
    const app = new App({ outdir: '/tmp' });
    const t0 = process.hrtime.bigint();
    VARIANTS[variant](new Chart(app, 'bench'), n);
    const t1 = process.hrtime.bigint();
    app.charts[0].toJson();
    const t2 = process.hrtime.bigint();
    app.synthYaml();
    const t3 = process.hrtime.bigint();
    best.set(variant, [ms(t0, t1), ms(t1, t2), ms(t2, t3)].map((m, i) => Math.min(m, best.get(variant)![i])));
  }
}
const total = (v: string) => best.get(v)![0] + best.get(v)![2];
console.log(`N=${n}, fastest of ${rounds} rounds; total = construct + synthYaml; ratio against ${BASELINE}`);
for (const v of names) {
  const [construct, toJson, synth] = best.get(v)!;
  console.log(`${v.padEnd(48)} construct ${construct.toFixed(1).padStart(6)} ms  toJson ${toJson.toFixed(1).padStart(6)} ms  synthYaml ${synth.toFixed(1).padStart(6)} ms  total ${total(v).toFixed(1).padStart(6)} ms  ratio ${(total(v) / total(BASELINE)).toFixed(2)}`);
}
