import { Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  NfsAccessMode, NfsCsiAccessMode, NfsCsiStorageClass, NfsCsiStorageClassProps, NfsOnDelete, NfsShare, NfsShareProps, ReclaimPolicy, StatefulStore,
} from '../src';
import { find, newChart, synthAppValid, synthValid, PRUNE_PROTECTED } from './helpers/manifests';

function documentedExample(namespace?: string) {
  const chart = newChart(namespace);
  const share = new NfsShare(chart, 'home', {
    server: '10.0.2.5',
    path: '/home/nfs',
    capacity: Size.gibibytes(1),
    mountOptions: ['nfsvers=4.1', 'hard'],
  });
  const claim = share.claim(chart, 'test-pvc', { accessMode: NfsAccessMode.READ_WRITE_MANY });
  const web = new kplus.Deployment(chart, 'httpd', { containers: [{ image: 'httpd' }] });
  web.containers[0].mount('/usr/local/apache2/htdocs', claim, { readOnly: true });
  return { chart, share, claim };
}

describe('NfsShare, the NFS example of the Kubernetes documentation', () => {
  const { chart, claim } = documentedExample('web');
  const manifests = synthValid(chart);

  test('snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('a static Retain PV of the export, reserved for the claim', () => {
    expect(find(manifests, 'PersistentVolume')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'home', labels: { 'nfs.cdk8s-storage.io/volume': 'home' }, annotations: PRUNE_PROTECTED },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteMany'],
        volumeMode: 'Filesystem',
        persistentVolumeReclaimPolicy: 'Retain',
        mountOptions: ['nfsvers=4.1', 'hard'],
        claimRef: { name: 'test-pvc', namespace: 'web' },
        nfs: { server: '10.0.2.5', path: '/home/nfs' },
      },
    });
  });

  test('a claim bound to exactly that PV, which no StorageClass can take over', () => {
    expect(find(manifests, 'PersistentVolumeClaim')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'test-pvc', namespace: 'web', annotations: PRUNE_PROTECTED },
      spec: {
        storageClassName: '',
        volumeName: 'home',
        accessModes: ['ReadWriteMany'],
        volumeMode: 'Filesystem',
        resources: { requests: { storage: '1Gi' } },
        selector: { matchLabels: { 'nfs.cdk8s-storage.io/volume': 'home' } },
      },
    });
    expect(claim.storage.asString()).toBe('1Gi');
  });

  test('mounted read-only by the Deployment', () => {
    expect(find(manifests, 'Deployment').spec.template.spec.containers[0].volumeMounts)
      .toEqual([{ name: 'pvc-test-pvc', mountPath: '/usr/local/apache2/htdocs', readOnly: true }]);
  });

  test('without a namespace there is no claimRef (it would name no namespace), only volumeName', () => {
    const pv = find(synthValid(documentedExample().chart), 'PersistentVolume');
    expect(pv.spec.claimRef).toBeUndefined();
  });
});

