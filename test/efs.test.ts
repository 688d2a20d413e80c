import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { EfsAccessMode, EfsExistingVolume, EfsExistingVolumeProps, EfsProvisioningMode, EfsStorageClass, EfsStorageClassProps, ReclaimPolicy, StatefulStore, StorageCheck, VolumeClaim } from '../src';
import { find, newChart, synthValid, PRUNE_PROTECTED } from './helpers/manifests';

const FS = 'fs-06340e6a6f1ff9f8f';
const AP = 'fsap-068c22f0246419f75';

describe('EfsStorageClass and EfsExistingVolume, as the driver\'s examples use them', () => {
  const chart = newChart('apps');
  const efs = new EfsStorageClass(chart, 'efs', { fileSystemId: FS, directoryPerms: '700', gidRange: { start: 50000, end: 60000 }, basePath: '/dynamic' });
  const shared = efs.claim(chart, 'efs-claim', { accessMode: EfsAccessMode.READ_WRITE_MANY });
  const existing = new EfsExistingVolume(chart, 'efs-static', { fileSystemId: FS, accessPointId: AP });
  const staticClaim = existing.claim(chart, 'static-claim', { accessMode: EfsAccessMode.READ_WRITE_MANY });
  const manifests = synthValid(chart);

  test('snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('dynamic: an efs-ap StorageClass, Retain, no expansion', () => {
    expect(find(manifests, 'StorageClass')).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'efs', annotations: PRUNE_PROTECTED },
      provisioner: 'efs.csi.aws.com',
      parameters: { provisioningMode: 'efs-ap', fileSystemId: FS, directoryPerms: '700', gidRangeStart: '50000', gidRangeEnd: '60000', basePath: '/dynamic' },
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'Immediate',
      allowVolumeExpansion: false,
    });
    expect(find(manifests, 'PersistentVolumeClaim', 'efs-claim').spec).toEqual({
      storageClassName: 'efs', accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', resources: { requests: { storage: '5Gi' } },
    });
  });

  test('static: a Retain PV with the access point in its volumeHandle, bound to exactly one claim', () => {
    expect(find(manifests, 'PersistentVolume')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'efs-static', labels: { 'efs.cdk8s-storage.io/volume': 'efs-static' }, annotations: PRUNE_PROTECTED },
      spec: {
        capacity: { storage: '5Gi' },
        accessModes: ['ReadWriteMany'],
        volumeMode: 'Filesystem',
        persistentVolumeReclaimPolicy: 'Retain',
        claimRef: { name: 'static-claim', namespace: 'apps' },
        csi: { driver: 'efs.csi.aws.com', volumeHandle: `${FS}::${AP}` },
      },
    });
    expect(find(manifests, 'PersistentVolumeClaim', 'static-claim').spec).toMatchObject({
      storageClassName: '', volumeName: 'efs-static', selector: { matchLabels: { 'efs.cdk8s-storage.io/volume': 'efs-static' } },
    });
  });

  test('claims are VolumeClaims like every backend\'s (the backends carry the file system), mountable by cdk8s-plus workloads', () => {
    expect(shared).toBeInstanceOf(VolumeClaim);
    expect(staticClaim).toBeInstanceOf(VolumeClaim);
    expect([efs.fileSystemId, existing.fileSystemId, shared.accessMode]).toEqual([FS, FS, 'ReadWriteMany']);
    const c = newChart();
    const claim = new EfsStorageClass(c, 'efs', { fileSystemId: FS }).claim(c, 'data');
    new kplus.Pod(c, 'p', { containers: [{ image: 'busybox' }] }).containers[0].mount('/data', claim);
    expect(find(synthValid(c), 'Pod').spec.volumes).toEqual([{ name: 'pvc-data', persistentVolumeClaim: { claimName: 'data', readOnly: false } }]);
  });
});

