/**
 * Synthesis benchmark: N StatefulStores beside the same objects written with
 * raw cdk8s ApiObjects, cdk8s-plus-27's typed k8s.Kube* classes, and
 * cdk8s-plus-27's StatefulSet. Every (variant, N) runs in a fresh process, so
 * its peak memory (max RSS) is its own; times are medians of REPEAT runs of
 * "construct the app and synthesize it to YAML".
 *
 *   npm run bench                  # N = 100, 1000, 10000
 *   BENCH_N=100,1000 npm run bench
 */
import { execFileSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import { IDENTICAL_OUTPUT, VARIANTS } from './variants';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const SIZES = (process.env.BENCH_N ?? '100,1000,10000').split(',').map(Number);
const BASELINE = 'cdk8s-plus-27 k8s.KubeStatefulSet/KubeService';

interface Sample { ms: number; maxRssMb: number; bytes: number }

/** In a child: synthesize N objects of one variant and print the measurement. */
function measure(variant: string, n: number): Sample {
  const build = VARIANTS[variant];
  const warm = new App({ outdir: '/tmp' });
  const warmChart = new Chart(warm, 'warm');
  for (let i = 0; i < 20; i++) build(warmChart, i);
  warm.synthYaml();
  (global as any).gc?.();

  const start = process.hrtime.bigint();
  const app = new App({ outdir: '/tmp' });
  const chart = new Chart(app, 'bench');
  for (let i = 0; i < n; i++) build(chart, i);
  const yaml = app.synthYaml();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: yaml.length };
}

function runChild(variant: string, n: number): Sample {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--child', variant, String(n)], {
    env: process.env, encoding: 'utf-8', maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function synthYaml(variant: string, n: number): string {
  const app = new App({ outdir: '/tmp' });
  const chart = new Chart(app, 'bench');
  for (let i = 0; i < n; i++) VARIANTS[variant](chart, i);
  return app.synthYaml();
}

/** The comparison is fair only if the variants synthesize the same objects. */
function checkSameOutput(): void {
  const [first, ...others] = IDENTICAL_OUTPUT.map(v => synthYaml(v, 3));
  others.forEach((yaml, i) => {
    if (yaml !== first) throw new Error(`${IDENTICAL_OUTPUT[i + 1]} does not synthesize the same YAML as ${IDENTICAL_OUTPUT[0]}`);
  });
  const typed = synthYaml(BASELINE, 3);
  if (typed !== first.replace(/- apiVersion: v1\n {6}kind: PersistentVolumeClaim\n {6}metadata:/g, '- metadata:')) {
    throw new Error(`${BASELINE} differs from ${IDENTICAL_OUTPUT[0]} by more than the templates' apiVersion and kind`);
  }
}

function main(): void {
  checkSameOutput();
  const rows: { n: number; variant: string; ms: number; maxRssMb: number; bytes: number }[] = [];
  for (const n of SIZES) {
    for (const variant of Object.keys(VARIANTS)) {
      const samples = Array.from({ length: REPEAT }, () => runChild(variant, n));
      rows.push({ n, variant, ms: median(samples.map(s => s.ms)), maxRssMb: median(samples.map(s => s.maxRssMb)), bytes: samples[0].bytes });
    }
  }
  console.log(`node ${process.version}, ${REPEAT} runs each, median; ratios are against ${BASELINE}\n`);
  console.log('N      | variant                                        | wall ms  | ratio | peak RSS MiB | ratio');
  console.log('-------|------------------------------------------------|----------|-------|--------------|------');
  for (const row of rows) {
    const base = rows.find(r => r.n === row.n && r.variant === BASELINE)!;
    console.log(`${String(row.n).padEnd(6)} | ${row.variant.padEnd(46)} | ${row.ms.toFixed(0).padStart(8)} | ${(row.ms / base.ms).toFixed(2).padStart(5)} | ${row.maxRssMb.toFixed(0).padStart(12)} | ${(row.maxRssMb / base.maxRssMb).toFixed(2)}`);
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify({ node: process.version, repeat: REPEAT, rows }, null, 2));
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(measure(process.argv[3], Number(process.argv[4]))));
} else {
  main();
}
