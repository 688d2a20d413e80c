import { DriverRegistry, StorageCheck } from '../src';
import { MIGRATED_PLUGINS, REMOVED_PLUGINS } from '../src/check/in-tree-plugins';
import { parseManifests } from '../src/manifests/files';

/** The findings of one rule on some manifests: `kind name field`. */
const found = (rule: string, manifests: any[]) =>
  StorageCheck.check(manifests).filter(f => f.ruleId === rule).map(f => `${f.kind} ${f.name} ${f.field}`);

const storageClass = (name: string, provisioner: string, more: any = {}) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, ...more });
const zone = (key: string, ...values: string[]) => ({ allowedTopologies: [{ matchLabelExpressions: [{ key, values }] }] });

describe('zonal-immediate-binding', () => {
  test.each([
    ['EBS, binding left out', storageClass('a', 'ebs.csi.aws.com')],
    ['EBS, two zones', storageClass('a', 'ebs.csi.aws.com', zone('topology.ebs.csi.aws.com/zone', 'us-east-1a', 'us-east-1b'))],
    ['GCE regional disk (two zones of three)', storageClass('a', 'pd.csi.storage.gke.io', { parameters: { 'replication-type': 'regional-pd' }, volumeBindingMode: 'Immediate' })],
    ['Azure LRS', storageClass('a', 'disk.csi.azure.com', { parameters: { skuName: 'Premium_LRS' } })],
    ['OCI block', storageClass('a', 'blockvolume.csi.oraclecloud.com')],
    ['in-tree Azure disk', storageClass('a', 'kubernetes.io/azure-disk')],
  ])('flagged: %s', (_, cls) => {
    expect(found('zonal-immediate-binding', [cls])).toEqual(['StorageClass a volumeBindingMode']);
  });

  test.each([
    ['WaitForFirstConsumer', storageClass('a', 'ebs.csi.aws.com', { volumeBindingMode: 'WaitForFirstConsumer' })],
    ['Azure ZRS, any spelling of the key (the driver lower-cases keys)', storageClass('a', 'disk.csi.azure.com', { parameters: { skuname: 'StandardSSD_ZRS' } })],
    ['one zone by allowedTopologies', storageClass('a', 'ebs.csi.aws.com', zone('topology.kubernetes.io/zone', 'us-east-1a'))],
    ['one zone by the in-tree zone parameter', storageClass('a', 'kubernetes.io/gce-pd', { parameters: { zone: 'europe-west1-b' } })],
    ['one zone by the in-tree zones parameter', storageClass('a', 'kubernetes.io/aws-ebs', { parameters: { zones: 'us-east-1a' } })],
    ['file storage (EFS)', storageClass('a', 'efs.csi.aws.com', { parameters: { provisioningMode: 'efs-ap', fileSystemId: 'fs-1234' } })],
    ['a driver the registry does not know', storageClass('a', 'topolvm.io')],
  ])('not flagged: %s', (_, cls) => {
    expect(found('zonal-immediate-binding', [cls])).toEqual([]);
  });
});

const deployment = (name: string, pod: any, kind = 'Deployment') => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name },
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: pod } },
});
const pod = (volume: any, mount: any = {}, more: any = {}) => ({
  containers: [{ name: 'app', image: 'busybox:1.37', volumeMounts: [{ name: 'v', mountPath: '/data', ...mount }] }],
  volumes: [{ name: 'v', ...volume }],
  ...more,
});

