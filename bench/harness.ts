/**
 * The benchmark harness: every (variant, N) runs in a fresh Node.js process,
 * so its peak memory (max RSS) is its own; times are medians of REPEAT runs of
 * "construct the app and synthesize it to YAML", after a small warm-up.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, Chart } from 'cdk8s';

/** Builds the objects of size `n` into `chart`. */
export type Variant = (chart: Chart, n: number) => void;

export interface Bench {
  /** Names the results file and the table. */
  readonly name: string;
  readonly variants: { [name: string]: Variant };
  /** The variant the ratios are computed against. */
  readonly baseline: string;
  readonly sizes: number[];
  /** Throws if the variants do not synthesize the objects they claim to (run once, untimed). */
  readonly checkOutputs: () => void;
}

interface Sample { ms: number; maxRssMb: number }

const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

export function synthYaml(variant: Variant, n: number): string {
  const app = new App({ outdir: '/tmp' });
  variant(new Chart(app, 'bench'), n);
  return app.synthYaml();
}

function measure(variant: Variant, n: number): Sample {
  synthYaml(variant, Math.min(n, 10));
  (global as any).gc?.();
  const start = process.hrtime.bigint();
  synthYaml(variant, n);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function runChild(script: string, variant: string, n: number): Sample {
  const out = execFileSync(process.execPath, [...process.execArgv, script, '--child', variant, String(n)], {
    env: process.env, encoding: 'utf-8', maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the bench (in the parent) or one measurement (in a child started by it). */
export function runBench(bench: Bench, script: string): void {
  if (process.argv[2] === '--child') {
    console.log(JSON.stringify(measure(bench.variants[process.argv[3]], Number(process.argv[4]))));
    return;
  }
  bench.checkOutputs();
  const sizes = process.env.BENCH_N ? process.env.BENCH_N.split(',').map(Number) : bench.sizes;
  // Rounds interleave the variants (A B C, A B C, ...), so a slow spell of the
  // machine falls on every variant alike instead of on one.
  const names = Object.keys(bench.variants);
  const rows = sizes.flatMap(n => {
    const samples = new Map<string, Sample[]>(names.map(v => [v, []]));
    for (let round = 0; round < REPEAT; round++) names.forEach(v => samples.get(v)!.push(runChild(script, v, n)));
    return names.map(variant => {
      const taken = samples.get(variant)!;
      return { n, variant, ms: median(taken.map(s => s.ms)), maxRssMb: median(taken.map(s => s.maxRssMb)) };
    });
  });
  const width = Math.max(...Object.keys(bench.variants).map(v => v.length));
  console.log(`\n${bench.name}: node ${process.version}, ${REPEAT} runs each, median; ratios against ${bench.baseline}\n`);
  console.log(`${'N'.padEnd(6)} | ${'variant'.padEnd(width)} |  wall ms | ratio | peak RSS MiB | ratio`);
  for (const row of rows) {
    const base = rows.find(r => r.n === row.n && r.variant === bench.baseline)!;
    console.log(`${String(row.n).padEnd(6)} | ${row.variant.padEnd(width)} | ${row.ms.toFixed(0).padStart(8)} | ${(row.ms / base.ms).toFixed(2).padStart(5)} | ${row.maxRssMb.toFixed(0).padStart(12)} | ${(row.maxRssMb / base.maxRssMb).toFixed(2)}`);
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${bench.name}.json`), JSON.stringify({ node: process.version, repeat: REPEAT, rows }, null, 2));
}
