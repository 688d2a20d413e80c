import { Chart, Duration, Size, Testing } from 'cdk8s';
import { PodManagementPolicy } from 'cdk8s-plus-27';
import { parseAllDocuments } from 'yaml';
import { AccessMode, BlockProvider, Findings, BlockStorageClass, ClaimRetention, EbsVolumeType, GcePdType, Severity, LocalSsdVolume, LocalSsdVolumeProps, NfsShare, PruneProtection, ReclaimPolicy, SpdkCsiDriver, SpdkTargetType, StatefulStore, StatefulStoreProps, StorageClass, StorageDefaults, StorageGuard, VolumeBindingMode, VolumeMode } from '../src';
import { Manifest, expectValidManifests } from './helpers/manifests';

/** The manifests of a small app built by `build`, schema-checked. */
function synth(build: (chart: Chart) => void, protection?: PruneProtection): Manifest[] {
  const app = Testing.app();
  if (protection) StorageDefaults.setPruneProtection(app, protection);
  const chart = new Chart(app, 'c', { namespace: 'prod' });
  build(chart);
  app.synth();
  const manifests = chart.toJson() as Manifest[];
  expectValidManifests(manifests);
  return manifests;
}

const yaml = (text: string) => parseAllDocuments(text).map(d => d.toJS());

const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE, AccessMode.READ_ONLY_MANY], volumeModes: [VolumeMode.FILESYSTEM, VolumeMode.BLOCK] });
const store = (p: Partial<StatefulStoreProps> = {}, size = 1) => (chart: Chart) => new StatefulStore(chart, 'web', {
  image: 'nginx:1.27',
  replicas: 3,
  port: 80,
  volumes: [{ mountPath: '/usr/share/nginx/html', claim: standard.claimTemplate('www', { storage: Size.gibibytes(size) }) }],
  ...p,
});
const ebs = (provider: BlockProvider, more: object = {}) => (chart: Chart) => new BlockStorageClass(chart, 'fast', { provider, ...more });
const claim = (p: object = {}, id = 'data') => (chart: Chart) => standard.claim(chart, id, { storage: Size.gibibytes(10), ...p });
const disks = (p: Partial<LocalSsdVolumeProps> = {}, disk: object = {}) => (chart: Chart) => new LocalSsdVolume(chart, 'ssd', {
  storageClassName: 'local', disks: [{ node: 'n1', path: '/mnt/ssd', capacity: Size.gibibytes(100), name: 'disk-1', ...disk }], ...p,
});
const both = (...builds: Array<(chart: Chart) => unknown>) => (chart: Chart) => builds.forEach(b => b(chart));
const spdk = (p: object = {}) => (chart: Chart) => new SpdkCsiDriver(chart, 'spdk', {
  targets: [{ name: 's1', rpcUrl: 'http://10.0.0.9:9009', targetType: SpdkTargetType.NVME_TCP, targetAddress: '10.0.0.9' }], ...p,
});

const svc = (clusterIP?: string) => yaml(`apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: prod}\nspec:\n  selector: {app: db}\n  ports: [{port: 5432}]\n${clusterIP ? `  clusterIP: ${clusterIP}\n` : ''}`);
const csiDriver = (spec: string) => yaml(`apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata: {name: ebs.csi.aws.com}\nspec: ${spec}`);
const handPv = (spec: string, name = 'pv-1', annotations = '{}') => yaml(`apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ${name}, annotations: ${annotations}}\nspec:\n  capacity: {storage: 10Gi}\n  accessModes: [ReadWriteOnce]\n${spec}`);
const handPvc = (spec: string) => yaml(`apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: prod}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n${spec}`);

type Expected = Array<[Severity, string, string, string]>; // severity, kind, name, field
const R = Severity.REFUSED;
const D = Severity.DATA_LOSS;
const W = Severity.WARNING;