describe('NfsShare, custom settings', () => {
  test('a read-only export: ReadOnlyMany claims, a read-only PV, an explicit PV name, a smaller claim', () => {
    const chart = newChart();
    const share = new NfsShare(chart, 'media', { server: 'nas.example.com', path: '/export/media', capacity: Size.tebibytes(4), readOnly: true, name: 'media-library' });
    share.claim(chart, 'media-claim', { storage: Size.gibibytes(100) });
    const manifests = synthValid(chart);
    expect(find(manifests, 'PersistentVolume').metadata.name).toBe('media-library');
    expect(find(manifests, 'PersistentVolume').spec).toMatchObject({ accessModes: ['ReadOnlyMany'], nfs: { server: 'nas.example.com', path: '/export/media', readOnly: true } });
    expect(find(manifests, 'PersistentVolumeClaim').spec).toMatchObject({ accessModes: ['ReadOnlyMany'], volumeName: 'media-library', resources: { requests: { storage: '100Gi' } } });
  });

  test('an IPv6 server', () => {
    const chart = newChart();
    new NfsShare(chart, 'v6', { server: 'fd00::5', path: '/x', capacity: Size.gibibytes(1) }).claim(chart, 'c');
    expect(find(synthValid(chart), 'PersistentVolume').spec.nfs.server).toBe('fd00::5');
  });

  test('a claim template makes one PV of the export per replica, so every replica mounts the same files', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const share = new NfsShare(chart, 'assets', { server: '10.0.2.5', path: '/assets', capacity: Size.gibibytes(10) });
    const template = share.claimTemplate('assets', { replicas: 3, accessMode: NfsAccessMode.READ_WRITE_MANY });
    new StatefulStore(chart, 'web', { image: 'nginx', replicas: 3, volumes: [{ mountPath: '/usr/share/nginx/html', claim: template }] });
    const manifests = synthAppValid(app);
    const labels = { 'nfs.cdk8s-storage.io/volume': 'assets', 'nfs.cdk8s-storage.io/template': 'assets' };
    expect(manifests.filter(m => m.kind === 'PersistentVolume').map(pv => [pv.metadata.name, pv.metadata.labels, pv.spec.nfs.path]))
      .toEqual([0, 1, 2].map(i => [`assets-assets-${i}`, labels, '/assets']));
    expect(find(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].spec).toEqual({
      storageClassName: '',
      accessModes: ['ReadWriteMany'],
      volumeMode: 'Filesystem',
      resources: { requests: { storage: '10Gi' } },
      selector: { matchLabels: labels },
    });
  });

  test('a StatefulStore with more replicas than the template was made for fails app.synth()', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const share = new NfsShare(chart, 'assets', { server: '10.0.2.5', path: '/assets', capacity: Size.gibibytes(10) });
    new StatefulStore(chart, 'web', { image: 'nginx', replicas: 4, volumes: [{ mountPath: '/a', claim: share.claimTemplate('assets', { replicas: 3 }) }] });
    expect(() => app.synth()).toThrow(
      'c/web (StatefulStore): invalid replicas 4. Allowed: as many as the claims of template "assets" can bind, and they could never all bind: '
      + 'the 4 replicas need 4 PVs of the volume, and the template was made for 3. Fix: pass replicas: 4 to claimTemplate',
    );
  });

  test('an inline pod volume, for the simple case', () => {
    const chart = newChart();
    const share = new NfsShare(chart, 'home', { server: '10.0.2.5', path: '/home/nfs', capacity: Size.gibibytes(1) });
    const pod = new kplus.Pod(chart, 'p', { containers: [{ image: 'busybox' }] });
    pod.containers[0].mount('/home', share.inlineVolume(chart, 'home-volume', { readOnly: true }));
    const manifests = synthValid(chart);
    expect(find(manifests, 'Pod').spec.volumes).toEqual([{ name: 'home-volume', nfs: { server: '10.0.2.5', path: '/home/nfs', readOnly: true } }]);
    expect(manifests.filter(m => m.kind === 'PersistentVolume')).toEqual([]);
  });
});

describe('NfsShare rejects what could never mount or bind', () => {
  const props = (p: Partial<NfsShareProps>): NfsShareProps => ({ server: '10.0.2.5', path: '/home/nfs', capacity: Size.gibibytes(1), ...p });
  test.each<[string, Partial<NfsShareProps>, RegExp]>([
    ['an empty server', { server: '' }, /invalid server "". Allowed: a host name or an IP address, without a scheme \("nfs:\/\/"\) or a port \(":2049"\)/],
    ['a server with a scheme', { server: 'nfs://10.0.2.5' }, /invalid server "nfs:\/\/10.0.2.5"/],
    ['a server with a port', { server: '10.0.2.5:2049' }, /invalid server "10.0.2.5:2049".* Fix: drop the port/],
    ['a server with a path', { server: 'nas/export' }, /invalid server "nas\/export"/],
    ['a relative path', { path: 'home/nfs' }, /invalid path "home\/nfs". Allowed: an absolute path.* Fix: write "\/home\/nfs"/],
    ['a zero capacity', { capacity: Size.gibibytes(0) }, /invalid capacity "0Gi"/],
    ['an empty mount option', { mountOptions: ['hard', ''] }, /invalid mountOptions \["hard",""\]/],
  ])('%s', (_, p, message) => {
    expect(() => new NfsShare(newChart(), 'home', props(p))).toThrow(/^test\/home \(NfsShare\): /);
    expect(() => new NfsShare(newChart(), 'home', props(p))).toThrow(message);
  });

  test('a claim larger than the share', () => {
    const chart = newChart();
    const share = new NfsShare(chart, 'home', props({}));
    expect(() => share.claim(chart, 'big', { storage: Size.gibibytes(2) })).toThrow(
      'test/big (VolumeClaim) on test/home (NfsShare): invalid storage "2Gi". Allowed: at most the export\'s capacity, 1Gi. Fix: ask for less, or omit storage to ask for the whole export',
    );
  });

  test('a second claim on one share', () => {
    const chart = newChart();
    const share = new NfsShare(chart, 'home', props({}));
    share.claim(chart, 'first');
    expect(() => share.claim(chart, 'second')).toThrow(/invalid claim "second". Allowed: one claim per PV, and test\/first already binds home/);
  });

  test('a writable claim on a read-only export', () => {
    const chart = newChart();
    const share = new NfsShare(chart, 'home', props({ readOnly: true }));
    expect(() => share.claim(chart, 'rw', { accessMode: NfsAccessMode.READ_WRITE_MANY })).toThrow(/invalid accessMode "ReadWriteMany". Allowed: ReadOnlyMany: the export is read-only/);
  });

  test('a template for no replica', () => {
    expect(() => new NfsShare(newChart(), 'home', props({})).claimTemplate('t', { replicas: 0 })).toThrow(/claim template "t" on test\/home \(NfsShare\): invalid replicas 0/);
  });
});

