/**
 * check and guard at the sizes of a GitOps monorepo (1,000 to 50,000 objects),
 * each beside the YAML parse of the same input: the target is a whole command
 * (read, parse, judge) within 1.5x of the parse alone, at every size, which
 * only a linear engine keeps. Medians of BENCH_REPEAT in-process runs after a
 * warm-up and a full garbage collection; the parse is timed with and without
 * the listener that records each document's line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CORE_SCHEMA, dump, loadAll } from 'js-yaml';
import { StorageCheck } from '../src/check/storage-check';
import { StorageGuard } from '../src/guard/storage-guard';
import { readManifests } from '../src/manifests/files';

const SIZES = (process.env.BENCH_N ?? '1000,10000,50000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

/**
 * One tenant of a monorepo, 20 objects: a class, a static PV, a local PV,
 * five claims, a Deployment, a StatefulSet with its headless Service, a
 * CronJob, a DaemonSet, Secrets and a ConfigMap, in its own namespace. Release 2
 * grows one claim template in ten tenants (refused) and changes replicas.
 */
function tenant(i: number, release: number): object[] {
  const ns = `team-${i}`;
  const meta = (name: string) => ({ name, namespace: ns, labels: { app: name, team: ns } });
  const pod = (name: string, claims: string[]) => ({
    metadata: { labels: { app: name } },
    spec: {
      containers: [{ name, image: 'registry.example/app:1.2.3', volumeMounts: claims.map((_, j) => ({ name: `v${j}`, mountPath: `/data/${j}` })), envFrom: [{ secretRef: { name: `${name}-env` } }] }],
      volumes: claims.map((c, j) => ({ name: `v${j}`, persistentVolumeClaim: { claimName: c } })),
    },
  });
  const claim = (name: string, size: string, cls: string) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta(name), spec: { accessModes: ['ReadWriteOnce'], storageClassName: cls, resources: { requests: { storage: size } } } });
  return [
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: `fast-${i}` }, provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3' }, reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true },
    { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: `pv-${i}` }, spec: { capacity: { storage: '100Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: '', csi: { driver: 'ebs.csi.aws.com', volumeHandle: `vol-${i}` } } },
    claim('uploads', '20Gi', `fast-${i}`),
    claim('cache', '5Gi', `fast-${i}`),
    claim('reports', '1Gi', `fast-${i}`),
    { ...claim('legacy', '100Gi', ''), spec: { accessModes: ['ReadWriteOnce'], storageClassName: '', volumeName: `pv-${i}`, resources: { requests: { storage: '100Gi' } } } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web'), spec: { replicas: release, strategy: { type: 'Recreate' }, selector: { matchLabels: { app: 'web' } }, template: pod('web', ['uploads']) } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('worker'), spec: { replicas: 1, strategy: { type: 'Recreate' }, selector: { matchLabels: { app: 'worker' } }, template: pod('worker', ['cache', 'legacy']) } },
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta('db'),
      spec: {
        serviceName: 'db',
        replicas: 3,
        selector: { matchLabels: { app: 'db' } },
        template: pod('db', []),
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: `fast-${i}`, resources: { requests: { storage: release === 2 && i % 10 === 0 ? '20Gi' : '10Gi' } } } }],
      },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: meta('db'), spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: meta('web'), spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
    { apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('report'), spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { ...pod('report', ['reports']), spec: { ...pod('report', ['reports']).spec, restartPolicy: 'OnFailure' } } } } } },
    { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta('agent'), spec: { selector: { matchLabels: { app: 'agent' } }, template: pod('agent', []) } },
    { apiVersion: 'v1', kind: 'Secret', metadata: meta('web-env'), type: 'Opaque' },
    { apiVersion: 'v1', kind: 'Secret', metadata: meta('worker-env'), type: 'Opaque' },
    // One local class for the whole repository (in the first tenant, instead of its ConfigMap): every tenant's local PV and claim use it,
    // so a rule that looked at every PV of a class for every claim would be quadratic here.
    i === 0
      ? { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-ssd' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Retain' }
      : { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('settings'), data: { 'app.yaml': 'level: info\n' } },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: `local-${i}` },
      spec: {
        capacity: { storage: `${100 + i}Gi` },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'local-ssd',
        local: { path: '/mnt/ssd' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [`node-${i}`] }] }] } },
      },
    },
    claim('scratch', '50Gi', 'local-ssd'),
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('app') },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
  ];
}

/** Two YAML files of `n` objects (n / 20 tenants), release 1 and 2, in one new folder. */
function manifestFiles(n: number): [string, string] {
  const dir = mkdtempSync(join(tmpdir(), `engines-bench-${n}-`));
  const write = (release: number) => {
    const objects = Array.from({ length: n / 20 }, (_, i) => tenant(i, release)).flat();
    const file = join(dir, `release-${release}.yaml`);
    writeFileSync(file, objects.map(o => dump(o, { noRefs: true })).join('---\n'));
    return file;
  };
  return [write(1), write(2)];
}

/** One run, after a full collection (the bench runs with --expose-gc), so no run pays for another's garbage. */
const time = (f: () => unknown) => {
  (global as any).gc?.();
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * Round by round, the parse and then the command (each after a full
 * collection), so a slow spell of this noisy machine falls on both halves of
 * a ratio: the ratio is the median of the rounds' ratios, the times the
 * medians of the rounds' times. REPEAT rounds, more for small inputs.
 */
function rounds(n: number, baseline: () => unknown, command: () => unknown): { baseline: number; command: number; ratio: number } {
  baseline();
  command();
  const samples = Array.from({ length: Math.max(REPEAT, Math.ceil(20000 / n)) }, () => {
    const [b, c] = [time(baseline), time(command)];
    return { b, c, ratio: c / b };
  });
  return { baseline: median(samples.map(x => x.b)), command: median(samples.map(x => x.c)), ratio: median(samples.map(x => x.ratio)) };
}

console.log(`\nengines: node ${process.version}, ${REPEAT} or more interleaved rounds; ratio = the median of the rounds' whole command / YAML parse of its input`);
console.log('| objects | parse (no lines) | parse | check | check / parse | parse both | guard | guard / parse both |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of SIZES) {
  const [v1, v2] = manifestFiles(n);
  const text = readFileSync(v1, 'utf-8');
  const checked = StorageCheck.check(readManifests(v1));
  const compared = StorageGuard.compare(readManifests(v1), readManifests(v2));
  if (readManifests(v1).length !== n || compared.filter(f => f.ruleId === 'statefulset-claim-template').length !== n / 200) {
    throw new Error(`unexpected input: ${readManifests(v1).length} objects, ${compared.length} guard findings`);
  }
  const plain = rounds(n, () => loadAll(text, undefined, { schema: CORE_SCHEMA }), () => readManifests(v1));
  const check = rounds(n, () => readManifests(v1), () => StorageCheck.check(readManifests(v1)));
  const guard = rounds(n, () => [readManifests(v1), readManifests(v2)], () => StorageGuard.compare(readManifests(v1), readManifests(v2)));
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`| ${n} | ${ms(plain.baseline)} | ${ms(check.baseline)} | ${ms(check.command)} | ${check.ratio.toFixed(2)} | ${ms(guard.baseline)} | ${ms(guard.command)} | ${guard.ratio.toFixed(2)} |`);
  if (n === SIZES[SIZES.length - 1]) console.log(`(at ${n}: ${checked.length} check findings, ${compared.length} guard findings)`);
}