const SCENARIOS: Array<[string, Manifest[], Manifest[], Expected]> = [
  // StatefulStore: the fields a StatefulSet cannot change, and retention turning to Delete.
  ['a template grows', synth(store()), synth(store({}, 2)), [[R, 'StatefulSet', 'web', 'spec.volumeClaimTemplates[www]']]],
  ['a template is added', synth(store()), synth(store({
    volumes: [
      { mountPath: '/usr/share/nginx/html', claim: standard.claimTemplate('www', { storage: Size.gibibytes(1) }) },
      { mountPath: '/cache', claim: standard.claimTemplate('cache', { storage: Size.gibibytes(1) }) },
    ],
  })), [[R, 'StatefulSet', 'web', 'spec.volumeClaimTemplates[cache]']]],
  ['a template is removed', synth(store()), synth(store({ volumes: [] })), [[R, 'StatefulSet', 'web', 'spec.volumeClaimTemplates[www]']]],
  ['a template changes class', synth(store()), synth(store({ volumes: [{ mountPath: '/d', claim: StorageClass.fromStorageClassName('premium', { accessModes: [AccessMode.READ_WRITE_ONCE] }).claimTemplate('www', { storage: Size.gibibytes(1) }) }] })),
    [[R, 'StatefulSet', 'web', 'spec.volumeClaimTemplates[www]']]],
  ['a template changes access mode', synth(store()), synth(store({ volumes: [{ mountPath: '/d', claim: standard.claimTemplate('www', { storage: Size.gibibytes(1), accessMode: AccessMode.READ_ONLY_MANY }) }] })),
    [[R, 'StatefulSet', 'web', 'spec.volumeClaimTemplates[www]']]],
  ['the Service name changes', synth(store()), synth(store({ serviceName: 'web-peers' })), [[R, 'StatefulSet', 'web', 'spec.serviceName']]],
  ['the selector changes', synth(store()), synth(store({ selectorLabels: { app: 'web' } })), [[R, 'StatefulSet', 'web', 'spec.selector']]],
  ['pods become Parallel', synth(store()), synth(store({ podManagementPolicy: PodManagementPolicy.PARALLEL })), [[R, 'StatefulSet', 'web', 'spec.podManagementPolicy']]],
  ['claims are deleted with the StatefulSet', synth(store()), synth(store({ claimRetentionWhenDeleted: ClaimRetention.DELETE })),
    [[D, 'StatefulSet', 'web', 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted']]],
  ['claims are deleted on scale-down', synth(store()), synth(store({ claimRetentionWhenScaled: ClaimRetention.DELETE })),
    [[D, 'StatefulSet', 'web', 'spec.persistentVolumeClaimRetentionPolicy.whenScaled']]],
  ['revisionHistoryLimit (hand-written)', yaml('apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {serviceName: db, revisionHistoryLimit: 10}'),
    yaml('apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {serviceName: db, revisionHistoryLimit: 3}'), [[R, 'StatefulSet', 'db', 'spec.revisionHistoryLimit']]],
  // StorageClass.
  ['class parameters change', synth(ebs(BlockProvider.ebs({ iops: 4000 }))), synth(ebs(BlockProvider.ebs({ iops: 5000 }))), [[R, 'StorageClass', 'fast', 'parameters']]],
  ['class provisioner changes', synth(ebs(BlockProvider.ebs())), synth(ebs(BlockProvider.gcePd({ diskType: GcePdType.PD_STANDARD }))),
    [[R, 'StorageClass', 'fast', 'parameters'], [R, 'StorageClass', 'fast', 'provisioner']]],
  ['class reclaim policy changes', synth(ebs(BlockProvider.ebs())), synth(ebs(BlockProvider.ebs(), { reclaimPolicy: ReclaimPolicy.DELETE })), [[R, 'StorageClass', 'fast', 'reclaimPolicy']]],
  ['class binding mode changes', synth(c => new StorageClass(c, 'nfs', { accessModes: [AccessMode.READ_WRITE_ONCE], provisioner: 'nfs.csi.k8s.io' })),
    synth(c => new StorageClass(c, 'nfs', { accessModes: [AccessMode.READ_WRITE_ONCE], provisioner: 'nfs.csi.k8s.io', volumeBindingMode: VolumeBindingMode.IMMEDIATE })), [[R, 'StorageClass', 'nfs', 'volumeBindingMode']]],
  ['omitted class defaults are no change (hand-written)', yaml('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: x}\nprovisioner: p.io'),
    yaml('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: x}\nprovisioner: p.io\nreclaimPolicy: Delete\nvolumeBindingMode: Immediate\nparameters: {}'), []],
  // PersistentVolumeClaim.
  ['a claim changes class', synth(claim()), synth(c => StorageClass.fromStorageClassName('premium', { accessModes: [AccessMode.READ_WRITE_ONCE] }).claim(c, 'data', { storage: Size.gibibytes(10) })),
    [[R, 'PersistentVolumeClaim', 'data', 'spec.storageClassName']]],
  ['a claim changes access mode', synth(claim()), synth(claim({ accessMode: AccessMode.READ_ONLY_MANY })), [[R, 'PersistentVolumeClaim', 'data', 'spec.accessModes']]],
  ['a claim changes volume mode', synth(claim()), synth(claim({ volumeMode: VolumeMode.BLOCK })), [[R, 'PersistentVolumeClaim', 'data', 'spec.volumeMode']]],
  ['a claim changes selector (hand-written)', handPvc('  selector: {matchLabels: {disk: a}}'), handPvc('  selector: {matchLabels: {disk: b}}'), [[R, 'PersistentVolumeClaim', 'data', 'spec.selector']]],
  ['a bound claim changes volumeName (hand-written)', handPvc('  volumeName: pv-a'), handPvc('  volumeName: pv-b'), [[R, 'PersistentVolumeClaim', 'data', 'spec.volumeName']]],
  ['a claim shrinks', synth(claim()), synth(claim({ storage: Size.mebibytes(512) })), [[R, 'PersistentVolumeClaim', 'data', 'spec.resources.requests.storage']]],
  ['a claim grows on a class without expansion', synth(both(c => new StorageClass(c, 'standard', { accessModes: [AccessMode.READ_WRITE_ONCE], provisioner: 'p.io' }), claim())),
    synth(both(c => new StorageClass(c, 'standard', { accessModes: [AccessMode.READ_WRITE_ONCE], provisioner: 'p.io' }), claim({ storage: Size.gibibytes(20) }))), [[R, 'PersistentVolumeClaim', 'data', 'spec.resources.requests.storage']]],
  ['a claim grows on a class not in the manifests', synth(claim()), synth(claim({ storage: Size.gibibytes(20) })), [[W, 'PersistentVolumeClaim', 'data', 'spec.resources.requests.storage']]],
  // PersistentVolume.
  ['a local disk moves to another path', synth(disks()), synth(disks({}, { path: '/mnt/nvme' })), [[R, 'PersistentVolume', 'disk-1', 'spec (volume source)']]],
  ['an NFS export moves to another server', synth(c => new NfsShare(c, 'home', { server: '10.0.2.5', path: '/home', capacity: Size.gibibytes(1) }).claim(c, 'h')),
    synth(c => new NfsShare(c, 'home', { server: '10.0.2.6', path: '/home', capacity: Size.gibibytes(1) }).claim(c, 'h')), [[R, 'PersistentVolume', 'home', 'spec (volume source)']]],
  ['local disks become raw devices', synth(disks()), synth(disks({ volumeMode: VolumeMode.BLOCK })), [[R, 'PersistentVolume', 'disk-1', 'spec.volumeMode']]],
  ['a local disk moves to another node', synth(disks()), synth(disks({}, { node: 'n2' })), [[R, 'PersistentVolume', 'disk-1', 'spec.nodeAffinity']]],
  ['a PV says it is smaller', synth(disks()), synth(disks({}, { capacity: Size.gibibytes(50) })), [[W, 'PersistentVolume', 'disk-1', 'spec.capacity.storage']]],
  ['a PV turns to Delete (hand-written)', handPv('  persistentVolumeReclaimPolicy: Retain\n  nfs: {server: nas, path: /x}'), handPv('  persistentVolumeReclaimPolicy: Delete\n  nfs: {server: nas, path: /x}'),
    [[D, 'PersistentVolume', 'pv-1', 'spec.persistentVolumeReclaimPolicy']]],
  // CSIDriver and Service (objects this library did not make).
  ['a CSIDriver starts to need attaching', csiDriver('{attachRequired: false}'), csiDriver('{}'), [[R, 'CSIDriver', 'ebs.csi.aws.com', 'spec.attachRequired']]],
  ['a CSIDriver adds ephemeral volumes', csiDriver('{volumeLifecycleModes: [Persistent]}'), csiDriver('{volumeLifecycleModes: [Persistent, Ephemeral]}'),
    [[R, 'CSIDriver', 'ebs.csi.aws.com', 'spec.volumeLifecycleModes']]],
  ['the SPDK driver, unchanged apart from its images', synth(spdk()), synth(spdk({ images: { driver: 'spdkcsi/spdkcsi:v0.1.0' } })), []],
  ['a Service becomes headless', svc(), svc('None'), [[R, 'Service', 'db', 'spec.clusterIP']]],
  ['a headless Service gets a cluster IP', svc('None'), svc('10.96.0.20'), [[R, 'Service', 'db', 'spec.clusterIP']]],
  ['a headless Service leaves clusterIP out: it stays headless', svc('None'), svc(), [[W, 'Service', 'db', 'spec.clusterIP']]],
  // Renames and removals.
  ['a claim is renamed', synth(claim()), synth(claim({}, 'data-v2')), [[D, 'PersistentVolumeClaim', 'data', '(object)']]],
  ['a PV is renamed', synth(disks()), synth(disks({}, { name: 'disk-one' })), [[D, 'PersistentVolume', 'disk-1', '(object)']]],
  ['a class is renamed', synth(ebs(BlockProvider.ebs())), synth(c => new BlockStorageClass(c, 'faster', { provider: BlockProvider.ebs() })), [[D, 'StorageClass', 'fast', '(object)']]],
  ['a Retain, protected PV (and its class) are removed', synth(both(disks(), claim())), synth(claim()),
    [[W, 'StorageClass', 'local', '(object)'], [W, 'PersistentVolume', 'disk-1', '(object)']]],
  ['an unprotected claim is removed', synth(claim(), PruneProtection.NONE), synth(() => undefined, PruneProtection.NONE), [[D, 'PersistentVolumeClaim', 'data', '(object)']]],
  ['a protected claim on a Retain class is removed', synth(both(ebs(BlockProvider.ebs()), c => standard.claim(c, 'other', { storage: Size.gibibytes(1) }),
    c => StorageClass.fromStorageClassName('fast', { accessModes: [AccessMode.READ_WRITE_ONCE] }).claim(c, 'data', { storage: Size.gibibytes(1) }))),
  synth(both(ebs(BlockProvider.ebs()), c => standard.claim(c, 'other', { storage: Size.gibibytes(1) }))), [[W, 'PersistentVolumeClaim', 'data', '(object)']]],
  ['a Delete class is removed', synth(ebs(BlockProvider.ebs(), { reclaimPolicy: ReclaimPolicy.DELETE })), synth(() => undefined), [[D, 'StorageClass', 'fast', '(object)']]],
  ['a protected claim whose class is unknown is removed', synth(claim()), synth(() => undefined), [[D, 'PersistentVolumeClaim', 'data', '(object)']]],
  // Mutable changes: no finding, or the guard gets switched off.
  ['replicas', synth(store()), synth(store({ replicas: 5 })), []],
  ['the image', synth(store()), synth(store({ image: 'nginx:1.28' })), []],
  ['pod labels and annotations', synth(store()), synth(store({ podLabels: { tier: 'web' }, podAnnotations: { a: 'b' } })), []],
  ['a sidecar and environment', synth(store()), synth(store({ sidecars: [{ name: 'exporter', image: 'x', port: 9113 }] })), []],
  ['the grace period and update strategy', synth(store()), synth(store({ terminationGracePeriod: Duration.seconds(60), minReadySeconds: 5 })), []],
  ['retention back to Retain', synth(store({ claimRetentionWhenDeleted: ClaimRetention.DELETE })), synth(store()), []],
  ['a claim grows on an expandable class', synth(both(ebs(BlockProvider.ebs()), c => new BlockStorageClass(c, 'gp3', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.GP3 }) })
    .claim(c, 'data', { storage: Size.gibibytes(10) }))), synth(both(ebs(BlockProvider.ebs()), c => new BlockStorageClass(c, 'gp3', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.GP3 }) })
    .claim(c, 'data', { storage: Size.gibibytes(20) }))), []],
  ['a grown claim written in another unit', handPvc('  storageClassName: x').map(m => ({ ...m, spec: { ...m.spec, resources: { requests: { storage: '1Gi' } } } })),
    handPvc('  storageClassName: x').map(m => ({ ...m, spec: { ...m.spec, resources: { requests: { storage: '1024Mi' } } } })), []],
  ['class mount options and expansion', synth(ebs(BlockProvider.ebs(), { allowVolumeExpansion: false })), synth(ebs(BlockProvider.ebs(), { mountOptions: ['noatime'] })), []],
  ['a new claim and a new disk', synth(disks()), synth(both(disks(), claim())), []],
  ['claim metadata', handPvc(''), handPvc('').map(m => ({ ...m, metadata: { ...m.metadata, labels: { team: 'a' } } })), []],
  ['nothing at all', synth(both(store(), disks(), claim())), synth(both(store(), disks(), claim())), []],
];

