import { Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { FsType, LocalAccessMode, LocalSsdVolume, LocalSsdVolumeProps, StatefulStore, VolumeMode } from '../src';
import { find, Manifest, PRUNE_PROTECTED, synthAppValid } from './helpers/manifests';

function documentedExample() {
  const app = Testing.app();
  const chart = new Chart(app, 'local', { namespace: 'apps' });
  const ssd = new LocalSsdVolume(chart, 'ssd', {
    storageClassName: 'local-storage',
    disks: [
      { node: 'raspberrypi-1', path: '/mnt/ssd', capacity: Size.gibibytes(400) },
      { node: 'raspberrypi-2', path: '/mnt/ssd', capacity: Size.gibibytes(400) },
    ],
  });
  ssd.addDisk({ node: 'raspberrypi-3', path: '/mnt/nvme0', capacity: Size.tebibytes(1) });
  const claim = ssd.claim(chart, 'test-pvc', { storage: Size.gibibytes(400) });
  const pod = new kplus.Pod(chart, 'app', { containers: [{ image: 'busybox' }] });
  pod.containers[0].mount('/mnt', claim);
  const template = ssd.claimTemplate('data', { storage: Size.gibibytes(100), accessMode: LocalAccessMode.READ_WRITE_ONCE_POD });
  return { app, chart, ssd, claim, template };
}

const pvs = (manifests: Manifest[]) => manifests.filter(m => m.kind === 'PersistentVolume');

describe('LocalSsdVolume, the local volume example of the Kubernetes documentation', () => {
  const { app, ssd, claim, template } = documentedExample();
  const manifests = synthAppValid(app);

  test('snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('a no-provisioner class that binds only when the pod is scheduled, and keeps data', () => {
    expect(find(manifests, 'StorageClass')).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'local-storage', annotations: PRUNE_PROTECTED },
      provisioner: 'kubernetes.io/no-provisioner',
      volumeBindingMode: 'WaitForFirstConsumer',
      reclaimPolicy: 'Retain',
      allowVolumeExpansion: false,
    });
    expect(ssd.storageClassName).toBe('local-storage');
  });

  test('one PV per disk, each pinned to exactly its node, Retain, with the exact capacity', () => {
    expect(ssd.diskCount).toBe(3);
    expect(pvs(manifests).map(pv => [pv.metadata.name, pv.spec.local.path, pv.spec.capacity.storage,
      pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values]))
      .toEqual([
        ['local-storage-raspberrypi-1-mnt-ssd', '/mnt/ssd', '400Gi', ['raspberrypi-1']],
        ['local-storage-raspberrypi-2-mnt-ssd', '/mnt/ssd', '400Gi', ['raspberrypi-2']],
        ['local-storage-raspberrypi-3-mnt-nvme0', '/mnt/nvme0', '1Ti', ['raspberrypi-3']],
      ]);
    expect(find(manifests, 'PersistentVolume', 'local-storage-raspberrypi-1-mnt-ssd')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'local-storage-raspberrypi-1-mnt-ssd', annotations: PRUNE_PROTECTED },
      spec: {
        accessModes: ['ReadWriteOnce'],
        capacity: { storage: '400Gi' },
        local: { path: '/mnt/ssd' },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['raspberrypi-1'] }] }],
          },
        },
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'local-storage',
        volumeMode: 'Filesystem',
      },
    });
  });

  test('the claim is ReadWriteOnce by default, in the chart namespace, and mounted by the pod', () => {
    expect(find(manifests, 'PersistentVolumeClaim')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'test-pvc', namespace: 'apps', annotations: PRUNE_PROTECTED },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'local-storage', volumeMode: 'Filesystem', resources: { requests: { storage: '400Gi' } } },
    });
    expect(claim.accessMode).toBe('ReadWriteOnce');
    expect(find(manifests, 'Pod').spec.volumes).toEqual([{ name: 'pvc-test-pvc', persistentVolumeClaim: { claimName: 'test-pvc', readOnly: false } }]);
    expect(template.accessMode).toBe('ReadWriteOncePod');
  });
});