describe('EfsStorageClass and EfsExistingVolume, every setting', () => {
  test('dynamic: ids, unique directories, access point reuse, zone, iam, Delete', () => {
    const chart = newChart();
    new EfsStorageClass(chart, 'efs', {
      fileSystemId: FS,
      storageClassName: 'efs-shared',
      uid: 1000,
      gid: 1000,
      subPathPattern: '/${.PVC.namespace}/${.PVC.name}',
      ensureUniqueDirectory: false,
      reuseAccessPoint: true,
      az: 'eu-west-1a',
      crossAccountSecret: { name: 'x-account', namespaceName: 'kube-system' },
      enforceZoneAffinity: true,
      iam: true,
      reclaimPolicy: ReclaimPolicy.DELETE,
    });
    expect(find(synthValid(chart), 'StorageClass')).toMatchObject({
      metadata: { name: 'efs-shared' },
      parameters: {
        'provisioningMode': 'efs-ap',
        'fileSystemId': FS,
        'directoryPerms': '700',
        'uid': '1000',
        'gid': '1000',
        'subPathPattern': '/${.PVC.namespace}/${.PVC.name}',
        'ensureUniqueDirectory': 'false',
        'reuseAccessPoint': 'true',
        'az': 'eu-west-1a',
        'enforceZoneAffinity': 'true',
        'csi.storage.k8s.io/provisioner-secret-name': 'x-account',
        'csi.storage.k8s.io/provisioner-secret-namespace': 'kube-system',
      },
      mountOptions: ['iam'],
      reclaimPolicy: 'Delete',
    });
  });

  test.each<[string, Partial<EfsExistingVolumeProps>, object]>([
    ['a file system', {}, { volumeHandle: FS }],
    ['a directory', { subPath: '/shared/www' }, { volumeHandle: `${FS}:/shared/www` }],
    ['a directory of an access point', { subPath: '/www', accessPointId: AP }, { volumeHandle: `${FS}:/www:${AP}` }],
    ['no TLS and a mount target', { encryptInTransit: false, mountTargetIp: '10.0.1.25' }, {
      volumeHandle: FS, volumeAttributes: { encryptInTransit: 'false', mounttargetip: '10.0.1.25' },
    }],
    ['an IPv6 mount target (node.go: net.ParseIP)', { mountTargetIp: '2600:1f18:ab::25' }, {
      volumeHandle: FS, volumeAttributes: { mounttargetip: '2600:1f18:ab::25' },
    }],
  ])('static: %s', (_, props, csi) => {
    const chart = newChart();
    new EfsExistingVolume(chart, 'efs', { fileSystemId: FS, ...props }).claim(chart, 'c');
    expect(find(synthValid(chart), 'PersistentVolume').spec.csi).toEqual({ driver: 'efs.csi.aws.com', ...csi });
  });

  test('static: iam mount option, explicit PV name and capacity, ReadWriteOnce', () => {
    const chart = newChart();
    new EfsExistingVolume(chart, 'efs', { fileSystemId: FS, iam: true, name: 'team-share', capacity: Size.tebibytes(1) })
      .claim(chart, 'c', { accessMode: EfsAccessMode.READ_WRITE_ONCE, storage: Size.tebibytes(1) });
    const manifests = synthValid(chart);
    expect(find(manifests, 'PersistentVolume')).toMatchObject({
      metadata: { name: 'team-share' }, spec: { mountOptions: ['iam'], capacity: { storage: '1Ti' }, accessModes: ['ReadWriteOnce'] },
    });
  });

  test('templates: an access point per replica (dynamic), a PV per replica (static)', () => {
    const chart = newChart();
    const dynamic = new EfsStorageClass(chart, 'efs', { fileSystemId: FS });
    const fixed = new EfsExistingVolume(chart, 'efs-static', { fileSystemId: FS, accessPointId: AP });
    new StatefulStore(chart, 'web', {
      image: 'nginx',
      replicas: 2,
      volumes: [
        { mountPath: '/own', claim: dynamic.claimTemplate('own') },
        { mountPath: '/shared', claim: fixed.claimTemplate('shared', { replicas: 2 }) },
      ],
    });
    const manifests = synthValid(chart);
    expect(find(manifests, 'StatefulSet').spec.volumeClaimTemplates.map((t: any) => [t.metadata.name, t.spec.storageClassName, t.spec.selector]))
      .toEqual([['own', 'efs', undefined], ['shared', '', { matchLabels: { 'efs.cdk8s-storage.io/volume': 'efs-static', 'efs.cdk8s-storage.io/template': 'shared' } }]]);
    expect(manifests.filter(m => m.kind === 'PersistentVolume').map(m => m.metadata.name)).toEqual(['efs-static-shared-0', 'efs-static-shared-1']);
  });
});

