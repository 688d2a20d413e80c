import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { StorageGuard, StorageCheck } from '../src';
import { Manifest, expectValidManifests, find } from './helpers/manifests';
import { podStartProblems } from './helpers/pod-start';
import { runCli } from '../src/cli/main';

const examplesDir = join(__dirname, '..', 'examples');
const exampleNames = readdirSync(examplesDir, { withFileTypes: true })
  .filter(d => d.isDirectory() && existsSync(join(examplesDir, d.name, 'main.ts')))
  .map(d => d.name)
  .sort();

/** Synthesizes an example app the way `npm run examples` does, and returns its YAML files by name. */
function synthExample(name: string): Map<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), `${name}-`));
  // Each example is loaded by path at run time, so a static import cannot name it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildApp } = require(join(examplesDir, name, 'main.ts')) as { buildApp: (app: App) => App };
  buildApp(new App({ outdir })).synth();
  return new Map(readdirSync(outdir).sort().map(f => [f, readFileSync(join(outdir, f), 'utf-8')]));
}

function manifestsOf(files: Map<string, string>): Manifest[] {
  return [...files.values()].flatMap(text => parseAllDocuments(text).map(d => d.toJS() as Manifest));
}

test('there are example apps, each with a README and a cdk8s.yaml', () => {
  expect(exampleNames).toEqual(expect.arrayContaining(['statefulstore-web', 'statefulstore-postgres', 'local-ssd-k3s', 'oci-block-nginx', 'statefulstore-tiered', 'nfs-httpd', 'nfs-static-binding', 'efs-shared-writers', 'spdk-nvme-tcp', 'upgrade-guard']));
  for (const name of exampleNames) {
    expect(existsSync(join(examplesDir, name, 'README.md'))).toBe(true);
    expect(readFileSync(join(examplesDir, name, 'cdk8s.yaml'), 'utf-8')).toMatch(/^app: .*main\.ts$/m);
  }
});

describe.each(exampleNames)('example %s', (name) => {
  const first = synthExample(name);

  test('synthesizes manifests that pass the Kubernetes schema', () => {
    const manifests = manifestsOf(first);
    expect(manifests.length).toBeGreaterThan(0);
    expectValidManifests(manifests);
  });

  test('synthesizes byte-identical YAML every time', () => {
    expect(synthExample(name)).toEqual(first);
  });

  test('StorageCheck finds nothing, not even info', () => {
    expect(StorageCheck.check(manifestsOf(first))).toEqual([]);
  });

  test('every container can start: a non-root pod names a numeric non-root user', () => {
    expect(podStartProblems(manifestsOf(first))).toEqual([]);
  });
});

test('the start check catches a root image under runAsNonRoot, and accepts a named user or an explicit root', () => {
  const pod = (podSc: object, containerSc: object): Manifest => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { securityContext: podSc, containers: [{ name: 'c', image: 'busybox', securityContext: containerSc }] },
  });
  expect(podStartProblems([pod({ runAsNonRoot: true }, { runAsNonRoot: true })])).toEqual(['Pod p container c (busybox): runAsNonRoot without a non-root runAsUser (none)']);
  expect(podStartProblems([pod({ runAsNonRoot: true, runAsUser: 0 }, {})])).toEqual(['Pod p container c (busybox): runAsNonRoot without a non-root runAsUser (0)']);
  expect(podStartProblems([pod({ runAsNonRoot: true }, { runAsUser: 1000 })])).toEqual([]);
  expect(podStartProblems([pod({ runAsNonRoot: true }, { runAsNonRoot: false })])).toEqual([]);
});

test('statefulstore-web: the Kubernetes StatefulSet tutorial\'s web app, with its headless Service and templates', () => {
  const manifests = manifestsOf(synthExample('statefulstore-web'));
  const sts = find(manifests, 'StatefulSet', 'web');
  expect(find(manifests, 'Service', 'web').spec.clusterIP).toBe('None');
  expect(sts.spec.serviceName).toBe('web');
  expect(sts.spec.volumeClaimTemplates[0]).toEqual({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'www' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } },
  });
});