describe('LocalSsdVolume, custom settings', () => {
  test('raw block devices, ReadWriteOncePod disks with labels, explicit names, a StatefulStore on them', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'db');
    const nvme = new LocalSsdVolume(chart, 'nvme', {
      volumeMode: VolumeMode.BLOCK,
      accessMode: LocalAccessMode.READ_WRITE_ONCE_POD,
      disks: ['a', 'b', 'c'].map(n => ({ node: `node-${n}`, path: '/dev/disk/by-id/nvme-1', capacity: Size.gibibytes(900), labels: { 'disk.example.com/model': 'pm9a3' } })),
    });
    nvme.addDisk({ node: 'node-d', path: '/dev/nvme1n1', capacity: Size.gibibytes(1800), name: 'nvme-d-1', accessMode: LocalAccessMode.READ_WRITE_ONCE });
    const template = nvme.claimTemplate('wal', { storage: Size.gibibytes(800), accessMode: LocalAccessMode.READ_WRITE_ONCE_POD, diskSelector: { 'disk.example.com/model': 'pm9a3' } });
    new StatefulStore(chart, 'db', { image: 'postgres:16', replicas: 3, volumes: [{ mountPath: '/dev/wal', claim: template }] });
    const manifests = synthAppValid(app);
    expect(manifests).toMatchSnapshot();
    const first = find(manifests, 'PersistentVolume', 'nvme-node-a-dev-disk-by-id-nvme-1');
    expect(first.metadata.labels).toEqual({ 'disk.example.com/model': 'pm9a3' });
    expect(first.spec).toMatchObject({ volumeMode: 'Block', accessModes: ['ReadWriteOncePod'], local: { path: '/dev/disk/by-id/nvme-1' } });
    expect(find(manifests, 'PersistentVolume', 'nvme-d-1').spec.accessModes).toEqual(['ReadWriteOnce']);
    const sts = find(manifests, 'StatefulSet');
    expect(sts.spec.volumeClaimTemplates[0].spec).toMatchObject({
      volumeMode: 'Block', accessModes: ['ReadWriteOncePod'], storageClassName: 'nvme', selector: { matchLabels: { 'disk.example.com/model': 'pm9a3' } },
    });
    expect(sts.spec.template.spec.containers[0].volumeDevices).toEqual([{ name: 'wal', devicePath: '/dev/wal' }]);
  });

  test('fsType for a Filesystem PV whose path is a device; trailing slashes are dropped', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new LocalSsdVolume(chart, 'fast', { fsType: FsType.XFS, disks: [{ node: 'n1', path: '/dev/sdb/', capacity: Size.gibibytes(100) }] });
    expect(find(synthAppValid(app), 'PersistentVolume').spec.local).toEqual({ path: '/dev/sdb', fsType: 'xfs' });
  });

  test('a disk added after the claim counts', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const ssd = new LocalSsdVolume(chart, 'ssd', { disks: [{ node: 'n1', path: '/mnt/a', capacity: Size.gibibytes(100) }] });
    ssd.claim(chart, 'big', { storage: Size.gibibytes(500) });
    ssd.addDisk({ node: 'n2', path: '/mnt/a', capacity: Size.gibibytes(500) });
    expect(pvs(synthAppValid(app))).toHaveLength(2);
  });
});

