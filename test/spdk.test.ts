import { Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { FsType, ReclaimPolicy, SpdkAccessMode, SpdkCredentials, SpdkCsiDriver, SpdkCsiDriverProps, SpdkExistingVolume, SpdkNvmfTransport, SpdkTargetType, SpdkVolumeTarget, SpdkXpuTargetType, StatefulStore, VolumeBindingMode } from '../src';
import { find, Manifest, newChart, PRUNE_PROTECTED, synthValid } from './helpers/manifests';

const target = { name: 'spdk-1', rpcUrl: 'http://192.168.10.118:9009', targetType: SpdkTargetType.NVME_TCP, targetAddress: '192.168.10.118' };

function documentedExample(props: Partial<SpdkCsiDriverProps> = {}) {
  const chart = newChart();
  const spdk = new SpdkCsiDriver(chart, 'spdk', {
    namespaceName: 'spdk-csi',
    targets: [target],
    credentials: SpdkCredentials.fromExistingSecret('spdkcsi-secret'),
    storageClassName: 'spdkcsi-sc',
    ...props,
  });
  const claim = spdk.claim(chart, 'spdkcsi-pvc', { storage: Size.mebibytes(256) });
  const pod = new kplus.Pod(chart, 'spdkcsi-test', { containers: [{ image: 'busybox' }] });
  pod.containers[0].mount('/spdkvol', claim);
  return { chart, spdk, manifests: synthValid(chart) };
}

/** The ClusterRole of spdk-csi's deploy/kubernetes/controller-rbac.yaml, rule by rule. */
const FACT_SHEET_RULES = [
  { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] },
  { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['get', 'list', 'watch', 'create', 'delete', 'update', 'patch'] },
  { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list', 'watch', 'update', 'patch'] },
  { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['events'], verbs: ['list', 'watch', 'create', 'update', 'patch'] },
  { apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshotclasses', 'volumesnapshots'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshotcontents'], verbs: ['get', 'list', 'watch', 'update', 'patch'] },
  { apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshotcontents/status'], verbs: ['get', 'update', 'patch'] },
  { apiGroups: ['storage.k8s.io'], resources: ['csinodes'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'watch', 'list', 'delete', 'update', 'create'] },
];
const isSnapshotRule = (r: { apiGroups: string[] }) => r.apiGroups[0] === 'snapshot.storage.k8s.io';
const podSpecs = (manifests: Manifest[]) => manifests.flatMap(m => m.kind === 'Pod' ? [[m.metadata.name, m.spec]] : m.spec?.template?.spec ? [[m.metadata.name, m.spec.template.spec]] : []) as [string, any][];

describe('SpdkCsiDriver, the upstream deploy/kubernetes example', () => {
  const { spdk, manifests } = documentedExample();

  test('snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('the objects of the upstream deployment, in the chosen namespace, never in default', () => {
    expect(manifests.map(m => `${m.kind}/${m.metadata.namespace ?? ''}/${m.metadata.name}`)).toEqual([
      'Namespace//spdk-csi',
      'CSIDriver//csi.spdk.io',
      'ConfigMap/spdk-csi/spdkcsi-cm',
      'ServiceAccount/spdk-csi/spdkcsi-controller-sa',
      'ServiceAccount/spdk-csi/spdkcsi-node-sa',
      'ClusterRole//spdkcsi-provisioner-role',
      'ClusterRoleBinding//spdkcsi-provisioner-binding',
      'Role/spdk-csi/spdkcsi-credentials-reader',
      'RoleBinding/spdk-csi/spdkcsi-credentials-reader',
      'StatefulSet/spdk-csi/spdkcsi-controller',
      'DaemonSet/spdk-csi/spdkcsi-node',
      'StorageClass//spdkcsi-sc',
      'PersistentVolumeClaim//spdkcsi-pvc',
      expect.stringMatching(/^Pod\/\/test-spdkcsi-test-/), // cdk8s-plus names it
    ]);
    expect(JSON.stringify(manifests)).not.toMatch(/"default"/);
    expect(spdk.namespaceName).toBe('spdk-csi');
  });

  test('a namespace labelled for the privileged Pod Security level', () => {
    expect(find(manifests, 'Namespace').metadata.labels).toEqual({
      'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/audit': 'privileged', 'pod-security.kubernetes.io/warn': 'privileged',
    });
  });

  test('the CSIDriver: no attach, persistent volumes', () => {
    expect(find(manifests, 'CSIDriver').spec).toEqual({ attachRequired: false, volumeLifecycleModes: ['Persistent'] });
  });

  test('config.json from the typed targets', () => {
    expect(JSON.parse(find(manifests, 'ConfigMap').data['config.json'])).toEqual({
      nodes: [{ name: 'spdk-1', rpcURL: 'http://192.168.10.118:9009', targetType: 'nvme-tcp', targetAddr: '192.168.10.118' }],
    });
  });

  test('credentials only by reference: no Secret, no VolumeSnapshotClass unless asked', () => {
    expect(manifests.filter(m => m.kind === 'Secret' || m.kind === 'VolumeSnapshotClass')).toEqual([]);
  });

  test('the ClusterRole is the fact sheet\'s, rule by rule, without snapshots and with Secret access moved to a Role on the one Secret', () => {
    expect(find(manifests, 'ClusterRole').rules).toEqual(FACT_SHEET_RULES.filter(r => r.resources[0] !== 'secrets' && !isSnapshotRule(r)));
    expect(find(manifests, 'Role').rules).toEqual([{ apiGroups: [''], resources: ['secrets'], resourceNames: ['spdkcsi-secret'], verbs: ['get'] }]);
    const subject = [{ kind: 'ServiceAccount', name: 'spdkcsi-controller-sa', namespace: 'spdk-csi' }];
    expect(find(manifests, 'ClusterRoleBinding')).toMatchObject({ roleRef: { kind: 'ClusterRole', name: 'spdkcsi-provisioner-role' }, subjects: subject });
    expect(find(manifests, 'RoleBinding')).toMatchObject({ roleRef: { kind: 'Role', name: 'spdkcsi-credentials-reader' }, subjects: subject });
  });

  test('the controller: provisioner and controller containers, socket on a memory emptyDir, config read-only', () => {
    const sts = find(manifests, 'StatefulSet');
    expect(sts.spec).toMatchObject({ serviceName: 'spdkcsi-controller', replicas: 1, selector: { matchLabels: { app: 'spdkcsi-controller' } } });
    const pod = sts.spec.template.spec;
    expect(pod.serviceAccountName).toBe('spdkcsi-controller-sa');
    expect(pod.hostNetwork).toBeUndefined();
    expect(pod.containers.map((c: any) => [c.name, c.image, c.imagePullPolicy])).toEqual([
      ['spdkcsi-provisioner', 'registry.k8s.io/sig-storage/csi-provisioner:v3.5.0', 'IfNotPresent'],
      ['spdkcsi-controller', 'spdkcsi/spdkcsi:canary', 'IfNotPresent'],
    ]);
    expect(pod.containers[0].args).toEqual(['--v=5', '--csi-address=unix:///csi/csi-provisioner.sock', '--timeout=30s', '--retry-interval-start=500ms', '--leader-election=true']);
    expect(pod.containers[1]).toMatchObject({
      args: ['--v=5', '--endpoint=unix:///csi/csi-provisioner.sock', '--nodeid=$(NODE_ID)', '--controller'],
      env: [{ name: 'NODE_ID', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
      volumeMounts: [{ name: 'socket-dir', mountPath: '/csi' }, { name: 'spdkcsi-config', mountPath: '/etc/spdkcsi-config/', readOnly: true }],
    });
    expect(pod.volumes).toEqual([{ name: 'socket-dir', emptyDir: { medium: 'Memory' } }, { name: 'spdkcsi-config', configMap: { name: 'spdkcsi-cm' } }]);
  });

  test('the node DaemonSet: privileged plugin, Bidirectional only on the kubelet plugins and pods directories', () => {
    const pod = find(manifests, 'DaemonSet').spec.template.spec;
    expect([pod.hostNetwork, pod.serviceAccountName]).toEqual([true, 'spdkcsi-node-sa']);
    const [registrar, plugin] = pod.containers;
    expect(registrar).toMatchObject({
      name: 'spdkcsi-registrar',
      image: 'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.8.0',
      args: ['--v=5', '--csi-address=unix:///csi/csi.sock', '--kubelet-registration-path=/var/lib/kubelet/plugins/csi.spdk.io/csi.sock'],
      livenessProbe: {
        exec: { command: ['/csi-node-driver-registrar', '--kubelet-registration-path=/var/lib/kubelet/plugins/csi.spdk.io/csi.sock', '--mode=kubelet-registration-probe'] },
        initialDelaySeconds: 30,
        timeoutSeconds: 15,
      },
      volumeMounts: [{ name: 'socket-dir', mountPath: '/csi' }, { name: 'registration-dir', mountPath: '/registration' }],
    });
    expect(registrar.securityContext).toBeUndefined();
    expect(plugin).toMatchObject({
      name: 'spdkcsi-node',
      image: 'spdkcsi/spdkcsi:canary',
      securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN'] }, allowPrivilegeEscalation: true },
      args: ['--v=5', '--endpoint=unix:///csi/csi.sock', '--nodeid=$(NODE_ID)', '--node'],
      lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', '/usr/sbin/iscsid || echo failed to start iscsid'] } } },
    });
    expect(plugin.volumeMounts).toEqual([
      { name: 'socket-dir', mountPath: '/csi' },
      { name: 'plugin-dir', mountPath: '/var/lib/kubelet/plugins', mountPropagation: 'Bidirectional' },
      { name: 'pod-dir', mountPath: '/var/lib/kubelet/pods', mountPropagation: 'Bidirectional' },
      { name: 'host-dev', mountPath: '/dev' },
      { name: 'host-sys', mountPath: '/sys' },
    ]);
    expect(pod.volumes).toEqual([
      { name: 'socket-dir', hostPath: { path: '/var/lib/kubelet/plugins/csi.spdk.io', type: 'DirectoryOrCreate' } },
      { name: 'registration-dir', hostPath: { path: '/var/lib/kubelet/plugins_registry/', type: 'Directory' } },
      { name: 'plugin-dir', hostPath: { path: '/var/lib/kubelet/plugins', type: 'Directory' } },
      { name: 'pod-dir', hostPath: { path: '/var/lib/kubelet/pods', type: 'Directory' } },
      { name: 'host-dev', hostPath: { path: '/dev' } },
      { name: 'host-sys', hostPath: { path: '/sys' } },
    ]);
  });

  test('nothing privileged outside the node DaemonSet', () => {
    const privileged = podSpecs(manifests).flatMap(([owner, spec]) =>
      spec.containers.filter((c: any) => c.securityContext?.privileged || c.securityContext?.allowPrivilegeEscalation).map((c: any) => `${owner}/${c.name}`));
    expect(privileged).toEqual(['spdkcsi-node/spdkcsi-node']);
    expect(podSpecs(manifests).filter(([, spec]) => spec.hostNetwork).map(([owner]) => owner)).toEqual(['spdkcsi-node']);
  });

  test('a StorageClass with one fstype key, the real Secret and namespace, Retain, no expansion', () => {
    expect(find(manifests, 'StorageClass')).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'spdkcsi-sc', annotations: PRUNE_PROTECTED },
      provisioner: 'csi.spdk.io',
      parameters: {
        'csi.storage.k8s.io/fstype': 'ext4',
        'csi.storage.k8s.io/provisioner-secret-name': 'spdkcsi-secret',
        'csi.storage.k8s.io/provisioner-secret-namespace': 'spdk-csi',
      },
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'Immediate',
      allowVolumeExpansion: false,
    });
  });

  test('a 256Mi claim, exactly, mounted by the test pod', () => {
    expect(find(manifests, 'PersistentVolumeClaim').spec).toEqual({
      storageClassName: 'spdkcsi-sc', accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem', resources: { requests: { storage: '256Mi' } },
    });
    expect(find(manifests, 'Pod').spec.containers[0].volumeMounts).toEqual([{ name: 'pvc-spdkcsi-pvc', mountPath: '/spdkvol' }]);
  });
});