test('statefulstore-postgres has two templates, a config volume, a sidecar and a mounted backup claim', () => {
  const manifests = manifestsOf(synthExample('statefulstore-postgres'));
  const sts = find(manifests, 'StatefulSet', 'postgres');
  expect(sts.metadata.namespace).toBe('databases');
  const templates = sts.spec.volumeClaimTemplates.map((t: any) =>
    [t.metadata.name, t.spec.accessModes[0], t.spec.storageClassName, t.spec.resources.requests.storage]);
  expect(templates)
    .toEqual([['data', 'ReadWriteOncePod', 'gp3', '100Gi'], ['wal', 'ReadWriteOncePod', 'io2', '20Gi']]);
  expect(sts.spec.template.spec.volumes).toEqual([
    { name: 'config', configMap: { name: 'postgres-config' } },
    { name: 'tmp', emptyDir: { sizeLimit: '4Gi' } },
  ]);
  expect(sts.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['postgres', 'exporter']);
  expect(find(manifests, 'Service', 'postgres').spec.ports.map((p: any) => p.name)).toEqual(['postgres', 'metrics']);
  expect(find(manifests, 'PersistentVolumeClaim', 'backups').spec.resources.requests.storage).toBe('500Gi');
  expect(find(manifests, 'Job').spec.template.spec.volumes).toEqual([{ name: 'pvc-backups', persistentVolumeClaim: { claimName: 'backups', readOnly: false } }]);
  expect(manifests.filter(m => m.kind === 'Secret')).toEqual([]);
});

test('local-ssd-k3s has one PV per Raspberry Pi and a pod writing to its claim', () => {
  const manifests = manifestsOf(synthExample('local-ssd-k3s'));
  const pvs = manifests.filter(m => m.kind === 'PersistentVolume');
  expect(pvs.map(pv => pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values)).toEqual([['raspberrypi-1'], ['raspberrypi-2']]);
  expect(pvs.map(pv => [pv.spec.local.path, pv.spec.capacity.storage, pv.spec.persistentVolumeReclaimPolicy])).toEqual([
    ['/mnt/ssd', '400Gi', 'Retain'], ['/mnt/ssd', '400Gi', 'Retain'],
  ]);
  expect(find(manifests, 'StorageClass', 'local-storage').volumeBindingMode).toBe('WaitForFirstConsumer');
  const pod = find(manifests, 'Pod');
  expect(pod.spec.volumes).toEqual([{ name: 'pvc-test-pvc', persistentVolumeClaim: { claimName: 'test-pvc', readOnly: false } }]);
  expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: 'pvc-test-pvc', mountPath: '/mnt/ssd' }]);
  expect(pod.spec.nodeName).toBeUndefined();
});

test('oci-block-nginx mounts a 50Gi oci-bv claim in a one-replica nginx Deployment and creates no class', () => {
  const manifests = manifestsOf(synthExample('oci-block-nginx'));
  expect(manifests.map(m => m.kind).sort()).toEqual(['Deployment', 'PersistentVolumeClaim']);
  expect(find(manifests, 'PersistentVolumeClaim', 'csi-bvs-pvc').spec).toEqual({
    accessModes: ['ReadWriteOnce'], storageClassName: 'oci-bv', volumeMode: 'Filesystem', resources: { requests: { storage: '50Gi' } },
  });
  const deployment = find(manifests, 'Deployment');
  expect(deployment.spec.replicas).toBe(1);
  expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
  expect(deployment.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'pvc-csi-bvs-pvc', mountPath: '/usr/share/nginx/html' }]);
});

test('statefulstore-tiered takes one template from local disks and one from an EBS class', () => {
  const manifests = manifestsOf(synthExample('statefulstore-tiered'));
  const sts = find(manifests, 'StatefulSet', 'cassandra');
  expect(sts.spec.volumeClaimTemplates.map((t: any) => [t.metadata.name, t.spec.storageClassName, t.spec.accessModes[0]]))
    .toEqual([['data', 'local-nvme', 'ReadWriteOncePod'], ['commitlog', 'commitlog-gp3', 'ReadWriteOnce']]);
  expect(manifests.filter(m => m.kind === 'PersistentVolume').map(pv => pv.spec.accessModes)).toEqual([['ReadWriteOncePod'], ['ReadWriteOncePod'], ['ReadWriteOncePod']]);
  expect(find(manifests, 'StorageClass', 'commitlog-gp3').parameters).toEqual({ type: 'gp3', iops: '6000', throughput: '250', encrypted: 'true' });
});