describe('LocalSsdVolume rejects what could never work', () => {
  const props = (disk: object): LocalSsdVolumeProps => ({ disks: [{ node: 'n1', path: '/mnt/ssd', capacity: Size.gibibytes(10), ...disk }] });
  test.each<[string, LocalSsdVolumeProps, RegExp]>([
    ['a relative path', props({ path: 'mnt/ssd' }), /invalid disks\[\].path "mnt\/ssd". Allowed: an absolute path other than "\/", without ".."/],
    ['a path with ..', props({ path: '/mnt/../etc' }), /invalid disks\[\].path "\/mnt\/..\/etc"/],
    ['the root path', props({ path: '/' }), /invalid disks\[\].path "\/"/],
    ['an empty node name', props({ node: '' }), /invalid disks\[\].node "". Allowed: the value of the node's kubernetes.io\/hostname label/],
    ['a node name that is no label value', props({ node: 'node one' }), /invalid disks\[\].node "node one"/],
    ['a zero capacity', props({ capacity: Size.gibibytes(0) }), /invalid disks\[\].capacity "0Gi"/],
    ['a PV name that is too long', props({ node: 'n'.repeat(63), path: `/${'p'.repeat(200)}` }), /invalid disks\[\].name .* Fix: pass a shorter `name` for this disk/],
    ['fsType on Block disks', { volumeMode: VolumeMode.BLOCK, fsType: FsType.EXT4 }, /invalid fsType "ext4". Allowed: fsType only with VolumeMode.FILESYSTEM/],
  ])('%s', (_, p, message) => {
    expect(() => new LocalSsdVolume(new Chart(Testing.app(), 'c'), 'ssd', p)).toThrow(/^c\/ssd \(LocalSsdVolume\): /);
    expect(() => new LocalSsdVolume(new Chart(Testing.app(), 'c'), 'ssd', p)).toThrow(message);
  });

  test('the same node and path twice, in one volume set or in two', () => {
    const chart = new Chart(Testing.app(), 'c');
    const ssd = new LocalSsdVolume(chart, 'ssd', props({}));
    expect(() => ssd.addDisk({ node: 'n1', path: '/mnt/ssd/', capacity: Size.gibibytes(10), name: 'other' })).toThrow(
      'c/ssd (LocalSsdVolume): invalid disk "n1:/mnt/ssd". Allowed: a node and path that no other construct of the app uses, and c/ssd already uses it. '
      + 'Fix: give each node and path to one PersistentVolume only: two PVs on one path would hand one disk to two claims',
    );
    expect(() => new LocalSsdVolume(chart, 'ssd2', props({}))).toThrow(/^c\/ssd2 \(LocalSsdVolume\): invalid disk "n1:\/mnt\/ssd". Allowed: a node and path that no other construct of the app uses, and c\/ssd already uses it/);
  });

  test('two disks whose default PV names collide ask for a name', () => {
    const chart = new Chart(Testing.app(), 'c');
    const ssd = new LocalSsdVolume(chart, 'ssd', props({ path: '/mnt/a-b' }));
    expect(() => ssd.addDisk({ node: 'n1', path: '/mnt/a/b', capacity: Size.gibibytes(1) })).toThrow(
      'c/ssd (LocalSsdVolume): invalid disk.name "ssd-n1-mnt-a-b". Allowed: a PersistentVolume name (a cluster holds one PersistentVolume per name) that no other construct of the app uses, '
      + 'and c/ssd already uses it. Fix: pass a distinct name for the disk (by default it is made of the construct id, the node and the path)');
  });

  test('a Block claim on Filesystem disks, and the other way round', () => {
    const chart = new Chart(Testing.app(), 'c');
    const fs = new LocalSsdVolume(chart, 'fs', props({}));
    expect(() => fs.claim(chart, 'raw', { storage: Size.gibibytes(1), volumeMode: VolumeMode.BLOCK })).toThrow(
      /^c\/raw \(VolumeClaim\) on c\/fs \(LocalSsdVolume\): invalid volumeMode "Block". Allowed: Filesystem, the volume mode of the disks of class "fs".* Fix: declare raw devices in a LocalSsdVolume with volumeMode: VolumeMode.BLOCK/,
    );
    const block = new LocalSsdVolume(chart, 'block', { volumeMode: VolumeMode.BLOCK, disks: [{ node: 'n1', path: '/dev/sdb', capacity: Size.gibibytes(10) }] });
    expect(() => block.claimTemplate('data', { storage: Size.gibibytes(1), volumeMode: VolumeMode.FILESYSTEM })).toThrow(
      /^claim template "data" on c\/block \(LocalSsdVolume\): invalid volumeMode "Filesystem"/,
    );
  });

  test.each<[string, (ssd: LocalSsdVolume, chart: Chart) => void, string]>([
    ['a claim larger than every disk', (ssd, chart) => ssd.claim(chart, 'big', { storage: Size.gibibytes(11) }),
      'c/big (VolumeClaim): invalid storage "11Gi". Allowed: a claim that can bind, and it could never: it needs a disk of at least 11Gi with ReadWriteOnce of class "ssd", ' +
      'and the largest ReadWriteOnce disk holds 10Gi. ' +
      'Fix: ask for less, or add disks that qualify with addDisk (a disk\'s accessMode must equal the claim\'s)'],
    ['a ReadWriteOncePod claim on ReadWriteOnce disks', (ssd, chart) => ssd.claim(chart, 'solo', { storage: Size.gibibytes(1), accessMode: LocalAccessMode.READ_WRITE_ONCE_POD }),
      'c/solo (VolumeClaim): invalid storage "1Gi". Allowed: a claim that can bind, and it could never: it needs a disk of at least 1Gi with ReadWriteOncePod of class "ssd", and no disk has ReadWriteOncePod. '
      + 'Fix: ask for less, or add disks that qualify with addDisk (a disk\'s accessMode must equal the claim\'s)'],
    ['a selector no disk matches', (ssd, chart) => ssd.claim(chart, 'sel', { storage: Size.gibibytes(1), diskSelector: { speed: 'fast' } }),
      'c/sel (VolumeClaim): invalid storage "1Gi". Allowed: a claim that can bind, and it could never: it needs a disk of at least 1Gi with ReadWriteOnce and labels {"speed":"fast"} of class "ssd", '
      + 'and the largest ReadWriteOnce disk holds 10Gi. Fix: ask for less, or add disks that qualify with addDisk (a disk\'s accessMode must equal the claim\'s)'],
    ['more replicas than disks', (ssd, chart) => new StatefulStore(chart, 'db', {
      image: 'x', replicas: 2, volumes: [{ mountPath: '/d', claim: ssd.claimTemplate('data', { storage: Size.gibibytes(5) }) }],
    }), 'c/db (StatefulStore): invalid replicas 2. Allowed: as many as the claims of template "data" can bind, and they could never all bind: '
      + 'the 2 replicas need 2 disks of at least 5Gi with ReadWriteOnce of class "ssd", and only 1 qualify. Fix: ask for less, or add disks that qualify with addDisk (a disk\'s accessMode must equal the claim\'s)'],
  ])('%s fails app.synth()', (_, make, message) => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    make(new LocalSsdVolume(chart, 'ssd', props({})), chart);
    expect(() => app.synth()).toThrow(message);
  });
});