describe('hostpath-data-volume', () => {
  test.each([
    ['a Deployment writing to /srv/data', deployment('a', pod({ hostPath: { path: '/srv/data' } }))],
    ['a StatefulSet writing to /mnt/disks/db', deployment('a', pod({ hostPath: { path: '/mnt/disks/db', type: 'DirectoryOrCreate' } }), 'StatefulSet')],
    ['a path that only starts like a node path (/varlib)', deployment('a', pod({ hostPath: { path: '/varlib' } }))],
    ['a writable mount in an init container', deployment('a', {
      initContainers: [{ name: 'seed', image: 'busybox:1.37', volumeMounts: [{ name: 'v', mountPath: '/data' }] }],
      containers: [{ name: 'app', image: 'busybox:1.37', volumeMounts: [{ name: 'v', mountPath: '/data', readOnly: true }] }],
      volumes: [{ name: 'v', hostPath: { path: '/srv/data' } }],
    })],
  ])('flagged: %s', (_, m) => {
    expect(found('hostpath-data-volume', [m])).toEqual(['' + m.kind + ' a spec.template.spec.volumes[0].hostPath']);
  });

  test.each([
    ['a DaemonSet (a node agent)', deployment('a', pod({ hostPath: { path: '/srv/data' } }), 'DaemonSet')],
    ['a read-only mount', deployment('a', pod({ hostPath: { path: '/srv/data' } }, { readOnly: true }))],
    ['a socket', deployment('a', pod({ hostPath: { path: '/srv/agent.sock', type: 'Socket' } }))],
    ['the kubelet\'s directory', deployment('a', pod({ hostPath: { path: '/var/lib/kubelet/pods' } }))],
    ['the node\'s logs, with a trailing slash', deployment('a', pod({ hostPath: { path: '/var/log/' } }))],
    ['a hostPath volume no container mounts', deployment('a', { containers: [{ name: 'app', image: 'busybox:1.37' }], volumes: [{ name: 'v', hostPath: { path: '/srv' } }] })],
    ['a CSI driver\'s controller', deployment('a', pod({ hostPath: { path: '/srv/csi' } }, {}, {
      containers: [
        { name: 'csi-provisioner', image: 'registry.k8s.io/sig-storage/csi-provisioner:v5.1.0', volumeMounts: [{ name: 'v', mountPath: '/csi' }] },
      ],
    }))],
    ['an emptyDir', deployment('a', pod({ emptyDir: {} }))],
  ])('not flagged: %s', (_, m) => {
    expect(found('hostpath-data-volume', [m])).toEqual([]);
  });

  const pv = (more: any) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv' },
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/mnt/data' }, ...more },
  });
  const onNodes = (...nodes: string[]) => ({
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: nodes }] }] } },
  });

  test('a hostPath PV is flagged unless its affinity names one node', () => {
    expect(found('hostpath-data-volume', [pv({})])).toEqual(['PersistentVolume pv spec.hostPath']);
    expect(found('hostpath-data-volume', [pv(onNodes('a', 'b'))])).toEqual(['PersistentVolume pv spec.hostPath']);
    expect(found('hostpath-data-volume', [pv(onNodes('a'))])).toEqual([]);
  });
});

describe('hostpath-provisioner-class', () => {
  test('the in-tree and the CSI hostpath provisioners are flagged; local-volume provisioners with node affinity are not', () => {
    expect(found('hostpath-provisioner-class', [storageClass('a', 'kubernetes.io/host-path')])).toEqual(['StorageClass a provisioner']);
    expect(found('hostpath-provisioner-class', [storageClass('a', 'hostpath.csi.k8s.io')])).toEqual(['StorageClass a provisioner']);
    expect(found('hostpath-provisioner-class', [storageClass('a', 'rancher.io/local-path'), storageClass('b', 'topolvm.io')])).toEqual([]);
  });
});

