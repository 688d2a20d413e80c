import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Size, Testing } from 'cdk8s';
import { AzureDiskCachingMode, AzureDiskSku, BlockProvider, BlockStorageClass, Findings, Severity, EbsVolumeType, StorageCheck, StorageCheckPlugin } from '../src';
import { runCli } from '../src/cli/main';
import { parseManifests, readManifests } from '../src/manifests/files';

const FIXTURES = join(__dirname, 'check-fixtures');
const fixture = (rule: string, side: string) => {
  const file = join(FIXTURES, rule, `${side}.yaml`);
  return parseManifests(readFileSync(file, 'utf-8'), file);
};
const ids = (manifests: any[]) => StorageCheck.check(manifests).map(f => f.ruleId);

/** The finding each failing fixture must give: object, field, and the start of the message. */
const EXPECTED: { [rule: string]: [string, string, RegExp] } = {
  'api-refused-metadata': ['ConfigMap settings', 'metadata.labels',
    /^the API server refuses ConfigMap settings: metadata.labels: Invalid value: "platform-team-[a-z-]+": must be no more than 63 characters$/],
  'api-refused-claim': ['PersistentVolumeClaim data', 'spec.accessModes',
    /^the API server refuses PersistentVolumeClaim data: spec.accessModes: Unsupported value: "ReadWriteAll": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"$/],
  'api-refused-volume': ['PersistentVolume shared', 'spec.nfs', /^the API server refuses PersistentVolume shared: spec.nfs: Forbidden: may not specify more than 1 volume type$/],
  'api-refused-class': ['StorageClass zonal', 'allowedTopologies[0].matchLabelExpressions[0].values[1]',
    /^the API server refuses StorageClass zonal: allowedTopologies\[0\].matchLabelExpressions\[0\].values\[1\]: Duplicate value: "eu-west-1a"$/],
  'api-refused-statefulset': ['StatefulSet db', 'spec.template.metadata.labels',
    /^the API server refuses StatefulSet db: spec.template.metadata.labels: Invalid value: \{"app":"db"\}: `selector` does not match template `labels`$/],
  'api-refused-service': ['Service db', 'spec.clusterIPs', /^the API server refuses Service db: spec.clusterIPs: Invalid value: \["None","10.0.0.10"\]: 'None' must be the first and only value$/],
  'api-refused-pod': ['Deployment web', 'spec.template.spec.containers[0].volumeMounts.subPath',
    /^the API server refuses Deployment web: spec.template.spec.containers\[0\].volumeMounts.subPath: Invalid value: "..\/etc": must not contain '..'$/],
  'volume-mode-mismatch': ['Deployment db', 'spec.template.spec.containers[0].volumeMounts[0]',
    /^container db of Deployment db mounts volume pvc-raw at a path \(volumeMounts\), but claim raw is volumeMode Block, a raw device: the kubelet refuses the pod, which stays in ContainerCreating$/],
  'access-mode-unserved': ['PersistentVolumeClaim shared', 'spec.accessModes',
    /^claim shared asks for ReadWriteMany from class "ebs" \(AWS EBS\), which serves ReadWriteOnce, ReadWriteOncePod for Filesystem volumes/],
  'driver-size-limits': ['PersistentVolumeClaim small', 'spec.resources.requests.storage',
    /^claim small asks for 10Gi from class "oci-bv" \(OKE's pre-installed class\): OCI would silently enlarge a smaller volume to 50Gi/],
  'class-parameters-refused': ['StorageClass ultra', 'parameters.cachingMode',
    /^class ultra \(Azure Disk\) has no cachingMode; allowed: cachingMode None \(Azure refuses to attach UltraSSD_LRS with caching ReadOnly \(the driver's default\)\)$/],
  'claim-exceeds-local-volumes': ['PersistentVolumeClaim big', 'spec.resources.requests.storage',
    /^claim big asks for 200Gi, more than any of the 1 local PV\(s\) of class "local-ssd" holds \(the largest, node1-ssd, holds 100Gi\): it never binds$/],
  'local-immediate-binding': ['StorageClass local-ssd', 'volumeBindingMode', /^class local-ssd has no provisioner and binds Immediate \(the default\)/],
  'local-volume-node-affinity': ['PersistentVolume node1-ssd', 'spec.nodeAffinity.required', /^local PV node1-ssd has no required node affinity/],
  'local-volume-delete': ['PersistentVolume node1-ssd', 'spec.persistentVolumeReclaimPolicy', /^local PV node1-ssd is Delete: nothing can delete a local volume/],
  'static-storage-delete': ['PersistentVolume existing-disk', 'spec.persistentVolumeReclaimPolicy', /^PV existing-disk was written by hand and is Delete/],
  'recycle-reclaim-policy': ['StorageClass scratch-class', 'reclaimPolicy', /^class scratch-class is Recycle: deprecated, and a StorageClass may not use it/],
  'statefulset-name-length': ['StatefulSet orders-postgres-primary-database-for-the-eu-west-region', 'metadata.name', /has a 55-character name/],
  'claim-template-name': ['StatefulSet db', 'spec.volumeClaimTemplates[Data_Volume].metadata.name', /^template Data_Volume of StatefulSet db is not a DNS-1123 label/],
  'statefulset-service-missing': ['StatefulSet db', 'spec.serviceName', /^StatefulSet db names the Service db, which is not in these manifests/],
  'statefulset-service-not-headless': ['Service db', 'spec.clusterIP', /^Service db governs StatefulSet db but is not headless/],
  'statefulset-service-selector': ['Service db', 'spec.selector',
    /^Service db governs StatefulSet db, but its selector \(app=database\) does not match the pods' labels: it has no endpoints/],
  'single-pod-claim-shared': ['Deployment web', 'spec.template.spec.volumes[uploads]', /^claim uploads is ReadWriteOncePod but 2 pods mount it/],
  'write-once-claim-shared': ['Deployment web', 'spec.template.spec.volumes[uploads]', /^claim uploads is ReadWriteOnce but 3 pods mount it/],
  'write-once-claim-rolling-update': ['Deployment web', 'spec.strategy', /^Deployment web mounts ReadWriteOnce claim uploads and updates by RollingUpdate with surge/],
  'snapshot-api-version': ['VolumeSnapshotClass ebs-snapshots', 'apiVersion', /^VolumeSnapshotClass ebs-snapshots is snapshot.storage.k8s.io\/v1beta1/],
  'csi-plaintext-credentials': ['Secret smbcreds', 'stringData', /^Secret smbcreds holds credentials that StorageClass smb read/],
  'csi-cluster-secrets-access': ['ClusterRole csi-provisioner', 'rules[1]', /^ClusterRole csi-provisioner, bound cluster-wide by csi-provisioner to the CSI driver Deployment csi-controller/],
  'local-volume-many-nodes': ['PersistentVolume ssd-a', 'spec.nodeAffinity.required.nodeSelectorTerms',
    /^local PV ssd-a allows more than one node .*: a pod that claims it can be scheduled on a node without the disk$/],
  'storage-api-removed': ['StorageClass fast', 'apiVersion', /^StorageClass fast is storage.k8s.io\/v1beta1, which Kubernetes 1.22 and later no longer serve: the apply fails$/],
  'in-tree-volume-removed': ['StorageClass ceph-rbd', 'provisioner',
    /^class ceph-rbd uses the in-tree kubernetes.io\/rbd plugin, which Kubernetes 1.31 removed: the object applies, but its claims stay Pending$/],
  'in-tree-volume-migrated': ['StorageClass gp2', 'provisioner',
    /^class gp2 uses the deprecated in-tree kubernetes.io\/aws-ebs plugin, whose code Kubernetes 1.27 removed: CSI migration hands it to the ebs.csi.aws.com driver/],
  'default-class-ambiguous': ['StorageClass gp3', 'metadata.annotations[storageclass.kubernetes.io/is-default-class]',
    /^class gp3 is one of 2 default classes \(gp3, io2\): a claim without storageClassName gets the newest of them$/],
  'statefulset-scale-down-deletes': ['StatefulSet db', 'spec.persistentVolumeClaimRetentionPolicy.whenScaled',
    /^StatefulSet db deletes the claims of the replicas it scales down, and template data uses class fast, whose volumes are Delete/],
  'claim-prebound-default-class': ['PersistentVolumeClaim shared', 'spec.storageClassName',
    /^claim shared names PV shared-nfs, which has no class, but leaves storageClassName out: where the cluster has a default class the claim gets it/],
  'zonal-immediate-binding': ['StorageClass gp3-immediate', 'volumeBindingMode',
    /^class gp3-immediate \(AWS EBS\) binds Immediate \(the default\): each disk is made in a zone chosen before its pod is scheduled/],
  'hostpath-data-volume': ['Deployment db', 'spec.template.spec.volumes[0].hostPath',
    /^Deployment db writes to the node's directory \/mnt\/db \(hostPath volume data\): the files stay on whichever node the pod ran on/],
  'hostpath-provisioner-class': ['StorageClass csi-hostpath-sc', 'provisioner',
    /^class csi-hostpath-sc uses hostpath.csi.k8s.io, which makes each volume a directory on one node and is for testing only/],
  'claim-default-class': ['PersistentVolumeClaim data', 'spec.storageClassName',
    /^claim data names no storageClassName: it gets the class the cluster marks default/],
  'clone-restore-mismatch': ['PersistentVolumeClaim data-copy', 'spec.storageClassName',
    /^claim data-copy is made from claim data, but is of class io2 and the source of gp3: a clone is made by the source's driver, in the source's class$/],
  'claim-driver-capabilities': ['PersistentVolumeClaim shared-copy', 'spec.dataSourceRef',
    /^claim shared-copy is cloned from claim shared on class "efs" of AWS EFS, which does not clone volumes: the provisioner refuses it \("CSI driver does not support clone operations/],
  'snapshot-class-driver-cannot-snapshot': ['VolumeSnapshotClass efs-snapshots', 'driver',
    /^VolumeSnapshotClass efs-snapshots is for AWS EFS \(efs.csi.aws.com\), which takes no snapshots \(it does not report CREATE_DELETE_SNAPSHOT\)/],
  'snapshot-class-driver-mismatch': ['VolumeSnapshot nightly', 'spec.volumeSnapshotClassName',
    /^VolumeSnapshot nightly of claim data names snapshot class pd-snapshots of GCE PD \(pd.csi.storage.gke.io\), but the claim's class "gp3" is of AWS EBS/],
  'attributes-class-driver-cannot-modify': ['VolumeAttributesClass faster', 'driverName',
    /^VolumeAttributesClass faster is for OCI Block Volume \(blockvolume.csi.oraclecloud.com\), which does not modify volumes/],
  'prune-protection': ['PersistentVolumeClaim data', 'metadata.annotations', /^PersistentVolumeClaim data has no prune protection/],
};

describe('every rule has a failing and a passing fixture', () => {
  test('the fixtures and the rules are the same set', () => {
    const folders = readdirSync(FIXTURES).filter(f => f !== 'upstream').sort();
    expect(folders).toEqual(StorageCheck.rules().map(r => r.id).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(folders);
  });

  test.each(StorageCheck.rules().map(r => [r.id, r.severity]))('%s (%s)', (id, severity) => {
    const [object, field, message] = EXPECTED[id];
    const found = StorageCheck.check(fixture(id, 'fail')).filter(f => f.ruleId === id);
    expect(found.length).toBeGreaterThan(0);
    expect(`${found[0].kind} ${found[0].name}`).toBe(object);
    expect(found[0].field).toBe(field);
    expect(found[0].severity).toBe(severity);
    expect(found[0].message).toMatch(message);
    expect(found[0].fix.length).toBeGreaterThan(0);
    // The location is the file and the line where the object's document starts.
    const { file, line } = found[0].location!;
    expect(file).toBe(join(FIXTURES, id, 'fail.yaml'));
    expect(readFileSync(file, 'utf-8').split('\n')[line - 1]).toMatch(/^(apiVersion|kind): /);
    expect(ids(fixture(id, 'pass'))).not.toContain(id);
  });

  test('every rule names its source and a one-line summary', () => {
    for (const rule of StorageCheck.rules()) {
      expect(rule.source).toMatch(/https:\/\/|\.go|CHANGELOG/);
      expect(rule.summary).not.toContain('\n');
    }
  });
});

describe('the rules share their facts with the constructs', () => {
  test('EBS sizes are judged after the driver rounds up to whole GiB: 500Mi of gp3 is served, 3Gi of io1 is not', () => {
    const cls = (type: string) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: type }, provisioner: 'ebs.csi.aws.com', parameters: { type } });
    const claim = (type: string, storage: string) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: `${type}-claim` },
      spec: { storageClassName: type, accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
    });
    const sizeFindings = (type: string, storage: string) => StorageCheck.check([cls(type), claim(type, storage)]).filter(f => f.ruleId === 'driver-size-limits');
    expect(sizeFindings('gp3', '500Mi')).toEqual([]);
    expect(sizeFindings('io1', '3.5Gi')).toEqual([]);
    expect(sizeFindings('io1', '3Gi').map(f => f.message)).toEqual(['claim io1-claim asks for 3Gi from class "io1": AWS refuses io1 volumes under 4Gi']);
  });

  test('an Azure class the driver or Azure refuses: the construct\'s error and the check finding give one reason', () => {
    const why = 'cachingMode None (Azure refuses to attach a shared disk (maxShares 2) with caching ReadOnly)';
    expect(() => BlockProvider.azureDisk({ skuName: AzureDiskSku.PREMIUM_LRS, maxShares: 2, cachingMode: AzureDiskCachingMode.READ_ONLY })).toThrow(`Allowed: ${why}. `);
    const [finding] = StorageCheck.check([{
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'shared' },
      provisioner: 'disk.csi.azure.com',
      parameters: { skuName: 'Premium_LRS', maxShares: '2', cachingMode: 'ReadOnly' },
    }], { suppress: ['prune-protection', 'static-storage-delete'] });
    expect(finding).toMatchObject({ ruleId: 'class-parameters-refused', field: 'parameters.cachingMode', message: `class shared (Azure Disk) has cachingMode ReadOnly; allowed: ${why}` });
  });

  test('a class from BlockProvider and a hand-written copy of it get the same verdict and reason', () => {
    const chart = Testing.chart();
    const gp3 = new BlockStorageClass(chart, 'gp3', { provider: BlockProvider.ebs() });
    expect(() => gp3.multiAttachClaim(chart, 'shared', { storage: Size.gibibytes(10) })).toThrow(/EBS multi-attach needs io2 volumes; this class makes gp3/);
    const manifests = Testing.synth(chart);
    manifests.push({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'shared' },
      spec: { storageClassName: 'gp3', volumeMode: 'Block', accessModes: ['ReadWriteMany'], resources: { requests: { storage: '10Gi' } } },
    });
    const found = StorageCheck.check(manifests).filter(f => f.ruleId === 'access-mode-unserved');
    expect(found.map(f => f.message)).toEqual([expect.stringContaining('(EBS multi-attach needs io2 volumes; this class makes gp3)')]);
  });

  test('an io2 class serves raw-block ReadWriteMany, as multiAttachClaim does', () => {
    const chart = Testing.chart();
    const io2 = new BlockStorageClass(chart, 'io2', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.IO2, iops: 1000 }) });
    io2.multiAttachClaim(chart, 'shared', { storage: Size.gibibytes(10) });
    expect(StorageCheck.check(Testing.synth(chart))).toEqual([]);
  });
});

describe('volume-mode-mismatch: both directions, templates, and claims the manifests do not hold', () => {
  const claim = (name: string, volumeMode?: string) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name },
    spec: { storageClassName: 'gp3', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...(volumeMode ? { volumeMode } : {}) },
  });
  const pod = (container: object, claimName: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'busybox', ...container }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName } }] },
  });
  const findings = (manifests: any[]) => StorageCheck.check(manifests).filter(f => f.ruleId === 'volume-mode-mismatch').map(f => [f.field, f.message]);

  test.each([['Filesystem'], [undefined]])('a claim of volumeMode %s (the default) listed as a device', (mode) => {
    expect(findings([claim('files', mode), pod({ volumeDevices: [{ name: 'v', devicePath: '/dev/x' }] }, 'files')])).toEqual([[
      'spec.containers[0].volumeDevices[0]',
      'container c of Pod p lists volume v as a raw device (volumeDevices), but claim files is volumeMode Filesystem: the kubelet refuses the pod, which stays in ContainerCreating',
    ]]);
  });

  test('a Block claim template mounted at a path by an init container', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        selector: { matchLabels: { a: 'b' } },
        template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'db', image: 'x' }], initContainers: [{ name: 'init', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/d' }] }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { volumeMode: 'Block', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    };
    expect(findings([sts])).toEqual([[
      'spec.template.spec.initContainers[0].volumeMounts[0]',
      'container init of StatefulSet db mounts volume data at a path (volumeMounts), but template data is volumeMode Block, a raw device: '
        + 'the kubelet refuses the pod, which stays in ContainerCreating',
    ]]);
  });

  test('a claim the manifests do not hold is not judged', () => {
    expect(findings([pod({ volumeDevices: [{ name: 'v', devicePath: '/dev/x' }] }, 'elsewhere')])).toEqual([]);
  });

  test('a volumeMode that is not a string is an input error, not a pass', () => {
    expect(() => StorageCheck.check([claim('raw', 42 as any), pod({ volumeMounts: [{ name: 'v', mountPath: '/d' }] }, 'raw')]))
      .toThrow(/PersistentVolumeClaim raw: spec.volumeMode/);
  });
});