test('nfs-httpd serves the export read-only from a claim bound to exactly its PV', () => {
  const manifests = manifestsOf(synthExample('nfs-httpd'));
  const pv = find(manifests, 'PersistentVolume', 'home');
  expect(pv.spec).toMatchObject({ nfs: { server: '10.0.2.5', path: '/home/nfs' }, mountOptions: ['nfsvers=4.1', 'hard'], persistentVolumeReclaimPolicy: 'Retain', claimRef: { name: 'test-pvc', namespace: 'web' } });
  expect(find(manifests, 'PersistentVolumeClaim', 'test-pvc').spec).toMatchObject({ storageClassName: '', volumeName: 'home', accessModes: ['ReadWriteMany'] });
  expect(find(manifests, 'Deployment').spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'pvc-test-pvc', mountPath: '/usr/local/apache2/htdocs', readOnly: true }]);
});

test('nfs-static-binding: one RWX claim selecting one labelled PV, two writer pods', () => {
  const manifests = manifestsOf(synthExample('nfs-static-binding'));
  const pv = find(manifests, 'PersistentVolume', 'scratch');
  const claim = find(manifests, 'PersistentVolumeClaim', 'scratch-claim');
  expect(claim.spec.selector).toEqual({ matchLabels: pv.metadata.labels });
  expect(claim.spec.volumeName).toBe('scratch');
  expect(manifests.filter(m => m.kind === 'Pod').map(p => p.spec.volumes[0].persistentVolumeClaim.claimName)).toEqual(['scratch-claim', 'scratch-claim']);
});

test('efs-shared-writers: a dynamic and a static EFS claim, each shared by two pods', () => {
  const manifests = manifestsOf(synthExample('efs-shared-writers'));
  expect(find(manifests, 'StorageClass', 'efs').parameters).toMatchObject({ provisioningMode: 'efs-ap', basePath: '/dynamic' });
  expect(find(manifests, 'PersistentVolume', 'efs-static').spec.csi.volumeHandle).toBe('fs-06340e6a6f1ff9f8f::fsap-068c22f0246419f75');
  expect(manifests.filter(m => m.kind === 'Pod').map(p => p.spec.volumes[0].persistentVolumeClaim.claimName))
    .toEqual(['efs-claim', 'efs-claim', 'static-claim', 'static-claim']);
});

test('spdk-nvme-tcp: the driver in spdk-csi, a 256Mi claim for the test pod, SPDK templates for a database, no Secret', () => {
  const manifests = manifestsOf(synthExample('spdk-nvme-tcp'));
  expect(manifests.filter(m => m.kind === 'Secret')).toEqual([]);
  expect(find(manifests, 'PersistentVolumeClaim', 'spdkcsi-pvc').spec.resources.requests.storage).toBe('256Mi');
  expect(find(manifests, 'StorageClass', 'spdkcsi-sc').parameters['csi.storage.k8s.io/provisioner-secret-namespace']).toBe('spdk-csi');
  expect(find(manifests, 'StatefulSet', 'db').spec.volumeClaimTemplates[0].spec.storageClassName).toBe('spdkcsi-sc');
  expect(find(manifests, 'DaemonSet', 'spdkcsi-node').metadata.namespace).toBe('spdk-csi');
});