describe('in-tree-volume-removed and in-tree-volume-migrated', () => {
  const pv = (source: string) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: source.toLowerCase() },
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', [source]: {} },
  });

  test.each(REMOVED_PLUGINS.map(p => [p.field, p]))('removed: %s, as a PV source, a pod volume and a provisioner', (field, plugin) => {
    if (field !== 'gitRepo') expect(found('in-tree-volume-removed', [pv(field)])).toEqual([`PersistentVolume ${field.toLowerCase()} spec.${field}`]);
    expect(found('in-tree-volume-removed', [deployment('a', pod({ [field]: {} }, { readOnly: true }))])).toEqual([`Deployment a spec.template.spec.volumes[0].${field}`]);
    if (plugin.provisioner) expect(found('in-tree-volume-removed', [storageClass('a', plugin.provisioner)])).toEqual(['StorageClass a provisioner']);
    expect(found('in-tree-volume-migrated', [pv(field)])).toEqual([]);
  });

  test.each(MIGRATED_PLUGINS.map(p => [p.field, p]))('migrated: %s, as a PV source and a provisioner, names its CSI driver', (field, plugin) => {
    const [finding] = StorageCheck.check([pv(field)]).filter(f => f.ruleId === 'in-tree-volume-migrated');
    expect(finding.message).toContain(`hands it to the ${plugin.csiDriver} driver`);
    expect(found('in-tree-volume-migrated', [storageClass('a', plugin.provisioner!)])).toEqual(['StorageClass a provisioner']);
    expect(found('in-tree-volume-removed', [pv(field), storageClass('a', plugin.provisioner!)])).toEqual([]);
  });

  test.each(['nfs', 'iscsi', 'fc', 'csi', 'local', 'hostPath'])('still in the tree: %s', source => {
    expect(found('in-tree-volume-removed', [pv(source)])).toEqual([]);
    expect(found('in-tree-volume-migrated', [pv(source)])).toEqual([]);
  });

  test('the driver registry and the migration table name the same CSI driver for every in-tree provisioner', () => {
    const registered = DriverRegistry.drivers().flatMap(d => (d.inTreeProvisioners ?? []).map(p => [p, d.provisioner]));
    expect(registered.length).toBeGreaterThan(0);
    for (const [inTree, driver] of registered) {
      expect(MIGRATED_PLUGINS.find(p => p.provisioner === inTree)?.csiDriver).toBe(driver);
    }
  });
});

describe('claim-default-class (info)', () => {
  const claim = (name: string, spec: any = {}) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
  });

  test('claims and claim templates without a class; not those naming one, "" or a PV, nor any when the manifests bring a default class', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    };
    const manifests = [claim('a'), claim('b', { storageClassName: 'gp3' }), claim('c', { storageClassName: '' }), claim('d', { volumeName: 'pv-1' }), sts];
    expect(found('claim-default-class', manifests)).toEqual([
      'PersistentVolumeClaim a spec.storageClassName',
      'StatefulSet db spec.volumeClaimTemplates[data].spec.storageClassName',
    ]);
    const defaultClass = storageClass('gp3', 'ebs.csi.aws.com', { metadata: { name: 'gp3', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } });
    expect(found('claim-default-class', [...manifests, defaultClass])).toEqual([]);
  });
});