describe('suppression', () => {
  const failing = (): any[] => fixture('statefulset-service-missing', 'fail');

  test('an object suppresses rules for itself with the cdk8s-storage.io/suppress annotation', () => {
    const [sts] = failing();
    sts.metadata.annotations = { 'cdk8s-storage.io/suppress': 'prune-protection, statefulset-service-missing' };
    expect(StorageCheck.check([sts])).toEqual([]);
  });

  test('a run suppresses rules for every object', () => {
    expect(StorageCheck.check(failing(), { suppress: ['statefulset-service-missing'] })).toEqual([]);
  });

  test('an unknown rule id is refused, in the annotation and in the options', () => {
    const [sts] = failing();
    sts.metadata.annotations = { 'cdk8s-storage.io/suppress': 'statefulset-service-mising' };
    expect(() => StorageCheck.check([sts]))
      .toThrow(/fail\.yaml:1 \(document 1\): annotation cdk8s-storage\.io\/suppress: unknown rule id\(s\) statefulset-service-mising; the rules are api-refused-metadata, .*Fix: correct the spelling$/);
    expect(() => StorageCheck.check(failing(), { suppress: ['nope'] })).toThrow(/^StorageCheck\.check options\.suppress: unknown rule id\(s\) nope/);
  });
});

describe('input that cannot be judged is an error, never "clean"', () => {
  const claim = (spec: any) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Gi' } }, ...spec } });
  const deployment = (spec: any) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });

  test.each([
    ['not a list', 'manifests' as any, /^StorageCheck\.check manifests: expected a list of manifests, got string/],
    ['an object without a name', [{ kind: 'ConfigMap', metadata: {} }], /^manifests\[0\]: is not a Kubernetes object/],
    ['two objects with one identity', [claim({}), claim({})], /^manifests\[1\]: PersistentVolumeClaim data is also defined in manifests\[0\]/],
    ['access modes as a string', [claim({ accessModes: 'ReadWriteOnce' })], /spec\.accessModes is "ReadWriteOnce", expected a list of strings/],
    ['replicas as a string', [deployment({ replicas: '3', template: { spec: {} } })], /Deployment web: spec\.replicas is "3", expected a whole number of at least 0/],
    ['volumes as an object', [deployment({ template: { spec: { volumes: { name: 'x' } } } })], /Deployment web: spec\.template\.spec\.volumes is \{"name":"x"\}, expected a list/],
  ])('%s', (_, manifests, message) => {
    expect(() => StorageCheck.check(manifests)).toThrow(message);
  });

  test('isBlocking refuses an unknown severity', () => {
    expect(() => Findings.isBlocking([], 'fatal' as any)).toThrow(/^Findings.isBlocking: failOn is "fatal", expected one of error, warning, info/);
  });
});