test('upgrade-guard: growing a claim template is refused, and passes once the fix is recorded in allow.yaml', () => {
  const { buildApp } = require(join(examplesDir, 'upgrade-guard', 'main.ts')); // eslint-disable-line @typescript-eslint/no-require-imports
  const versions = (['v1', 'v2'] as const).map(v => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), `guard-${v}-`)) });
    buildApp(app, v).synth();
    return app.charts.flatMap(c => c.toJson()) as Manifest[];
  });
  const findings = StorageGuard.compare(versions[0], versions[1]);
  expect(findings.map(f => [f.severity, f.kind, f.namespaceName, f.name, f.field])).toEqual([['refused', 'StatefulSet', 'shop', 'orders-db', 'spec.volumeClaimTemplates[data]']]);
  const allow = parseAllDocuments(readFileSync(join(examplesDir, 'upgrade-guard', 'allow.yaml'), 'utf-8'))[0].toJS();
  expect(StorageGuard.compare(versions[0], versions[1], { allow })).toEqual([]);
});

test('upgrade-guard: a misspelt allow-list key is exit status 2, not "allow everything"', () => {
  const { buildApp } = require(join(examplesDir, 'upgrade-guard', 'main.ts')); // eslint-disable-line @typescript-eslint/no-require-imports
  const [v1, v2] = (['v1', 'v2'] as const).map(v => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), `guard-${v}-`)) });
    buildApp(app, v).synth();
    return app.outdir;
  });
  const allow = join(examplesDir, 'upgrade-guard', 'allow-misspelt.yaml');
  const err: string[] = [];
  const status = runCli(['guard', '--previous', v1, '--current', v2, '--allow', allow], { out: () => undefined, err: s => err.push(s) });
  expect(status).toBe(2);
  expect(err).toEqual([`cdk8s-storage guard: ${allow}: allow-list entry 1: has unknown key(s) fields; the keys are kind, name, namespaceName, namespace, field. `
    + 'Fix: correct the spelling (a misspelt key would allow more than meant)']);
});

test('upgrade-guard: the refused change as SARIF and JUnit, located where the StatefulSet starts', () => {
  const { buildApp } = require(join(examplesDir, 'upgrade-guard', 'main.ts')); // eslint-disable-line @typescript-eslint/no-require-imports
  const [v1, v2] = (['v1', 'v2'] as const).map(v => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), `guard-${v}-`)) });
    buildApp(app, v).synth();
    return app.outdir;
  });
  const run = (format: string) => {
    const out: string[] = [];
    const status = runCli(['guard', '--previous', v1, '--current', v2, '--format', format], { out: s => out.push(s), err: () => undefined });
    return { status, out: out.join('\n') };
  };
  const sarif = run('sarif');
  expect(sarif.status).toBe(1);
  const [result] = JSON.parse(sarif.out).runs[0].results;
  expect(result).toMatchObject({ ruleId: 'statefulset-claim-template', level: 'error' });
  const { uri } = result.locations[0].physicalLocation.artifactLocation;
  const line = result.locations[0].physicalLocation.region.startLine;
  // The URI is relative to the working directory, or a file URI outside it (here, a temporary folder).
  const file = fileURLToPath(new URL(uri, pathToFileURL(`${process.cwd()}/`)));
  expect(readFileSync(file, 'utf-8').split('\n').slice(line - 1, line + 1)).toEqual(['apiVersion: apps/v1', 'kind: StatefulSet']);
  const junit = run('junit');
  // One passing case per clean rule and one failed case for the finding.
  expect(junit.out).toContain(`<testsuite name="cdk8s-storage guard" tests="${StorageGuard.rules().length}" failures="1"`);
  expect(junit.out).toContain('name="statefulset-claim-template: StatefulSet shop/orders-db spec.volumeClaimTemplates[data]"');
});

test('readme-snippets: the guard snippet really refuses the reclaim policy change', () => {
  const { buildApp } = require(join(examplesDir, 'readme-snippets', 'main.ts')); // eslint-disable-line @typescript-eslint/no-require-imports
  const app: App = buildApp(new App({ outdir: mkdtempSync(join(tmpdir(), 'snippets-')) }));
  const guard = app.charts.find(c => c.node.id === 'guard')!;
  expect(guard.node.metadata.map(m => m.data)).toEqual(['StorageClass/gp3 reclaimPolicy: give the class a new name (claims cannot change class: move them to new claims), or delete the class and apply it again (existing volumes are kept)']);
});