describe('false alarms found on the public corpus (test/corpus), each kept away', () => {
  const claim = (name: string, spec: any = {}) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
  });
  const mounting = (name: string, claimName: string, replicas: number) => ({
    ...deployment(name, pod({ persistentVolumeClaim: { claimName } })),
    spec: { ...deployment(name, pod({ persistentVolumeClaim: { claimName } })).spec, replicas },
  });

  test('null fields (YAML "annotations:" with nothing after it) are unset, not an input error (openebs/zfs-localpv deploy/sample/percona.yaml)', () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'sqltest', annotations: null, labels: null }, data: null };
    expect(StorageCheck.check([configMap])).toEqual([]);
  });

  test('a ReadWriteOnce claim of a node-local class shared or rolled: every pod goes to the volume\'s node (openebs/lvm-localpv deploy/sample/fio.yaml)', () => {
    const manifests = (provisioner: string) => [storageClass('local', provisioner), claim('data', { storageClassName: 'local' }), mounting('a', 'data', 2)];
    for (const rule of ['write-once-claim-shared', 'write-once-claim-rolling-update']) {
      expect(found(rule, manifests('lvm.csi.openebs.io'))).toEqual([]);
      expect(found(rule, manifests('topolvm.io'))).toEqual([]);
      expect(found(rule, manifests('ebs.csi.aws.com')).length).toBeGreaterThan(0);
    }
  });

  test('a CSI driver\'s StatefulSet needs no headless Service: flags in command count as in args (topolvm deploy/manifests/csi-controller.yaml)', () => {
    const sts = (container: any) => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'csi-controller' },
      spec: { serviceName: 'csi-controller', selector: { matchLabels: { app: 'c' } }, template: { metadata: { labels: { app: 'c' } }, spec: { containers: [container] } } },
    });
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'csi-controller' }, spec: { selector: { app: 'c' }, ports: [{ port: 443 }] } };
    const driver = sts({ name: 'csi-provisioner', image: 'quay.io/cybozu/topolvm:0.1.2', command: ['/csi-provisioner', '--csi-address=/run/topolvm/csi.sock'] });
    expect(found('statefulset-service-missing', [driver])).toEqual([]);
    expect(found('statefulset-service-not-headless', [driver, service])).toEqual([]);
    const app = sts({ name: 'db', image: 'postgres:17' });
    expect(found('statefulset-service-missing', [app])).toEqual(['StatefulSet csi-controller spec.serviceName']);
    expect(found('statefulset-service-not-headless', [app, service])).toEqual(['Service csi-controller spec.clusterIP']);
  });

  test('a class that groups hand-written PVs is not judged by its driver\'s provisioning parameters (aws-efs-csi-driver examples/kubernetes/statefulset)', () => {
    const efs = storageClass('efs-sc', 'efs.csi.aws.com');
    const pv = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'efs-pv' },
      spec: {
        capacity: { storage: '5Gi' },
        accessModes: ['ReadWriteMany'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'efs-sc',
        csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-4af69aab' },
      },
    };
    expect(found('class-parameters-refused', [efs])).toEqual(['StorageClass efs-sc parameters.provisioningMode', 'StorageClass efs-sc parameters.fileSystemId']);
    expect(found('class-parameters-refused', [efs, pv])).toEqual([]);
  });

  test('a storage kind on a version no release served is refused like a removed one (a v1 StorageClass, same example)', () => {
    expect(StorageCheck.check([{ ...storageClass('efs-sc', 'efs.csi.aws.com', { parameters: { provisioningMode: 'efs-ap', fileSystemId: 'fs-1' } }), apiVersion: 'v1' }])
      .filter(f => f.ruleId === 'storage-api-removed').map(f => f.message))
      .toEqual(['StorageClass efs-sc is v1, which no Kubernetes release serves for StorageClass: the apply fails ("no matches for kind")']);
    expect(found('storage-api-removed', [{ ...claim('a', { storageClassName: 'x' }), apiVersion: 'v1beta1' }])).toEqual(['PersistentVolumeClaim a apiVersion']);
    expect(found('storage-api-removed', [storageClass('a', 'ebs.csi.aws.com'), claim('b', { storageClassName: 'a' })])).toEqual([]);
  });
});

describe('the beta class annotation names a class as Kubernetes reads it (before storageClassName)', () => {
  const claim = (annotations: any, spec: any = {}) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', annotations },
    spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } }, ...spec },
  });
  const beta = { 'volume.beta.kubernetes.io/storage-class': 'ebs' };

  test('a claim naming its class by annotation does not rely on the default (openebs k8s-demo/fast-ebs-pvc.yaml, azuredisk deploy/example/statefulset.yaml)', () => {
    expect(found('claim-default-class', [claim(beta)])).toEqual([]);
    expect(found('claim-default-class', [claim({})])).toEqual(['PersistentVolumeClaim data spec.storageClassName']);
  });

  test('the annotation wins over storageClassName, as in GetPersistentVolumeClaimClass', () => {
    const ebs = storageClass('ebs', 'ebs.csi.aws.com');
    const efs = storageClass('efs', 'efs.csi.aws.com', { parameters: { provisioningMode: 'efs-ap', fileSystemId: 'fs-1' } });
    expect(found('access-mode-unserved', [ebs, efs, claim(beta, { storageClassName: 'efs' })])).toEqual(['PersistentVolumeClaim data spec.accessModes']);
    expect(found('access-mode-unserved', [ebs, efs, claim({}, { storageClassName: 'efs' })])).toEqual([]);
  });
});