describe('isBlocking', () => {
  const findings = StorageCheck.check(fixture('prune-protection', 'fail'));
  test('info findings block only with failOn info', () => {
    expect(findings.map(f => f.severity)).toEqual([Severity.INFO]);
    expect(Findings.isBlocking(findings, Severity.WARNING)).toBe(false);
    expect(Findings.isBlocking(findings, Severity.INFO)).toBe(true);
  });
});

describe('cdk8s-storage check', () => {
  const run = (args: string[], stdin?: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = runCli(['check', ...args], { out: s => out.push(s), err: s => err.push(s), stdin: stdin === undefined ? undefined : () => stdin });
    return { status, out: out.join('\n'), err: err.join('\n') };
  };

  test('exit 1 with findings, each with its rule, object, field, message, fix and place', () => {
    const r = run([join(FIXTURES, 'access-mode-unserved', 'fail.yaml')]);
    expect(r.status).toBe(1);
    expect(r.out).toContain('ERROR  access-mode-unserved  PersistentVolumeClaim shared  spec.accessModes\n  claim shared asks for ReadWriteMany');
    expect(r.out).toMatch(/\n {2}fix: ask for ReadWriteOnce or ReadWriteOncePod, .*\n {2}at: .*fail\.yaml:8 \(document 2\)\n/);
    expect(r.out).toMatch(/checked 2 objects: 0 refused, 1 error, 0 warning, 1 info$/);
  });

  test('exit 0 when only info findings remain, 1 with --fail-on info', () => {
    const file = join(FIXTURES, 'prune-protection', 'fail.yaml');
    expect(run([file]).status).toBe(0);
    expect(run([file, '--fail-on', 'info']).status).toBe(1);
  });

  test('--json prints the findings; --suppress drops a rule', () => {
    const file = join(FIXTURES, 'prune-protection', 'fail.yaml');
    expect(JSON.parse(run([file, '--json']).out).map((f: any) => f.ruleId)).toEqual(['prune-protection']);
    expect(JSON.parse(run([file, '--json', '--suppress', 'prune-protection']).out)).toEqual([]);
  });

  test('- reads standard input', () => {
    const r = run(['-'], readFileSync(join(FIXTURES, 'snapshot-api-version', 'fail.yaml'), 'utf-8'));
    expect(r.status).toBe(1);
    expect(r.out).toContain('at: stdin:1 (document 1)');
  });

  test('--list-rules lists every rule with its severity and source', () => {
    const r = run(['--list-rules', '--json']);
    expect(JSON.parse(r.out)).toEqual(StorageCheck.rules());
  });

  test.each([
    [['/nonexistent'], /^cdk8s-storage check: \/nonexistent: no such file or directory$/],
    [[], /give a directory, a file, or - for standard input/],
    [['-'], /standard input: no manifests/],
    [['x.yaml', '--fail-on', 'fatal'], /unknown or incomplete option "--fail-on" \(give one of error, warning, info\)/],
    [['x.yaml', '--suppress', 'nope'], /--suppress: unknown rule id\(s\) nope/],
    [['x.yaml', '--colour'], /unknown or incomplete option "--colour"/],
  ])('exit 2 on bad input %j', (args, message) => {
    const r = run(args as string[], '');
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('StorageCheckPlugin (the cdk8s-cli contract, without the CLI)', () => {
  test('adds one violation per finding and fails the report at the failOn severity', async () => {
    const violations: any[] = [];
    let submitted: any;
    const file = join(FIXTURES, 'statefulset-service-missing', 'fail.yaml');
    const report = { addViolation: (v: any) => violations.push(v), submit: (...a: any[]) => submitted = a };
    await new StorageCheckPlugin().validate({ manifests: [file], report });
    expect(violations).toEqual([{
      ruleName: '[warning] statefulset-service-missing',
      recommendation: expect.stringMatching(/^StatefulSet db names the Service db/),
      fix: expect.stringMatching(/^add a headless Service db/),
      violatingResources: [{ resourceName: 'db', locations: ['StatefulSet db: spec.serviceName (line 1)'], manifestPath: file }],
    }]);
    expect(submitted).toEqual(['failure', { objects: '1', findings: '1', failOn: 'warning' }]);
  });

  test('refuses unknown properties values', () => {
    expect(() => new StorageCheckPlugin({ failOn: 'fatal' as any })).toThrow(/failOn/);
    expect(() => new StorageCheckPlugin({ suppress: ['nope'] })).toThrow(/unknown rule id\(s\) nope/);
  });
});

test('readManifests reads the fixtures folder by folder (sanity of the helper the CLI uses)', () => {
  expect(readManifests(join(FIXTURES, 'prune-protection')).length).toBe(2);
});

describe('false alarms removed (issue 24)', () => {
  const only = (rule: string, manifests: any[]) => StorageCheck.check(manifests).filter(f => f.ruleId === rule);

  test('prune-protection judges claims and PVs only: a class holds no data', () => {
    const cls = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Retain' };
    expect(only('prune-protection', [cls])).toEqual([]);
  });

  test('static-storage-delete says what happens: the hand-written PV goes Failed and keeps its data; a class without a provisioner is not judged', () => {
    const [finding] = only('static-storage-delete', fixture('static-storage-delete', 'fail'));
    expect(finding.severity).toBe(Severity.WARNING);
    expect(finding.message).toMatch(/no provisioner made it, so none deletes it .* the PV goes Failed \("no deletable volume plugin matched"\) and keeps its data/);
    expect(only('static-storage-delete', fixture('static-storage-delete', 'pass'))).toEqual([]);
  });

  test('Recycle on an NFS PV is a warning that says what it does; on a class, an error', () => {
    const findings = only('recycle-reclaim-policy', fixture('recycle-reclaim-policy', 'fail'));
    expect(findings.map(f => [f.severity, f.kind])).toEqual([[Severity.ERROR, 'StorageClass'], [Severity.WARNING, 'PersistentVolume']]);
    expect(findings[1].message).toBe('PV scratch is Recycle: deprecated, accepted on NFS and hostPath volumes, where it erases every file on the volume (rm -rf) '
      + 'when its claim goes, for the next claim');
  });
});

test('csi-plaintext-credentials knows the in-tree secret parameters too: a Ceph rbd class\'s admin Secret (issue 24)', () => {
  const rbd = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'rbd' },
    provisioner: 'kubernetes.io/rbd',
    reclaimPolicy: 'Retain',
    parameters: { monitors: '10.16.153.105:6789', adminId: 'kube', adminSecretName: 'ceph-secret', adminSecretNamespace: 'kube-system', pool: 'kube' },
  };
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'ceph-secret', namespace: 'kube-system' }, type: 'kubernetes.io/rbd', data: { key: 'QVFEQ1pMdFhPUnQrSmhBQUFYaERWNHJsZ3BsMmNjcDR6RFZST0E9PQ==' } };
  const findings = StorageCheck.check([rbd, secret]).filter(f => f.ruleId === 'csi-plaintext-credentials');
  expect(findings.map(f => [f.kind, f.name, f.field])).toEqual([['Secret', 'ceph-secret', 'data']]);
  expect(findings[0].message).toMatch(/^Secret ceph-secret holds credentials that StorageClass rbd read/);
  // The same Secret in another namespace is not the one the class reads.
  expect(StorageCheck.check([rbd, { ...secret, metadata: { name: 'ceph-secret', namespace: 'apps' } }]).filter(f => f.ruleId === 'csi-plaintext-credentials')).toEqual([]);
});