describe('EfsStorageClass and EfsExistingVolume reject what the driver would refuse', () => {
  test.each<[string, Partial<EfsStorageClassProps>, RegExp]>([
    ['a file system id that is not hex', { fileSystemId: 'fs-XYZ' }, /invalid fileSystemId "fs-XYZ". Allowed: "fs-" and 8 to 40 lower-case hex digits/],
    ['Fargate', { fargate: true }, /invalid fargate true. Allowed: static provisioning only: EKS Fargate does not support dynamic provisioning of EFS. Fix: use an EfsExistingVolume with an access point you create \(Fargate mounts EFS without the driver\)$/],
    ['no TLS on access points', { encryptInTransit: false }, /invalid encryptInTransit false. Allowed: true with an access point/],
    ['directoryPerms that are not octal', { directoryPerms: '799' }, /invalid directoryPerms "799". Allowed: an octal mode/],
    ['a negative uid', { uid: -1 }, /invalid uid -1. Allowed: a POSIX id/],
    ['a gid range that starts at 0', { gidRange: { start: 0, end: 10 } }, /invalid gidRange \{"start":0,"end":10\}. Allowed: whole numbers with start > 0 and end > start/],
    ['a gid range that ends before it starts', { gidRange: { start: 60000, end: 50000 } }, /invalid gidRange/],
    ['an unknown pattern variable', { subPathPattern: '/${.PVC.labels.team}' }, /invalid subPathPattern "\/\$\{.PVC.labels.team\}". Allowed: a path that uses no variables but/],
    ['a basePath with ".."', { basePath: '/a/../b' },
      /invalid basePath "\/a\/..\/b". Allowed: a path without ".." \(the driver's path.Join would resolve it to another directory than the one written\)/],
    ['az without the cross-account secret', { az: 'eu-west-1a' }, /invalid az "eu-west-1a". Allowed: az only with crossAccountSecret/],
    ['ensureUniqueDirectory without subPathPattern', { ensureUniqueDirectory: true }, /invalid ensureUniqueDirectory true. Allowed: ensureUniqueDirectory only with subPathPattern/],
    ['a cross-account secret with a bad name', { crossAccountSecret: { name: 'X_Account', namespaceName: 'kube-system' } }, /invalid crossAccountSecret.name "X_Account"/],
    ['a root path too long', { basePath: `/${'d'.repeat(30)}`, subPathPattern: `/${'p'.repeat(20)}/\${.PV.name}` }, /invalid basePath and subPathPattern .* Allowed: an access point root of at most 100 characters and 5 "\/" \(this one has 130 and 3 even with the shortest names\)/],
    ['a root path too deep', { basePath: '/a/b/c', subPathPattern: '/${.PVC.namespace}/${.PVC.name}/x' }, /this one has \d+ and 6 even with the shortest names/],
  ])('dynamic: %s', (_, props, message) => {
    expect(() => new EfsStorageClass(newChart(), 'efs', { fileSystemId: FS, ...props })).toThrow(/^test\/efs \(EfsStorageClass\): /);
    expect(() => new EfsStorageClass(newChart(), 'efs', { fileSystemId: FS, ...props })).toThrow(message);
  });

  test.each<[string, Partial<EfsExistingVolumeProps>, RegExp]>([
    ['an access point id that is not hex', { accessPointId: 'fsap-nothex!' }, /invalid accessPointId "fsap-nothex!"/],
    ['a relative sub path', { subPath: 'www' }, /invalid subPath "www". Allowed: an absolute path without ":"/],
    ['a mount target that is no IP', { mountTargetIp: 'mt.example.com' }, /invalid mountTargetIp "mt.example.com"/],
    ['no TLS with an access point', { accessPointId: AP, encryptInTransit: false }, /invalid encryptInTransit false. Allowed: true with an access point/],
    ['iam without TLS', { iam: true, encryptInTransit: false }, /invalid iam true. Allowed: iam only with encryptInTransit \(IAM authorization needs TLS\)/],
  ])('static: %s', (_, props, message) => {
    expect(() => new EfsExistingVolume(newChart(), 'efs', { fileSystemId: FS, ...props })).toThrow(message);
  });

  test('static: one claim per PV, and templates need replicas', () => {
    const chart = newChart();
    const efs = new EfsExistingVolume(chart, 'efs', { fileSystemId: FS });
    efs.claim(chart, 'first');
    expect(() => efs.claim(chart, 'second')).toThrow(/invalid claim "second". Allowed: one claim per PV, and test\/first already binds efs/);
    expect(() => efs.claimTemplate('t', {} as any)).toThrow(
      /^claim template "t" on test\/efs \(EfsExistingVolume\): invalid replicas \(not set\). Allowed: a value: EfsClaimTemplateOptions requires it. Fix: set replicas$/);
  });
});

describe('EFS rules as the driver\'s code has them (aws-efs-csi-driver pkg/driver/controller.go, node.go)', () => {
  const rootOf = (props: Partial<EfsStorageClassProps>) => () => new EfsStorageClass(newChart(), 'efs', { fileSystemId: FS, ...props });

  test('the 37-character unique suffix is added only with subPathPattern (CreateVolume)', () => {
    // Without a pattern the directory is the PV name (40 characters): 59 + 1 + 40 = 100 fits exactly.
    expect(rootOf({ basePath: `/${'b'.repeat(58)}` })).not.toThrow();
    expect(rootOf({ basePath: `/${'b'.repeat(59)}` })).toThrow(/this one has 101 and 2 even with the shortest names/);
    // With a pattern, "-" and a UUID are appended unless ensureUniqueDirectory is false.
    expect(rootOf({ basePath: `/${'b'.repeat(58)}`, subPathPattern: '/${.PV.name}' })).toThrow(/this one has 137 and 2/);
    expect(rootOf({ basePath: `/${'b'.repeat(58)}`, subPathPattern: '/${.PV.name}', ensureUniqueDirectory: false })).not.toThrow();
  });

  test('gid together with gidRange is valid: the range then gives the uid (parseAccessPointConstraints)', () => {
    const chart = newChart();
    new EfsStorageClass(chart, 'efs', { fileSystemId: FS, gid: 1000, gidRange: { start: 2000, end: 3000 } });
    expect(find(synthValid(chart), 'StorageClass').parameters).toMatchObject({ gid: '1000', gidRangeStart: '2000', gidRangeEnd: '3000' });
  });

  test('a relative basePath is joined to the root (path.Join("/", basePath, dir))', () => {
    const chart = newChart();
    new EfsStorageClass(chart, 'efs', { fileSystemId: FS, basePath: 'dynamic' });
    expect(find(synthValid(chart), 'StorageClass').parameters.basePath).toBe('dynamic');
  });

  test('ReadWriteOncePod is served (SINGLE_NODE_WRITER in volumeCapAccessModes); ReadOnlyMany has no member', () => {
    const chart = newChart();
    const efs = new EfsStorageClass(chart, 'efs', { fileSystemId: FS });
    efs.claim(chart, 'solo', { accessMode: EfsAccessMode.READ_WRITE_ONCE_POD });
    expect(find(synthValid(chart), 'PersistentVolumeClaim').spec.accessModes).toEqual(['ReadWriteOncePod']);
    expect(Object.values(EfsAccessMode)).not.toContain('ReadOnlyMany');
  });

  test('IPv4 and IPv6 mount targets are taken, names are not (NodePublishVolume: net.ParseIP)', () => {
    for (const ip of ['10.0.1.25', '2600:1f18:ab::25', '::1']) {
      expect(() => new EfsExistingVolume(newChart(), 'efs', { fileSystemId: FS, mountTargetIp: ip })).not.toThrow();
    }
    expect(() => new EfsExistingVolume(newChart(), 'efs', { fileSystemId: FS, mountTargetIp: '10.0.1' })).toThrow(
      'test/efs (EfsExistingVolume): invalid mountTargetIp "10.0.1". Allowed: an IPv4 or IPv6 address. Fix: give the mount target\'s IP address');
  });
});

test('a cross-account secret\'s namespace is a Kubernetes namespace name', () => {
  expect(() => new EfsStorageClass(newChart(), 'efs', { fileSystemId: FS, crossAccountSecret: { name: 'x-account', namespaceName: 'Kube_System' } })).toThrow(
    /^test\/efs \(EfsStorageClass\): invalid crossAccountSecret.namespaceName "Kube_System"/);
});

describe('EfsStorageClass.fromStorageClassName: an EFS class the cluster has', () => {
  test('its claims and templates are an EfsStorageClass\'s, and it renders nothing but them', () => {
    const chart = newChart('apps');
    const efs = EfsStorageClass.fromStorageClassName('efs-sc', FS);
    expect([efs.storageClassName, efs.fileSystemId]).toEqual(['efs-sc', FS]);
    efs.claim(chart, 'shared');
    new StatefulStore(chart, 'web', { image: 'nginx:1.27', volumes: [{ mountPath: '/d', claim: efs.claimTemplate('www', { accessMode: EfsAccessMode.READ_WRITE_ONCE }) }] });
    const manifests = synthValid(chart);
    expect(manifests.filter(m => m.kind === 'StorageClass')).toEqual([]);
    expect(find(manifests, 'PersistentVolumeClaim', 'shared').spec).toEqual({
      storageClassName: 'efs-sc', accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', resources: { requests: { storage: '5Gi' } },
    });
    expect(find(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: 'efs-sc', accessModes: ['ReadWriteOnce'] });
  });

  test('a bad name, file system id or access mode is refused, naming the importer', () => {
    expect(() => EfsStorageClass.fromStorageClassName('Efs_SC', FS)).toThrow(/^EfsStorageClass.fromStorageClassName\("Efs_SC"\): invalid storageClassName "Efs_SC"/);
    expect(() => EfsStorageClass.fromStorageClassName(undefined as any, FS)).toThrow(/^EfsStorageClass.fromStorageClassName: invalid storageClassName \(not set\)/);
    expect(() => EfsStorageClass.fromStorageClassName('efs-sc', 'vol-1')).toThrow(/^EfsStorageClass.fromStorageClassName\("efs-sc"\): invalid fileSystemId "vol-1"/);
    expect(() => EfsStorageClass.fromStorageClassName('efs-sc', FS).claim(newChart(), 'c', { accessMode: 'ReadWriteMany!' as any })).toThrow(
      /^test\/c \(VolumeClaim\) on EfsStorageClass.fromStorageClassName\("efs-sc"\): invalid accessMode "ReadWriteMany!"/);
  });
});

describe('the file system id from a ConfigMap or Secret, access point kinds, tagging (aws-efs-csi-driver a4fc6760 CreateVolume)', () => {
  const REF = { namespaceName: 'kube-system', name: 'efs-config', key: 'fileSystemId' };
  const parameters = (props: Partial<EfsStorageClassProps>) => {
    const chart = newChart();
    new EfsStorageClass(chart, 'efs', props as EfsStorageClassProps);
    return find(synthValid(chart), 'StorageClass').parameters;
  };
  const handWritten = (params: { [key: string]: string }) => StorageCheck.check([{
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'efs' }, provisioner: 'efs.csi.aws.com', reclaimPolicy: 'Retain', parameters: params,
  }]).filter(f => f.ruleId === 'class-parameters-refused').map(f => f.message);

  test('fileSystemIdConfigMap and fileSystemIdSecret render namespace/name/key; enableTagging and s3files-ap are written', () => {
    expect(parameters({ fileSystemIdConfigMap: REF })).toMatchObject({ provisioningMode: 'efs-ap', fileSystemIdConfigRef: 'kube-system/efs-config/fileSystemId' });
    expect(parameters({ fileSystemIdSecret: REF, enableTagging: false })).toMatchObject({ fileSystemIdSecretRef: 'kube-system/efs-config/fileSystemId', enableTagging: 'false' });
    expect(parameters({ fileSystemId: FS, provisioningMode: EfsProvisioningMode.S3_FILES_ACCESS_POINT })).toMatchObject({ provisioningMode: 's3files-ap', fileSystemId: FS });
    expect(parameters({ fileSystemIdConfigMap: REF }).fileSystemId).toBeUndefined();
    expect(handWritten(parameters({ fileSystemIdConfigMap: REF, enableTagging: true }))).toEqual([]);
  });

  test.each<[string, Partial<EfsStorageClassProps>, { [key: string]: string }]>([
    ['no file system at all', {}, { provisioningMode: 'efs-ap' }],
    ['two file system sources', { fileSystemId: FS, fileSystemIdSecret: REF }, { provisioningMode: 'efs-ap', fileSystemId: FS, fileSystemIdSecretRef: 'kube-system/efs-config/fileSystemId' }],
    ['reuseAccessPoint with s3files-ap', { fileSystemId: FS, provisioningMode: EfsProvisioningMode.S3_FILES_ACCESS_POINT, reuseAccessPoint: true },
      { provisioningMode: 's3files-ap', fileSystemId: FS, reuseAccessPoint: 'true' }],
  ])('%s: refused by the construct and by check, with one reason', (_, props, params) => {
    let why = '';
    try {
      new EfsStorageClass(newChart(), 'efs', props as EfsStorageClassProps);
    } catch (e) {
      why = /Allowed: (.*)\. Fix:/.exec((e as Error).message)![1];
    }
    expect(why).not.toBe('');
    expect(handWritten(params)).toEqual([expect.stringContaining(`; allowed: ${why}`)]);
  });

  test('what only a hand-written class can get wrong: the reference format, enableTagging, the provisioning mode', () => {
    expect(handWritten({ provisioningMode: 'efs-ap', fileSystemIdConfigRef: 'kube-system/efs-config:fileSystemId' })).toEqual([
      'class efs (AWS EFS) has fileSystemIdConfigRef kube-system/efs-config:fileSystemId; allowed: namespace/name/key (the driver refuses "invalid reference format, expected namespace/name/key")',
    ]);
    expect(handWritten({ provisioningMode: 'efs-ap', fileSystemId: FS, enableTagging: 'nope' })).toEqual([
      'class efs (AWS EFS) has enableTagging nope; allowed: true or false (the driver refuses "Invalid value for enableTagging parameter")',
    ]);
    expect(handWritten({ provisioningMode: 'efs-dir', fileSystemId: FS })[0]).toMatch(/has provisioningMode efs-dir; allowed: efs-ap or s3files-ap/);
    expect(() => new EfsStorageClass(newChart(), 'efs', { fileSystemIdConfigMap: { ...REF, key: 'a/b' } })).toThrow(/invalid fileSystemIdConfigMap.key "a\/b"/);
  });
});