describe('NfsCsiStorageClass', () => {
  const base: NfsCsiStorageClassProps = { server: 'nfs-server.default.svc.cluster.local', share: '/' };

  test('defaults: the required parameters, Retain, Immediate, expansion, RWX claims', () => {
    const chart = newChart();
    const nfs = new NfsCsiStorageClass(chart, 'nfs-csi', base);
    nfs.claim(chart, 'shared', { storage: Size.gibibytes(10) });
    const manifests = synthValid(chart);
    expect(find(manifests, 'StorageClass')).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'nfs-csi', annotations: PRUNE_PROTECTED },
      provisioner: 'nfs.csi.k8s.io',
      parameters: { server: 'nfs-server.default.svc.cluster.local', share: '/' },
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'Immediate',
      allowVolumeExpansion: true,
    });
    expect(find(manifests, 'PersistentVolumeClaim').spec).toEqual({
      storageClassName: 'nfs-csi', accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', resources: { requests: { storage: '10Gi' } },
    });
  });

  test('every parameter typed; mount options go to the class, never to the parameters', () => {
    const chart = newChart();
    const nfs = new NfsCsiStorageClass(chart, 'nfs', {
      ...base,
      storageClassName: 'nfs-archive',
      subDir: '${pvc.metadata.namespace}/${pvc.metadata.name}-${pv.metadata.name}',
      mountPermissions: 0o775,
      onDelete: NfsOnDelete.ARCHIVE,
      reclaimPolicy: ReclaimPolicy.DELETE,
      allowVolumeExpansion: false,
      mountOptions: ['nfsvers=4.1'],
    });
    const template = nfs.claimTemplate('data', { storage: Size.gibibytes(1), accessMode: NfsCsiAccessMode.READ_WRITE_ONCE_POD });
    new StatefulStore(chart, 'db', { image: 'x', volumes: [{ mountPath: '/d', claim: template }] });
    const manifests = synthValid(chart);
    expect(manifests).toMatchSnapshot();
    expect(find(manifests, 'StorageClass')).toMatchObject({
      metadata: { name: 'nfs-archive' },
      parameters: {
        server: 'nfs-server.default.svc.cluster.local',
        share: '/',
        subDir: '${pvc.metadata.namespace}/${pvc.metadata.name}-${pv.metadata.name}',
        mountPermissions: '0775',
        onDelete: 'archive',
      },
      mountOptions: ['nfsvers=4.1'],
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: false,
    });
    expect(find(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].spec.accessModes).toEqual(['ReadWriteOncePod']);
  });

  test.each<[string, Partial<NfsCsiStorageClassProps>, RegExp]>([
    ['an unknown subDir variable', { subDir: '${pvc.metadata.labels.team}' }, /invalid subDir "\$\{pvc.metadata.labels.team\}". Allowed: a non-empty path that uses no variables but \$\{pvc.metadata.name\}/],
    ['a stray brace in subDir', { subDir: 'data}' }, /invalid subDir "data}"/],
    ['a mode that is no file mode', { mountPermissions: 0o10000 }, /invalid mountPermissions 4096. Allowed: a file mode from 0 to 0o7777/],
    ['onDelete with Retain', { onDelete: NfsOnDelete.DELETE }, /invalid onDelete "delete". Allowed: onDelete only with reclaimPolicy DELETE/],
    ['a server with a port', { server: 'nas:2049' }, /invalid server "nas:2049"/],
    ['a relative share', { share: 'exports' }, /invalid share "exports". Allowed: an absolute path/],
  ])('rejects %s', (_, p, message) => {
    expect(() => new NfsCsiStorageClass(newChart(), 'nfs', { ...base, ...p })).toThrow(/^test\/nfs \(NfsCsiStorageClass\): /);
    expect(() => new NfsCsiStorageClass(newChart(), 'nfs', { ...base, ...p })).toThrow(message);
  });
});