describe('StorageGuard', () => {
  test('has at least 40 scenarios, 10 of them mutable changes', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40);
    expect(SCENARIOS.filter(s => s[3].length === 0).length).toBeGreaterThanOrEqual(10);
  });

  test.each(SCENARIOS)('%s', (_, previous, current, expected) => {
    const findings = StorageGuard.compare(previous, current);
    // Exact messages and remedies are asserted rule by rule in guard-rules.test.ts.
    expect(findings.map(f => [f.severity, f.kind, f.name, f.field])).toEqual(expected);
  });

  test('a finding names the object, the field, the old and new values, and the fix', () => {
    const [finding] = StorageGuard.compare(synth(store()), synth(store({ podManagementPolicy: PodManagementPolicy.PARALLEL })));
    expect(finding).toEqual({
      ruleId: 'statefulset-immutable-field',
      kind: 'StatefulSet',
      namespaceName: 'prod',
      name: 'web',
      field: 'spec.podManagementPolicy',
      oldValue: '"OrderedReady"',
      newValue: '"Parallel"',
      severity: 'refused',
      message: 'podManagementPolicy cannot change once the StatefulSet exists',
      fix: 'kubectl delete statefulset web -n prod --cascade=orphan, then re-sync: the pods and their claims stay, and the new StatefulSet adopts them',
    });
    expect(Findings.isBlocking([finding], Severity.ERROR)).toBe(true);
    expect(Findings.isBlocking([{ ...finding, severity: Severity.WARNING }], Severity.ERROR)).toBe(false);
    expect(Findings.isBlocking([{ ...finding, severity: Severity.DATA_LOSS }], Severity.ERROR)).toBe(true);
  });

  test('claim remedies point to a new claim and VolumeAttributesClass; class remedies to a new name', () => {
    const [pvc] = StorageGuard.compare(synth(claim()), synth(claim({ accessMode: AccessMode.READ_ONLY_MANY })));
    expect(pvc.fix).toMatch(/new claim .* copy the data .* VolumeAttributesClass/);
    const [sc] = StorageGuard.compare(synth(ebs(BlockProvider.ebs())), synth(ebs(BlockProvider.ebs(), { reclaimPolicy: ReclaimPolicy.DELETE })));
    expect(sc.fix).toMatch(/^give the class a new name/);
  });

  test('an allow-list drops the changes a user handled deliberately, and only those', () => {
    const previous = synth(store());
    const current = synth(store({ podManagementPolicy: PodManagementPolicy.PARALLEL, serviceName: 'peers' }));
    expect(StorageGuard.compare(previous, current, { allow: [{ kind: 'StatefulSet', name: 'web', field: 'spec.podManagementPolicy' }] }).map(f => f.field)).toEqual(['spec.serviceName']);
    expect(StorageGuard.compare(previous, current, { allow: [{ kind: 'StatefulSet', name: 'web', namespaceName: 'prod' }] })).toEqual([]);
    expect(StorageGuard.compare(previous, current, { allow: [{ kind: 'StatefulSet', name: 'web', namespaceName: 'other' }] })).toHaveLength(2);
  });
});
