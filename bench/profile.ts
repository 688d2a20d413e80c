/**
 * Where the time of one synthesis goes: profiles "construct the app and
 * synthesize it to YAML" for one variant of a benchmark (after a warm-up, so
 * module loading is not in it) with the V8 CPU profiler, and prints the self
 * time by package and the functions that take the most.
 *
 *   TS_NODE_PROJECT=test/tsconfig.json node -r ts-node/register/transpile-only \
 *     -r tsconfig-paths/register bench/profile.ts statefulstore 'cdk8s-storage StatefulStore' 10000
 */
import { Session } from 'inspector';
import { synthYaml, Variant } from './harness';
import { VARIANTS as LOCAL } from './local-variants';
import { VARIANTS as STATEFULSTORE } from './statefulstore-variants';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface Profile { nodes: { id: number; callFrame: CallFrame }[]; samples: number[]; timeDeltas: number[] }

const BENCHES: { [name: string]: { [variant: string]: Variant } } = { statefulstore: STATEFULSTORE, local: LOCAL };

/** The package a frame belongs to: this library's src/, a node_modules package, or V8/Node itself. */
function areaOf(frame: CallFrame): string {
  if (frame.url.includes('/src/')) return 'cdk8s-storage (src/)';
  // The innermost package: cdk8s bundles its own yaml (node_modules/cdk8s/node_modules/yaml).
  const pkg = [...frame.url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].pop()?.[1];
  if (pkg) return pkg;
  return frame.url === '' ? frame.functionName || '(program)' : 'node and the benchmark';
}

function summarize(profile: Profile, top: number): void {
  const frames = new Map(profile.nodes.map(n => [n.id, n.callFrame]));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = frames.get(id)!;
    total += us;
    byArea.set(areaOf(frame), (byArea.get(areaOf(frame)) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/.*\/(node_modules|src)\//, '$1/')}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  });
  const rows = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([k, us]) => `| ${k} | ${(us / 1000).toFixed(0)} | ${(100 * us / total).toFixed(1)}% |`).join('\n');
  console.log(`total ${(total / 1000).toFixed(0)} ms of samples\n\n| package | self ms | share |\n|---|---:|---:|\n${rows(byArea, 12)}`);
  console.log(`\n| function | self ms | share |\n|---|---:|---:|\n${rows(byFunction, top)}`);
}

const [bench, variant, size] = process.argv.slice(2);
const build = BENCHES[bench]?.[variant];
if (!build) throw new Error(`usage: profile.ts <${Object.keys(BENCHES).join('|')}> <variant> [N]; variants: ${Object.keys(BENCHES[bench] ?? {}).join(', ')}`);
synthYaml(build, 10);
const session = new Session();
session.connect();
session.post('Profiler.enable', () => session.post('Profiler.start', () => {
  synthYaml(build, Number(size ?? 10000));
  session.post('Profiler.stop', (err, result) => {
    if (err) throw err;
    summarize(result.profile as unknown as Profile, Number(process.env.PROFILE_TOP ?? 15));
  });
}));