describe('csi-driver-nfs refuses ".." in share and subDir (pkg/nfs/utils.go validatePath)', () => {
  const props = { server: 'nfs.example.com', share: '/exports' };
  test.each([
    ['share', { share: '/exports/../etc' }, '/exports/../etc'],
    ['subDir', { subDir: '../${pvc.metadata.name}' }, '../${pvc.metadata.name}'],
    ['subDir', { subDir: 'a\\..\\b' }, 'a\\..\\b'],
  ])('%s %j is refused', (prop, extra, value) => {
    expect(() => new NfsCsiStorageClass(newChart(), 'nfs', { ...props, ...extra })).toThrow(
      `test/nfs (NfsCsiStorageClass): invalid ${prop} ${JSON.stringify(value)}. ` +
      'Allowed: a path without a ".." segment (the driver refuses "path contains directory traversal sequence"). Fix: write the directory it should be, without ".."');
  });

  test('a name with dots that is not ".." is accepted', () => {
    const chart = newChart();
    new NfsCsiStorageClass(chart, 'nfs', { ...props, share: '/exports/v1..2', subDir: '..data/${pvc.metadata.name}' });
    expect(find(synthValid(chart), 'StorageClass').parameters).toMatchObject({ share: '/exports/v1..2', subDir: '..data/${pvc.metadata.name}' });
  });
});

describe('NfsCsiStorageClass.fromStorageClassName: a csi-driver-nfs class the cluster has', () => {
  test('its claims and templates are an NfsCsiStorageClass\'s, and it renders nothing but them', () => {
    const chart = newChart('apps');
    const nfs = NfsCsiStorageClass.fromStorageClassName('nfs-csi');
    expect(nfs.storageClassName).toBe('nfs-csi');
    nfs.claim(chart, 'uploads', { storage: Size.gibibytes(5) });
    new StatefulStore(chart, 'web', { image: 'nginx:1.27', volumes: [{ mountPath: '/d', claim: nfs.claimTemplate('www', { storage: Size.gibibytes(1) }) }] });
    const manifests = synthValid(chart);
    expect(manifests.filter(m => m.kind === 'StorageClass')).toEqual([]);
    expect(find(manifests, 'PersistentVolumeClaim', 'uploads').spec).toEqual({
      storageClassName: 'nfs-csi', accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', resources: { requests: { storage: '5Gi' } },
    });
    expect(find(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: 'nfs-csi', accessModes: ['ReadWriteMany'] });
  });

  test('a bad name or claim is refused, naming the importer', () => {
    expect(() => NfsCsiStorageClass.fromStorageClassName('')).toThrow(/^NfsCsiStorageClass.fromStorageClassName\(""\): invalid storageClassName ""/);
    expect(() => NfsCsiStorageClass.fromStorageClassName(7 as any)).toThrow(/^NfsCsiStorageClass.fromStorageClassName: invalid storageClassName 7/);
    expect(() => NfsCsiStorageClass.fromStorageClassName('nfs-csi').claim(newChart(), 'c', {} as any)).toThrow(
      /^test\/c \(VolumeClaim\) on NfsCsiStorageClass.fromStorageClassName\("nfs-csi"\): invalid storage \(not set\)/);
  });
});