describe('SpdkCsiDriver, every setting', () => {
  test('snapshots: the snapshotter sidecar, the snapshot rules (now the whole fact sheet table), a v1 VolumeSnapshotClass', () => {
    const { manifests } = documentedExample({ snapshots: true, snapshotDeletionPolicy: ReclaimPolicy.DELETE });
    expect(find(manifests, 'ClusterRole').rules).toEqual(FACT_SHEET_RULES.filter(r => r.resources[0] !== 'secrets'));
    const containers = find(manifests, 'StatefulSet').spec.template.spec.containers;
    expect(containers.map((c: any) => c.name)).toEqual(['spdkcsi-provisioner', 'spdkcsi-snapshotter', 'spdkcsi-controller']);
    expect(containers[1]).toMatchObject({ image: 'registry.k8s.io/sig-storage/csi-snapshotter:v6.2.2', args: ['--csi-address=unix:///csi/csi-provisioner.sock', '--v=5', '--timeout=150s', '--leader-election=true'] });
    expect(find(manifests, 'VolumeSnapshotClass')).toEqual({
      apiVersion: 'snapshot.storage.k8s.io/v1',
      kind: 'VolumeSnapshotClass',
      metadata: { name: 'csi-spdk-snapclass' },
      driver: 'csi.spdk.io',
      deletionPolicy: 'Delete',
      parameters: { 'csi.storage.k8s.io/snapshotter-secret-name': 'spdkcsi-secret', 'csi.storage.k8s.io/snapshotter-secret-namespace': 'spdk-csi' },
    });
  });

  test('literal tokens only through the unsafe factory: then a Secret holds secret.json', () => {
    const { manifests } = documentedExample({ credentials: SpdkCredentials.unsafeLiteralTokens('spdk-rpc', [{ name: 'spdk-1', username: 'spdkcsiuser', password: 'spdkcsipass' }]) });
    const secret = find(manifests, 'Secret');
    expect(secret.metadata).toEqual({ name: 'spdk-rpc', namespace: 'spdk-csi' });
    expect(JSON.parse(secret.stringData['secret.json'])).toEqual({ rpcTokens: [{ name: 'spdk-1', username: 'spdkcsiuser', password: 'spdkcsipass' }] });
    expect(find(manifests, 'Role').rules[0].resourceNames).toEqual(['spdk-rpc']);
    expect(find(manifests, 'StorageClass').parameters['csi.storage.k8s.io/provisioner-secret-name']).toBe('spdk-rpc');
  });

  test('own namespace, xPUs, images, fsType, Delete, WaitForFirstConsumer, host network for a loopback RPC URL', () => {
    const { manifests } = documentedExample({
      namespaceName: 'storage',
      createNamespace: false,
      storageClassName: 'nvme-fast',
      fsType: FsType.XFS,
      reclaimPolicy: ReclaimPolicy.DELETE,
      volumeBindingMode: VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER,
      controllerHostNetwork: true,
      targets: [target, { name: 'local', rpcUrl: 'http://127.0.0.1:9009', targetType: SpdkTargetType.ISCSI, targetAddress: '10.0.0.7' }],
      xpus: [{ name: 'ipu-1', targetType: SpdkXpuTargetType.OPI_NVME, targetAddress: '127.0.0.1:50051', pciIds: { classId: '0x0108', vendorId: '0x8086', deviceId: '0x1457' } }],
      images: { provisioner: 'p:1', snapshotter: 's:1', registrar: 'r:1', driver: 'spdkcsi/spdkcsi:v0.1.0' },
    });
    expect(manifests.filter(m => m.kind === 'Namespace')).toEqual([]);
    expect(JSON.parse(find(manifests, 'ConfigMap', 'spdkcsi-nodeservercm').data['nodeserver-config.json'])).toEqual({
      xpuList: [{ name: 'ipu-1', targetType: 'xpu-opi-nvme', targetAddr: '127.0.0.1:50051', pciIDs: { classID: '0x0108', vendorID: '0x8086', deviceID: '0x1457' } }],
    });
    const node = find(manifests, 'DaemonSet').spec.template.spec;
    expect(node.containers[1].volumeMounts.at(-1)).toEqual({ name: 'spdkcsi-nodeserver-config', mountPath: '/etc/spdkcsi-nodeserver-config/', readOnly: true });
    expect(node.volumes.at(-1)).toEqual({ name: 'spdkcsi-nodeserver-config', configMap: { name: 'spdkcsi-nodeservercm', optional: true } });
    expect(node.containers.map((c: any) => c.image)).toEqual(['r:1', 'spdkcsi/spdkcsi:v0.1.0']);
    expect(find(manifests, 'StatefulSet').spec.template.spec.hostNetwork).toBe(true);
    expect(find(manifests, 'StorageClass')).toMatchObject({
      metadata: { name: 'nvme-fast' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      parameters: { 'csi.storage.k8s.io/fstype': 'xfs', 'csi.storage.k8s.io/provisioner-secret-namespace': 'storage' },
    });
    expect(manifests.filter(m => m.metadata.namespace).map(m => m.metadata.namespace)).toEqual(expect.arrayContaining(['storage']));
    expect(manifests.filter(m => m.metadata.namespace && m.kind !== 'PersistentVolumeClaim' && m.kind !== 'Pod').every(m => m.metadata.namespace === 'storage')).toBe(true);
  });

  test('a StatefulStore whose templates come from the driver; the class is named after the construct id by default', () => {
    const chart = newChart('apps');
    const spdk = new SpdkCsiDriver(chart, 'spdk', { targets: [target] });
    new StatefulStore(chart, 'db', {
      image: 'postgres:16',
      replicas: 3,
      volumes: [{ mountPath: '/var/lib/postgresql/data', claim: spdk.claimTemplate('data', { storage: Size.gibibytes(20), accessMode: SpdkAccessMode.READ_WRITE_ONCE_POD }) }],
    });
    expect(find(synthValid(chart), 'StatefulSet', 'db').spec.volumeClaimTemplates[0].spec).toEqual({
      storageClassName: 'spdk', accessModes: ['ReadWriteOncePod'], volumeMode: 'Filesystem', resources: { requests: { storage: '20Gi' } },
    });
  });

  test('an existing logical volume over NVMe-oF or iSCSI, as a Retain PV bound to one claim', () => {
    const chart = newChart('apps');
    new SpdkExistingVolume(chart, 'lvol-a', {
      lvolUuid: '7bd4a4c4-6b1c-4cbf-8f71-1e0e0a8d4e1f',
      capacity: Size.gibibytes(10),
      target: SpdkVolumeTarget.nvmf({ nqn: 'nqn.2016-06.io.spdk:cnode1', model: 'SPDK bdev Controller', targetAddress: '192.168.10.118', transport: SpdkNvmfTransport.RDMA }),
    }).claim(chart, 'a');
    new SpdkExistingVolume(chart, 'lvol-b', {
      lvolUuid: '0f6f4d1e-5c1a-4f0e-9f3e-2b1c7a9d8e6f',
      capacity: Size.gibibytes(20),
      fsType: FsType.XFS,
      target: SpdkVolumeTarget.iscsi({ iqn: 'iqn.2016-06.io.spdk:disk1', targetAddress: '192.168.10.118' }),
    }).claim(chart, 'b', { accessMode: SpdkAccessMode.READ_WRITE_ONCE_POD });
    const manifests = synthValid(chart);
    expect(find(manifests, 'PersistentVolume', 'lvol-a').spec).toMatchObject({
      persistentVolumeReclaimPolicy: 'Retain',
      accessModes: ['ReadWriteOnce'],
      claimRef: { name: 'a', namespace: 'apps' },
      csi: {
        driver: 'csi.spdk.io',
        volumeHandle: '7bd4a4c4-6b1c-4cbf-8f71-1e0e0a8d4e1f',
        fsType: 'ext4',
        volumeAttributes: { model: 'SPDK bdev Controller', nqn: 'nqn.2016-06.io.spdk:cnode1', targetAddr: '192.168.10.118', targetPort: '4420', targetType: 'RDMA' },
      },
    });
    expect(find(manifests, 'PersistentVolume', 'lvol-b').spec.csi).toEqual({
      driver: 'csi.spdk.io',
      volumeHandle: '0f6f4d1e-5c1a-4f0e-9f3e-2b1c7a9d8e6f',
      fsType: 'xfs',
      volumeAttributes: { iqn: 'iqn.2016-06.io.spdk:disk1', targetAddr: '192.168.10.118', targetPort: '3260', targetType: 'iscsi' },
    });
    expect(find(manifests, 'PersistentVolumeClaim', 'b').spec).toMatchObject({ storageClassName: '', volumeName: 'lvol-b', accessModes: ['ReadWriteOncePod'] });
  });
});

describe('SpdkCsiDriver rejects a deployment that could not work', () => {
  test.each<[string, Partial<SpdkCsiDriverProps>, RegExp]>([
    ['no target', { targets: [] }, /invalid targets \[\]. Allowed: at least one target. Fix: list the SPDK storage nodes/],
    ['two targets with one name', { targets: [target, { ...target }] }, /invalid targets\[\].name "spdk-1". Allowed: unique names/],
    ['an RPC URL without a port', { targets: [{ ...target, rpcUrl: 'http://192.168.10.118' }] }, /invalid targets\["spdk-1"\].rpcUrl "http:\/\/192.168.10.118". Allowed: an http\(s\) URL with a host and a port/],
    ['an RPC URL that is no URL', { targets: [{ ...target, rpcUrl: '192.168.10.118:9009' }] }, /invalid targets\["spdk-1"\].rpcUrl/],
    ['an RPC URL with a path', { targets: [{ ...target, rpcUrl: 'http://h:9009/rpc' }] }, /invalid targets\["spdk-1"\].rpcUrl "http:\/\/h:9009\/rpc"/],
    ['a target address with a port', { targets: [{ ...target, targetAddress: '192.168.10.118:4420' }] }, /invalid targets\["spdk-1"\].targetAddress "192.168.10.118:4420". Allowed: an IP address or host name, without port/],
    ['a target name that is no DNS name', { targets: [{ ...target, name: 'SPDK 1' }] }, /invalid targets\["SPDK 1"\].name/],
    ['a loopback RPC URL without host network', { targets: [{ ...target, rpcUrl: 'http://127.0.0.1:9009' }] }, /invalid targets\["spdk-1"\].rpcUrl "http:\/\/127.0.0.1:9009". Allowed: an address the controller pod can reach.* Fix: give the storage node's address, or set controllerHostNetwork: true/],
    ['a token for no target', { credentials: SpdkCredentials.unsafeLiteralTokens('s', [{ name: 'spdk-1', username: 'u', password: 'p' }, { name: 'spdk-2', username: 'u', password: 'p' }]) }, /invalid credentials "token \\"spdk-2\\"". Allowed: one token per target, named like it \(targets: spdk-1\)/],
    ['a target without a token', { credentials: SpdkCredentials.unsafeLiteralTokens('s', []) }, /invalid credentials "target \\"spdk-1\\" without a token". .* Fix: add a token for that target/],
    ['an xPU address without a port', { xpus: [{ name: 'x', targetType: SpdkXpuTargetType.SMA_NVME, targetAddress: '10.0.0.1', pciIds: { classId: '1', vendorId: '2', deviceId: '3' } }] }, /invalid xpus\["x"\].targetAddress "10.0.0.1". Allowed: IP:PORT/],
    ['an invalid namespace', { namespaceName: 'SPDK' }, /invalid namespaceName "SPDK"/],
  ])('%s', (_, props, message) => {
    expect(() => documentedExample(props)).toThrow(/^test\/spdk \(SpdkCsiDriver\): /);
    expect(() => documentedExample(props)).toThrow(message);
  });

  test('two drivers in one app (one CSIDriver csi.spdk.io per cluster)', () => {
    const app = Testing.app();
    new SpdkCsiDriver(new Chart(app, 'a'), 'spdk', { targets: [target], namespaceName: 'a' });
    expect(() => new SpdkCsiDriver(new Chart(app, 'b'), 'spdk', { targets: [target], namespaceName: 'b' })).toThrow(/^b\/spdk \(SpdkCsiDriver\): invalid CSIDriver name "csi.spdk.io". Allowed: a CSIDriver name \(a cluster holds one CSIDriver per name\) that no other construct of the app uses, and a\/spdk already uses it/);
  });

  test.each<[string, () => unknown, RegExp]>([
    ['a volume handle that is no UUID', () => new SpdkExistingVolume(newChart(), 'v', { lvolUuid: 'lvol0', capacity: Size.gibibytes(1), target: SpdkVolumeTarget.iscsi({ iqn: 'iqn.x', targetAddress: 'h' }) }), /^test\/v \(SpdkExistingVolume\): invalid lvolUuid "lvol0". Allowed: a UUID/],
    ['an NQN that is none', () => SpdkVolumeTarget.nvmf({ nqn: 'cnode1', model: 'm', targetAddress: 'h' }), /^SpdkVolumeTarget: invalid nqn "cnode1". Allowed: an NVMe Qualified Name/],
    ['an IQN that is none', () => SpdkVolumeTarget.iscsi({ iqn: 'disk1', targetAddress: 'h' }), /invalid iqn "disk1"/],
    ['a port out of range', () => SpdkVolumeTarget.iscsi({ iqn: 'iqn.x', targetAddress: 'h', targetPort: 70000 }), /invalid targetPort 70000/],
    ['no target address', () => SpdkVolumeTarget.iscsi({ iqn: 'iqn.x', targetAddress: '' }), /invalid targetAddress ""/],
  ])('existing volumes: %s', (_, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('SpdkCsiDriver never emits or relabels a namespace it did not create', () => {
  test.each(['default', 'kube-system', 'kube-public', 'kube-node-lease'])('%s is refused while createNamespace is on', namespace => {
    expect(() => new SpdkCsiDriver(newChart(), 'spdk', { namespaceName: namespace, targets: [target] })).toThrow(
      `test/spdk (SpdkCsiDriver): invalid namespaceName "${namespace}". Allowed: a namespace of the driver's own, or createNamespace: false: ` +
      'the library never emits or relabels a namespace it did not create (default, kube-system, kube-public, kube-node-lease). ' +
      `Fix: use the default namespace "spdk-csi", or set createNamespace: false and make sure "${namespace}" admits privileged pods`);
  });

  test('with createNamespace: false it deploys there and emits no Namespace', () => {
    const chart = newChart();
    new SpdkCsiDriver(chart, 'spdk', { namespaceName: 'kube-system', createNamespace: false, targets: [target] });
    const manifests = synthValid(chart);
    expect(manifests.filter(m => m.kind === 'Namespace')).toEqual([]);
    expect(find(manifests, 'DaemonSet').metadata.namespace).toBe('kube-system');
  });
});

describe('SpdkCsiDriver driver image pull policy', () => {
  const policies = (manifests: Manifest[]) => ['StatefulSet', 'DaemonSet'].flatMap(kind =>
    find(manifests, kind).spec.template.spec.containers.map((c: { name: string; imagePullPolicy: string }) => `${c.name}=${c.imagePullPolicy}`));

  test('IfNotPresent by default, as upstream: the canary image is built on the nodes, not pulled', () => {
    const chart = newChart();
    new SpdkCsiDriver(chart, 'spdk', { targets: [target] });
    expect(policies(synthValid(chart))).toEqual([
      'spdkcsi-provisioner=IfNotPresent', 'spdkcsi-controller=IfNotPresent', 'spdkcsi-registrar=IfNotPresent', 'spdkcsi-node=IfNotPresent',
    ]);
  });

  test('a typed option sets the driver containers\' policy; the sidecars keep IfNotPresent', () => {
    const chart = newChart();
    new SpdkCsiDriver(chart, 'spdk', { targets: [target], images: { driver: 'registry.example.com/spdkcsi:v0.3' }, driverImagePullPolicy: kplus.ImagePullPolicy.ALWAYS });
    expect(policies(synthValid(chart))).toEqual([
      'spdkcsi-provisioner=IfNotPresent', 'spdkcsi-controller=Always', 'spdkcsi-registrar=IfNotPresent', 'spdkcsi-node=Always',
    ]);
    expect(() => new SpdkCsiDriver(newChart(), 'spdk', { targets: [target], driverImagePullPolicy: 'always' as kplus.ImagePullPolicy })).toThrow(
      /invalid driverImagePullPolicy "always". Allowed: one of ImagePullPolicy.ALWAYS \("Always"\)/);
  });
});
