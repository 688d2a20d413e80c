/**
 * Each rule of the guard (src/guard/rules, one file each) with a change it
 * refuses and a change it allows, as cdk-nag tests its rules: the exact
 * finding, message and fix included.
 */
import { Finding, StorageGuard } from '../src';
import { Manifest, expectValidManifests } from './helpers/manifests';
import { GUARD_RULES } from '../src/guard/rules';

const POD = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
const sts = (spec: object) => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'prod' }, spec: { serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template: POD, ...spec } });
const sc = (fields: object) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'ebs.csi.aws.com', ...fields });
const pvc = (spec: object, name = 'data') => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'prod' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, ...spec } });
const pv = (spec: object, name = 'disk') => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], ...spec } });
const driver = (spec: object) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'ebs.csi.aws.com' }, spec });
const vac = (parameters: object) => ({ apiVersion: 'storage.k8s.io/v1beta1', kind: 'VolumeAttributesClass', metadata: { name: 'gold' }, driverName: 'ebs.csi.aws.com', parameters });
const svc = (spec: object) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'prod' }, spec: { ports: [{ port: 5432 }], ...spec } });
const template = (storage: string) => ({ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } } });
const snapshot = (source: object, className = 'ebs-snapshots') => ({
  apiVersion: 'snapshot.storage.k8s.io/v1',
  kind: 'VolumeSnapshot',
  metadata: { name: 'before-upgrade', namespace: 'prod' },
  spec: { source, volumeSnapshotClassName: className },
});
const snapshotClass = (deletionPolicy: string) => ({ apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 'ebs-snapshots' }, driver: 'ebs.csi.aws.com', deletionPolicy });
const ORPHAN = 'kubectl delete statefulset web -n prod --cascade=orphan, then re-sync: the pods and their claims stay, and the new StatefulSet adopts them';
const NEW_CLAIM = 'create a new claim with the new settings and copy the data into it (for performance settings, use a VolumeAttributesClass)';
const NEW_VOLUME = 'create a new PV under another name and bind a new claim to it; a PV\'s source cannot be edited';

interface RuleCase {
  readonly before: object[];
  readonly refused: object[];
  readonly allowed: object[];
  readonly finding: Partial<Finding>;
}