test('every TypeScript block of the README is an excerpt of the example app it names', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf-8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, block]) => /^\/\/ (examples\/[\w-]+\/main\.ts)\n([\s\S]*)$/.exec(block) ?? [block, '(no example named)', '']);
  expect(blocks.length).toBeGreaterThanOrEqual(8);
  for (const [, file, body] of blocks) {
    expect({ file, named: existsSync(join(__dirname, '..', file)) }).toEqual({ file, named: true });
    const source = readFileSync(join(__dirname, '..', file), 'utf-8');
    for (const line of body.split('\n').filter(l => l.trim() !== '' && l.trim() !== '// ...')) {
      expect({ file, line, found: source.includes(line) }).toEqual({ file, line, found: true });
    }
  }
});

test('a README YAML block that names an example file is that file, whole', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf-8');
  const blocks = [...readme.matchAll(/```yaml\n# (examples\/[\w-]+\/cdk8s\.yaml)\n([\s\S]*?)```/g)];
  expect(blocks.map(([, file]) => file)).toEqual(['examples/quick-start/cdk8s.yaml']);
  for (const [, file, body] of blocks) expect(body).toBe(readFileSync(join(__dirname, '..', file), 'utf-8'));
});

test("every example's cdk8s.yaml runs the app with ts-node --transpile-only, the fast set-up the README shows", () => {
  for (const name of exampleNames) {
    expect({ name, app: /^app: (.*)$/m.exec(readFileSync(join(examplesDir, name, 'cdk8s.yaml'), 'utf-8'))?.[1] })
      .toEqual({ name, app: 'npx ts-node --transpile-only main.ts' });
  }
});

test('quick-start: two team charts each hold a claim "uploads" in their own namespace, mounted by a cdk8s-plus-33 Deployment', () => {
  const manifests = manifestsOf(synthExample('quick-start'));
  for (const team of ['team-a', 'team-b']) {
    const inTeam = manifests.filter(m => m.metadata.namespace === team);
    expect(find(inTeam, 'PersistentVolumeClaim', 'uploads').spec).toMatchObject({ accessModes: ['ReadWriteOnce'], storageClassName: 'gp3', resources: { requests: { storage: '20Gi' } } });
    const pod = find(inTeam, 'Deployment').spec.template.spec;
    expect(pod.volumes).toEqual([{ name: 'pvc-uploads', persistentVolumeClaim: { claimName: 'uploads', readOnly: false } }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ mountPath: '/usr/share/nginx/html/uploads', name: 'pvc-uploads' }]);
  }
});

test('block-disks: driver options on four clouds, and existing GCE and EBS disks as static PVs', () => {
  const files = synthExample('block-disks');
  const classes = manifestsOf(new Map([['c', files.get('block-classes.k8s.yaml')!]]));
  const parameters = Object.fromEntries(classes.map(c => [c.metadata.name, c.parameters]));
  expect(parameters['ebs-tagged']).toMatchObject({ tagSpecification_1: 'cost-center=platform', tagSpecification_2: 'team={{ .PVCNamespace }}', inodeSize: '512' });
  expect(parameters.hyperdisk).toMatchObject({ 'type': 'hyperdisk-balanced', 'provisioned-iops-on-create': '6000', 'provisioned-throughput-on-create': '290Mi' });
  expect(parameters['azure-shared']).toMatchObject({ skuName: 'PremiumV2_LRS', cachingMode: 'None', maxShares: '2' });
  expect(parameters['oci-tagged']['oci.oraclecloud.com/initial-defined-tags-override']).toBe('{"Operations":{"CostCenter":"42"}}');
  const ml = manifestsOf(new Map([['m', files.get('ml.k8s.yaml')!]]));
  expect(find(ml, 'PersistentVolume').spec.csi).toEqual({
    driver: 'pd.csi.storage.gke.io', volumeHandle: 'projects/ml-datasets/zones/europe-west1-b/disks/imagenet-2012', fsType: 'ext4', readOnly: true,
  });
  expect(find(ml, 'PersistentVolumeClaim').spec).toMatchObject({ accessModes: ['ReadOnlyMany'], storageClassName: '', volumeName: 'imagenet-disk' });
  const restore = manifestsOf(new Map([['r', files.get('restore.k8s.yaml')!]]));
  expect(find(restore, 'PersistentVolume').spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions).toEqual([
    { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['eu-west-1a'] },
  ]);
  expect(find(restore, 'PersistentVolume').metadata.name).toBe('orders-restored-data-0');
  expect(find(restore, 'StatefulSet').spec.volumeClaimTemplates.map((t: any) => t.spec)).toEqual([{
    storageClassName: '',
    accessModes: ['ReadWriteOnce'],
    volumeMode: 'Filesystem',
    resources: { requests: { storage: '100Gi' } },
    selector: { matchLabels: { 'block.cdk8s-storage.io/volume': 'orders-restored', 'block.cdk8s-storage.io/template': 'data' } },
  }]);
});