describe('references across namespaces, matched one way in every rule (issue 24)', () => {
  const sts = (namespace?: string) => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', ...(namespace ? { namespace } : {}) },
    spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } } },
  });
  const svc = (spec: object, namespace?: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', ...(namespace ? { namespace } : {}) }, spec: { selector: { app: 'db' }, ports: [{ port: 5432 }], ...spec } });
  const rules = (manifests: any[]) => StorageCheck.check(manifests).map(f => f.ruleId).filter(r => r.startsWith('statefulset-service'));

  test('an unnamespaced Service beside a namespaced StatefulSet is its Service, and a NodePort one is not headless', () => {
    expect(rules([sts('prod'), svc({ clusterIP: 'None' })])).toEqual([]);
    expect(rules([sts('prod'), svc({ type: 'NodePort' })])).toEqual(['statefulset-service-not-headless']);
    expect(rules([sts(), svc({ type: 'NodePort' }, 'prod')])).toEqual(['statefulset-service-not-headless']);
    expect(rules([sts('prod'), svc({ clusterIP: 'None' }, 'staging')])).toEqual(['statefulset-service-missing']);
  });

  test('a claim that names no namespace is shared by the workloads of one namespace, not of several', () => {
    const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '1Gi' } } } };
    const pod = (name: string, namespace: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace },
      spec: { containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'd', mountPath: '/d' }] }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
    });
    const shared = (manifests: any[]) => StorageCheck.check(manifests).filter(f => f.ruleId === 'single-pod-claim-shared');
    expect(shared([claim, pod('a', 'team-a'), pod('b', 'team-b')])).toEqual([]);
    expect(shared([claim, pod('a', 'team-a'), pod('b', 'team-a')])).toHaveLength(2);
  });
});