describe('local-immediate-binding covers node-local provisioners (openebs/lvm-localpv and zfs-localpv deploy/sample classes)', () => {
  test.each(['lvm.csi.openebs.io', 'topolvm.io', 'rancher.io/local-path', 'openebs.io/local'])('%s binding Immediately is flagged; WaitForFirstConsumer is not', provisioner => {
    expect(found('local-immediate-binding', [storageClass('a', provisioner)])).toEqual(['StorageClass a volumeBindingMode']);
    expect(found('local-immediate-binding', [storageClass('a', provisioner, { volumeBindingMode: 'WaitForFirstConsumer' })])).toEqual([]);
  });

  test('a network-storage class binding Immediately is not this rule\'s', () => {
    expect(found('local-immediate-binding', [storageClass('a', 'nfs.csi.k8s.io')])).toEqual([]);
  });
});

test('local-immediate-binding leaves the one-node CSI hostpath demo driver to hostpath-provisioner-class (csi-driver-host-path examples/csi-storageclass.yaml)', () => {
  const cls = storageClass('csi-hostpath-sc', 'hostpath.csi.k8s.io', { volumeBindingMode: 'Immediate' });
  expect(found('local-immediate-binding', [cls])).toEqual([]);
  expect(found('hostpath-provisioner-class', [cls])).toEqual(['StorageClass csi-hostpath-sc provisioner']);
});

describe('YAML is read as kubectl reads it (go-yaml v2, YAML 1.1 scalars)', () => {
  test('a file mode written 0644 is octal, yes/on are true, underscores join digits, timestamps stay strings', () => {
    const [m] = parseManifests('kind: ConfigMap\nmetadata: { name: a }\ndata: {}\nmode: 0644\nhex: 0x1F\nflag: yes\nswitch: on\nbig: 1_000\nwhen: 2024-01-01\nquoted: "0644"\n', 'x.yaml');
    expect([m.mode, m.hex, m.flag, m.switch, m.big, m.when, m.quoted]).toEqual([420, 31, true, true, 1000, '2024-01-01', '0644']);
  });
});

describe('clone-restore-mismatch: every way a clone or a restore is refused, and the ones that are not', () => {
  const claim = (name: string, spec: any) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'shop' },
    spec: { storageClassName: 'gp3', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, ...spec },
  });
  const snapshot = (content?: string) => ({
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: { name: 'nightly', namespace: 'shop' },
    spec: { source: content ? { volumeSnapshotContentName: content } : { persistentVolumeClaimName: 'data' } },
  });
  const fields = (manifests: any[]) => StorageCheck.check(manifests).filter(f => f.ruleId === 'clone-restore-mismatch').map(f => f.field);
  const source = claim('data', {});
  const fromSnapshot = { dataSourceRef: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'nightly' } };

  test('a clone: class, volume mode and size each judged', () => {
    expect(fields([source, claim('copy', { storageClassName: 'io2', volumeMode: 'Block', resources: { requests: { storage: '5Gi' } }, dataSource: { kind: 'PersistentVolumeClaim', name: 'data' } })]))
      .toEqual(['spec.storageClassName', 'spec.volumeMode', 'spec.resources.requests.storage']);
    expect(fields([source, claim('copy', { dataSource: { kind: 'PersistentVolumeClaim', name: 'data' } })])).toEqual([]);
  });

  test('a restore: another class is fine, a smaller size or another mode is not', () => {
    expect(fields([source, snapshot(), claim('staging', { storageClassName: 'io2', ...fromSnapshot })])).toEqual([]);
    expect(fields([source, snapshot(), claim('staging', { volumeMode: 'Block', resources: { requests: { storage: '1Gi' } }, ...fromSnapshot })]))
      .toEqual(['spec.volumeMode', 'spec.resources.requests.storage']);
  });

  test('a StatefulSet\'s claim template seeded from a snapshot is judged too', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'shop' },
      spec: {
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { storageClassName: 'gp3', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...fromSnapshot } }],
      },
    };
    expect(fields([source, snapshot(), sts])).toEqual(['spec.volumeClaimTemplates[data].spec.resources.requests.storage']);
  });

  test('what the manifests cannot say is not judged: a source not in them, a snapshot of an imported content', () => {
    expect(fields([claim('copy', { storageClassName: 'io2', dataSource: { kind: 'PersistentVolumeClaim', name: 'elsewhere' } })])).toEqual([]);
    expect(fields([source, snapshot('imported'), claim('staging', { volumeMode: 'Block', ...fromSnapshot })])).toEqual([]);
  });
});