test('storage-check: the README shows what check prints for the third-party manifests, and they pass the Kubernetes schema', () => {
  const dir = join(examplesDir, 'storage-check');
  const readme = readFileSync(join(dir, 'README.md'), 'utf-8');
  const shown = readme.split('<!-- check-output')[1].split('```text\n')[1].split('\n```')[0];
  const out: string[] = [];
  const status = runCli(['check', join(dir, 'third-party')], { out: s => out.push(s), err: s => out.push(s) });
  expect(out.join('\n').split(`${dir}/`).join('').trimEnd()).toBe(shown);
  expect(status).toBe(1);
  const file = join(dir, 'third-party', 'legacy-wiki.yaml');
  expectValidManifests(parseAllDocuments(readFileSync(file, 'utf-8')).map(d => d.toJSON()));
});

test('day2-postgres: v2 snapshots replica 0, restores a staging copy from it and tunes a claim in place; guard allows all of it', () => {
  const { buildApp } = require(join(examplesDir, 'day2-postgres', 'main.ts')); // eslint-disable-line @typescript-eslint/no-require-imports
  const [v1, v2] = (['v1', 'v2'] as const).map(v => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), `day2-${v}-`)) });
    buildApp(app, v).synth();
    return app.charts.flatMap(c => c.toJson()) as Manifest[];
  });
  expectValidManifests(v1);
  expect(StorageCheck.check(v1)).toEqual([]);
  expect(find(v2, 'VolumeSnapshot').spec).toEqual({ volumeSnapshotClassName: 'ebs-snapshots', source: { persistentVolumeClaimName: 'data-orders-db-0' } });
  expect(find(v2, 'StatefulSet', 'orders-db-staging').spec.volumeClaimTemplates[0].spec.dataSourceRef)
    .toEqual({ apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'orders-db-before-17' });
  expect(find(v1, 'PersistentVolumeClaim', 'reports').spec.volumeAttributesClassName).toBe('gp3-baseline');
  expect(find(v2, 'PersistentVolumeClaim', 'reports').spec.volumeAttributesClassName).toBe('gp3-fast');
  // The image upgrade, the new snapshot and store, and the claim's move to another VolumeAttributesClass: nothing the API server refuses or that loses data.
  expect(StorageGuard.compare(v1, v2).map(f => [f.ruleId, f.severity, f.name, f.field])).toEqual([]);
  // What the guard stops: raising the IOPS by editing the class in place (refused), or the snapshot's source.
  const edited = v2.map(m => (m.kind === 'VolumeAttributesClass' && m.metadata.name === 'gp3-fast' ? { ...m, parameters: { iops: '8000', throughput: '500' } } : m));
  const resnapped = v2.map(m => (m.kind === 'VolumeSnapshot' ? { ...m, spec: { ...m.spec, source: { persistentVolumeClaimName: 'data-orders-db-1' } } } : m));
  expect(StorageGuard.compare(v2, edited).map(f => [f.ruleId, f.severity, f.name, f.field])).toEqual([['volume-attributes-class-immutable-field', 'refused', 'gp3-fast', 'parameters']]);
  expect(StorageGuard.compare(v2, resnapped).map(f => [f.ruleId, f.severity, f.name])).toEqual([['snapshot-immutable-field', 'refused', 'orders-db-before-17']]);
});