const CASES: { [rule: string]: RuleCase } = {
  'snapshot-immutable-field': {
    before: [snapshot({ persistentVolumeClaimName: 'data-db-0' })],
    refused: [snapshot({ persistentVolumeClaimName: 'data-db-1' })],
    allowed: [snapshot({ persistentVolumeClaimName: 'data-db-0' }, 'other-class')],
    finding: {
      kind: 'VolumeSnapshot',
      name: 'before-upgrade',
      namespaceName: 'prod',
      field: 'spec.source.persistentVolumeClaimName',
      oldValue: '"data-db-0"',
      newValue: '"data-db-1"',
      severity: 'refused' as any,
      message: 'persistentVolumeClaimName is immutable',
      fix: 'take a new VolumeSnapshot under another name from the new source; keep or delete before-upgrade on its own',
    },
  },
  'snapshot-removed': {
    before: [snapshot({ persistentVolumeClaimName: 'data-db-0' }), snapshotClass('Delete')],
    refused: [snapshotClass('Delete')],
    allowed: [snapshotClass('Retain'), snapshot({ persistentVolumeClaimName: 'data-db-0' })],
    finding: {
      kind: 'VolumeSnapshot',
      name: 'before-upgrade',
      field: '(object)',
      severity: 'data-loss' as any,
      message: 'removed from the manifests: the GitOps tool prunes it, and its deletionPolicy Delete deletes the snapshot in the storage system',
      fix: 'keep it in the manifests until the backup is no longer needed, or make its content Retain before removing it',
    },
  },
  'statefulset-immutable-field': {
    before: [sts({ podManagementPolicy: 'OrderedReady' })],
    refused: [sts({ podManagementPolicy: 'Parallel' })],
    allowed: [sts({ replicas: 5 })],
    finding: {
      kind: 'StatefulSet',
      name: 'web',
      field: 'spec.podManagementPolicy',
      oldValue: '"OrderedReady"',
      newValue: '"Parallel"',
      severity: 'refused' as any,
      message: 'podManagementPolicy cannot change once the StatefulSet exists',
      fix: ORPHAN,
    },
  },
  'statefulset-claim-retention': {
    before: [sts({})],
    refused: [sts({ persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' } })],
    allowed: [sts({ persistentVolumeClaimRetentionPolicy: { whenScaled: 'Retain', whenDeleted: 'Retain' } })],
    finding: {
      field: 'spec.persistentVolumeClaimRetentionPolicy.whenScaled',
      oldValue: '"Retain"',
      newValue: '"Delete"',
      severity: 'data-loss' as any,
      message: 'the claims of the replicas are deleted when it scales down',
      fix: 'keep Retain, or back the data up first',
    },
  },
  'statefulset-claim-template': {
    before: [sts({ volumeClaimTemplates: [template('1Gi')] })],
    refused: [sts({ volumeClaimTemplates: [template('2Gi')] })],
    // apiVersion, kind and volumeMode at their defaults are the same template.
    allowed: [sts({ volumeClaimTemplates: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...template('1Gi'), spec: { ...template('1Gi').spec, volumeMode: 'Filesystem' } }] })],
    finding: {
      field: 'spec.volumeClaimTemplates[www]',
      severity: 'refused' as any,
      message: 'volumeClaimTemplates cannot change once the StatefulSet exists (template www changed)',
      fix: 'kubectl delete statefulset web -n prod --cascade=orphan, then re-sync; claims made from the old template keep their old spec (resize or migrate them yourself)',
    },
  },
  'storage-class-immutable-field': {
    before: [sc({ parameters: { type: 'gp3' } })],
    refused: [sc({ parameters: { type: 'io2' } })],
    allowed: [sc({ parameters: { type: 'gp3' }, allowVolumeExpansion: true, mountOptions: ['noatime'] })],
    finding: {
      kind: 'StorageClass',
      name: 'fast',
      field: 'parameters',
      oldValue: '{"type":"gp3"}',
      newValue: '{"type":"io2"}',
      severity: 'refused' as any,
      message: 'updates to parameters are forbidden',
      fix: 'give the class a new name (claims cannot change class: move them to new claims), or delete the class and apply it again (existing volumes are kept)',
    },
  },
  'claim-immutable-field': {
    before: [pvc({ storageClassName: 'fast' })],
    refused: [pvc({ storageClassName: 'slow' })],
    allowed: [pvc({ storageClassName: 'fast', volumeAttributesClassName: 'gold' })],
    finding: {
      field: 'spec.storageClassName',
      severity: 'refused' as any,
      message: 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      fix: NEW_CLAIM,
    },
  },
  'claim-size-change': {
    before: [pvc({ storageClassName: 'fast' }), sc({ allowVolumeExpansion: true })],
    refused: [pvc({ storageClassName: 'fast', resources: { requests: { storage: '5Gi' } } }), sc({ allowVolumeExpansion: true })],
    allowed: [pvc({ storageClassName: 'fast', resources: { requests: { storage: '20Gi' } } }), sc({ allowVolumeExpansion: true })],
    finding: {
      field: 'spec.resources.requests.storage',
      oldValue: '"10Gi"',
      newValue: '"5Gi"',
      severity: 'refused' as any,
      message: 'a claim cannot shrink (field can not be less than previous value)',
      fix: 'keep the size, or move the data to a new, smaller claim',
    },
  },
  'volume-immutable-field': {
    before: [pv({ csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' } })],
    refused: [pv({ csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-2' } })],
    allowed: [pv({ csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' }, mountOptions: ['noatime'] })],
    finding: { field: 'spec (volume source)', severity: 'refused' as any, message: 'spec.persistentvolumesource is immutable after creation', fix: NEW_VOLUME },
  },
  'volume-reclaim-delete': {
    before: [pv({ persistentVolumeReclaimPolicy: 'Retain' })],
    refused: [pv({ persistentVolumeReclaimPolicy: 'Delete' })],
    allowed: [pv({})],
    finding: {
      field: 'spec.persistentVolumeReclaimPolicy',
      oldValue: '"Retain"',
      newValue: '"Delete"',
      severity: 'data-loss' as any,
      message: 'the volume and its data are deleted when its claim is',
      fix: 'keep Retain',
    },
  },
  'volume-shrink': {
    before: [pv({})],
    refused: [pv({ capacity: { storage: '5Gi' } })],
    allowed: [pv({ capacity: { storage: '20Gi' } })],
    finding: {
      field: 'spec.capacity.storage',
      oldValue: '"10Gi"',
      newValue: '"5Gi"',
      severity: 'warning' as any,
      message: 'the PV says it holds less than before: a claim bound to it may ask for more than it now offers',
      fix: 'keep the capacity the volume really has',
    },
  },
  'csidriver-immutable-field': {
    before: [driver({ attachRequired: true })],
    refused: [driver({ attachRequired: false })],
    // attachRequired defaults to true: writing the default is no change.
    allowed: [driver({})],
    finding: {
      field: 'spec.attachRequired',
      oldValue: 'true',
      newValue: 'false',
      severity: 'refused' as any,
      message: 'attachRequired is immutable',
      fix: 'delete the object (kubectl delete csidriver ebs.csi.aws.com) and apply the new one',
    },
  },
  'service-cluster-ip': {
    before: [svc({})],
    refused: [svc({ clusterIP: 'None' })],
    allowed: [svc({ selector: { app: 'db' } })],
    finding: {
      kind: 'Service',
      name: 'db',
      field: 'spec.clusterIP',
      newValue: '"None"',
      severity: 'refused' as any,
      message: 'a Service cannot become headless in place',
      fix: 'delete the Service (kubectl delete service db -n prod) and apply it again (a short DNS outage), or create a Service under another name',
    },
  },
  'volume-attributes-class-immutable-field': {
    before: [vac({ iops: '4000' })],
    refused: [vac({ iops: '6000' })],
    allowed: [{ ...vac({ iops: '4000' }), metadata: { name: 'gold', labels: { tier: 'gold' } } }],
    finding: {
      kind: 'VolumeAttributesClass',
      name: 'gold',
      field: 'parameters',
      oldValue: '{"iops":"4000"}',
      newValue: '{"iops":"6000"}',
      severity: 'refused' as any,
      message: 'field is immutable',
      fix: 'make a VolumeAttributesClass under another name with the new settings and move the claims to it '
        + '(spec.volumeAttributesClassName is mutable: the driver modifies the volume in place); then delete gold once no claim names it',
    },
  },
  'data-object-removed': {
    before: [pvc({ storageClassName: 'fast' }, 'data')],
    refused: [pvc({ storageClassName: 'fast' }, 'data-v2')],
    allowed: [pvc({ storageClassName: 'fast', resources: { requests: { storage: '10Gi' } } }, 'data')],
    finding: {
      kind: 'PersistentVolumeClaim',
      name: 'data',
      field: '(object)',
      oldValue: '"data"',
      newValue: '"data-v2"',
      severity: 'data-loss' as any,
      message: 'renamed to data-v2: the new name is a new, empty PersistentVolumeClaim, and the old one is orphaned or pruned with its data',
      fix: 'keep the old name (pass it as the construct\'s `name`), or copy the data to the new PersistentVolumeClaim before the old one is pruned',
    },
  },
};

test('every manifest of the cases passes the Kubernetes schema', () => {
  for (const c of Object.values(CASES)) expectValidManifests([...c.before, ...c.refused, ...c.allowed] as Manifest[]);
});

test('every rule of the guard has its cases here, and every case a rule', () => {
  expect(Object.keys(CASES).sort()).toEqual(GUARD_RULES.map(r => r.id).sort());
});

describe.each(Object.entries(CASES))('%s', (rule, c) => {
  test('refuses (or warns about) the change, with the exact message and fix', () => {
    const findings = StorageGuard.compare(c.before, c.refused);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toEqual(expect.objectContaining({ ruleId: rule, ...c.finding }));
    // A cluster-scoped object's finding has no namespace at all.
    if (!('namespace' in (c.before[0] as any).metadata)) expect(findings[0]).not.toHaveProperty('namespaceName');
  });

  test('allows a change it does not judge, and no change at all', () => {
    expect(StorageGuard.compare(c.before, c.allowed)).toEqual([]);
    expect(StorageGuard.compare(c.before, c.before)).toEqual([]);
  });
});

describe('snapshot-removed: whose policy decides', () => {
  const content = (deletionPolicy: string) => ({
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshotContent',
    metadata: { name: 'imported' },
    spec: { deletionPolicy, driver: 'ebs.csi.aws.com', source: { snapshotHandle: 'snap-0123' }, volumeSnapshotRef: { name: 'before-upgrade', namespace: 'prod' } },
  });
  const removal = (before: object[]) => StorageGuard.compare(before, before.filter((m: any) => m.kind !== 'VolumeSnapshot')).filter(f => f.ruleId === 'snapshot-removed');

  test('a class that is not in the manifests: a warning, since most classes say Delete', () => {
    expect(removal([snapshot({ persistentVolumeClaimName: 'data-db-0' })]).map(f => f.severity)).toEqual(['warning']);
  });

  test('a pre-provisioned snapshot follows its content: Retain keeps the backup, Delete loses it', () => {
    expect(removal([snapshot({ volumeSnapshotContentName: 'imported' }, 'unused'), content('Retain')])).toEqual([]);
    expect(removal([snapshot({ volumeSnapshotContentName: 'imported' }, 'unused'), content('Delete')]).map(f => f.severity)).toEqual(['data-loss']);
  });
});
