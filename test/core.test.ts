import { Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AccessMode, PruneProtection, ReclaimPolicy, StatefulStore, StorageClass, StorageDefaults, StorageErrors, VolumeBindingMode, VolumeMode } from '../src';
import { find, newChart, synthAppValid, synthValid, PRUNE_PROTECTED } from './helpers/manifests';
import { renderAccessModes } from '../src/core/access-mode';
import { StorageValidationError } from '../src/core/errors';
import { NameRule, isValidName, nameFromId } from '../src/core/names';
import { renderSize, sizeInBytes } from '../src/core/quantity';

const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });

describe('sizes render as the exact quantity asked for', () => {
  test.each([
    ['512Mi', Size.mebibytes(512)],
    ['2Gi', Size.gibibytes(2)],
    ['1024Mi', Size.mebibytes(1024)],
    ['1Ki', Size.kibibytes(1)],
    ['1Ti', Size.tebibytes(1)],
    ['3Pi', Size.pebibyte(3)],
  ])('%s is written as it was asked for', (expected, size) => {
    expect(renderSize(size, 'here', 'storage')).toBe(expected);
  });

  test.each([
    ['1536Mi', Size.gibibytes(1.5)],
    ['512Ki', Size.mebibytes(0.5)],
    ['512', Size.kibibytes(0.5)],
  ])('a fractional size is written %s, a whole amount of a smaller unit', (expected, size) => {
    expect(renderSize(size, 'here', 'storage')).toBe(expected);
  });

  test.each([
    ['zero', Size.gibibytes(0), '"0Gi"'],
    ['a fraction of a byte', Size.kibibytes(0.3), '"0.3Ki"'],
    ['more than 2^63-1 bytes', Size.pebibyte(8192), '"8192Pi"'],
    ['an exponent', Size.gibibytes(1e21), '"1e\\+21Gi"'],
  ])('%s is rejected, naming where, the prop, the value and the fix', (_, size, value) => {
    expect(() => renderSize(size, 'web/data (VolumeClaim)', 'storage')).toThrow(
      new RegExp(`^web/data \\(VolumeClaim\\): invalid storage ${value}\\. Allowed: a positive size .* Fix: use a positive Size`),
    );
  });

  test('negative sizes never reach us: cdk8s refuses them', () => {
    expect(() => Size.gibibytes(-1)).toThrow(/cannot be negative/);
  });

  test('byte counts are exact, for comparing sizes', () => {
    expect(sizeInBytes(Size.gibibytes(1.5), 'here', 'storage')).toBe(1536n * 1024n * 1024n);
    expect(sizeInBytes(Size.tebibytes(1), 'here', 'storage')).toBe(1024n ** 4n);
  });
});

describe('names', () => {
  test.each([
    [NameRule.DNS_SUBDOMAIN, 'local-storage.example.com', true],
    [NameRule.DNS_SUBDOMAIN, 'a'.repeat(253), true],
    [NameRule.DNS_SUBDOMAIN, 'a'.repeat(254), false],
    [NameRule.DNS_SUBDOMAIN, 'Data', false],
    [NameRule.DNS_SUBDOMAIN, '-data', false],
    [NameRule.DNS_LABEL, 'www', true],
    [NameRule.DNS_LABEL, 'a.b', false],
    [NameRule.DNS_LABEL, 'a'.repeat(64), false],
    [NameRule.DNS_1035_LABEL, 'web', true],
    [NameRule.DNS_1035_LABEL, '1web', false],
    [NameRule.STATEFULSET, 'a'.repeat(52), true],
    [NameRule.STATEFULSET, 'a'.repeat(53), false],
  ])('rule %s: %s is valid: %s', (rule, name, valid) => {
    expect(isValidName(name, rule)).toBe(valid);
  });

  test('default names depend on the construct id only', () => {
    expect(nameFromId('Data')).toBe('data');
    expect(nameFromId('my_data volume')).toBe('my-data-volume');
    expect(nameFromId('--x--')).toBe('x');
  });

  test('a claim keeps its name when it moves in the construct tree', () => {
    const chart = newChart();
    const nested = new kplus.Pod(chart, 'app', { containers: [{ image: 'busybox' }] });
    const claim = standard.claim(nested, 'data', { storage: Size.gibibytes(1) });
    expect(claim.name).toBe('data');
    expect(find(synthValid(chart), 'PersistentVolumeClaim').metadata.name).toBe('data');
  });

  test('two objects of one kind and name in one namespace are rejected', () => {
    const chart = newChart('prod');
    standard.claim(chart, 'data', { storage: Size.gibibytes(1) });
    const other = new kplus.Pod(chart, 'app', { containers: [{ image: 'busybox' }] });
    expect(() => standard.claim(other, 'data', { storage: Size.gibibytes(1) })).toThrow(
      'test/app/data (VolumeClaim): invalid name "data". Allowed: a PersistentVolumeClaim name in namespace "prod" that no other construct of the app uses, and test/data already uses it. ' +
      'Fix: pass a distinct name (it defaults to the construct id); or move one of them to a chart with another namespace: ' +
      'a name is unique per kind and namespace',
    );
  });

  test('two charts without a namespace, each with a claim "data": the fix offers names and namespaces', () => {
    const app = Testing.app();
    standard.claim(new Chart(app, 'team-a'), 'data', { storage: Size.gibibytes(1) });
    expect(() => standard.claim(new Chart(app, 'team-b'), 'data', { storage: Size.gibibytes(1) })).toThrow(
      'team-b/data (VolumeClaim): invalid name "data". Allowed: a PersistentVolumeClaim name with no namespace (its chart sets none) that no other construct of the app uses, '
      + 'and team-a/data already uses it. Fix: pass a distinct name (it defaults to the construct id); ' +
      "or, if they belong in different namespaces, give each chart its own (`new Chart(app, 'id', { namespace: 'team-a' })`): " +
      'a name is unique per kind and namespace',
    );
  });

  test('the same two charts with a namespace each synthesize both claims', () => {
    const app = Testing.app();
    standard.claim(new Chart(app, 'team-a', { namespace: 'team-a' }), 'data', { storage: Size.gibibytes(1) });
    standard.claim(new Chart(app, 'team-b', { namespace: 'team-b' }), 'data', { storage: Size.gibibytes(1) });
    const claims = synthAppValid(app).filter(m => m.kind === 'PersistentVolumeClaim').map(m => m.metadata);
    expect(claims.map(m => [m.namespace, m.name])).toEqual([['team-a', 'data'], ['team-b', 'data']]);
  });

  test('a chart without a namespace and one with a namespace do not clash', () => {
    const app = Testing.app();
    standard.claim(new Chart(app, 'plain'), 'data', { storage: Size.gibibytes(1) });
    expect(standard.claim(new Chart(app, 'prod', { namespace: 'prod' }), 'data', { storage: Size.gibibytes(1) }).name).toBe('data');
  });

  test('a cluster-scoped object clashes across namespaces, and the fix does not offer one', () => {
    const app = Testing.app();
    new StorageClass(new Chart(app, 'a', { namespace: 'a' }), 'fast', { accessModes: [AccessMode.READ_WRITE_ONCE], provisioner: 'ebs.csi.aws.com' });
    expect(() => new StorageClass(new Chart(app, 'b', { namespace: 'b' }), 'fast', { accessModes: [AccessMode.READ_WRITE_ONCE], provisioner: 'ebs.csi.aws.com' }))
      .toThrow('b/fast (StorageClass): invalid storageClassName "fast". Allowed: a StorageClass name (a cluster holds one StorageClass per name) that no other construct of the app uses, '
        + 'and a/fast already uses it. Fix: pass a distinct storageClassName (it defaults to the construct id)');
  });

  test('the same name in two namespaces is fine', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a', { namespace: 'a' });
    const b = new Chart(app, 'b', { namespace: 'b' });
    expect(standard.claim(a, 'data', { storage: Size.gibibytes(1) }).name).toBe('data');
    expect(standard.claim(b, 'data', { storage: Size.gibibytes(1) }).name).toBe('data');
  });

  test('an id that yields no valid name asks for an explicit name', () => {
    expect(() => standard.claim(newChart(), '---', { storage: Size.gibibytes(1) })).toThrow(
      /^test\/--- \(VolumeClaim\): invalid name "". Allowed: a DNS-1123 subdomain.* Fix: set name to a valid name$/,
    );
  });
});

describe('access modes', () => {
  test('the Kubernetes strings come from one mapping', () => {
    expect(renderAccessModes([AccessMode.READ_WRITE_MANY, AccessMode.READ_ONLY_MANY], 'w', 'accessModes'))
      .toEqual(['ReadWriteMany', 'ReadOnlyMany']);
  });

  test('ReadWriteOncePod is never combined with another mode', () => {
    expect(() => renderAccessModes([AccessMode.READ_WRITE_ONCE_POD, AccessMode.READ_WRITE_ONCE], 'w', 'accessModes'))
      .toThrow(/^w: invalid accessModes \["ReadWriteOncePod","ReadWriteOnce"\]. Allowed: ReadWriteOncePod alone.* Fix: ask for ReadWriteOncePod on its own$/);
  });

  test('a plain string smuggled past the types (JavaScript) is rejected', () => {
    expect(() => renderAccessModes(['ReadWriteAll'], 'w', 'accessModes')).toThrow(/invalid accessModes \["ReadWriteAll"\].*not strings/);
    expect(() => renderAccessModes([], 'w', 'accessModes')).toThrow(/invalid accessModes \[\]/);
  });
});

describe('errors', () => {
  test('every validation error is a StorageValidationError, recognisable from any jsii language', () => {
    let caught: unknown;
    try {
      standard.claim(newChart(), 'x', { storage: Size.gibibytes(0) });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(StorageValidationError);
    expect(StorageErrors.isStorageValidationError(caught)).toBe(true);
    expect(StorageErrors.isStorageValidationError(new Error('x'))).toBe(false);
    expect(StorageErrors.isStorageValidationError(undefined)).toBe(false);
    expect((caught as Error).name).toBe('StorageValidationError');
  });
});

describe('StorageClass', () => {
  test('defaults keep data and bind where the pod lands', () => {
    const chart = newChart('apps');
    new StorageClass(chart, 'fast', { accessModes: [AccessMode.READ_WRITE_ONCE], provisioner: 'ebs.csi.aws.com' });
    const sc = find(synthValid(chart), 'StorageClass');
    expect(sc).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'fast', annotations: PRUNE_PROTECTED },
      provisioner: 'ebs.csi.aws.com',
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: false,
    });
  });

  test('every field is typed and rendered', () => {
    const chart = newChart();
    const cls = new StorageClass(chart, 'gp3', {
      accessModes: [AccessMode.READ_WRITE_ONCE],
      storageClassName: 'gp3-encrypted',
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', encrypted: 'true' },
      reclaimPolicy: ReclaimPolicy.DELETE,
      volumeBindingMode: VolumeBindingMode.IMMEDIATE,
      allowVolumeExpansion: true,
      mountOptions: ['noatime'],
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['eu-west-1a', 'eu-west-1b'] }] }],
    });
    expect(cls.storageClassName).toBe('gp3-encrypted');
    const sc = synthValid(chart);
    expect(sc).toMatchSnapshot();
    expect(find(sc, 'StorageClass')).toMatchObject({
      parameters: { type: 'gp3', encrypted: 'true' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
      allowVolumeExpansion: true,
      mountOptions: ['noatime'],
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['eu-west-1a', 'eu-west-1b'] }] }],
    });
  });

  test.each([
    ['provisioner', { provisioner: 'not a driver!' }, /invalid provisioner "not a driver!". Allowed: a qualified name/],
    ['parameters', { provisioner: 'p.io', parameters: { '': 'x' } }, /invalid parameters "1 entries, 1 bytes, an empty key". Allowed: at most 512 entries/],
    ['parameters', { provisioner: 'p.io', parameters: Object.fromEntries([...Array(513).keys()].map(i => [`k${i}`, 'v'])) }, /invalid parameters "513 entries/],
    ['parameters', { provisioner: 'p.io', parameters: { big: 'x'.repeat(256 * 1024) } }, /invalid parameters "1 entries, 262147 bytes"/],
    ['mountOptions', { provisioner: 'p.io', mountOptions: ['hard', ' '] }, /invalid mountOptions \["hard"," "\]. Allowed: non-empty options/],
    ['allowedTopologies', { provisioner: 'p.io', allowedTopologies: [{ matchLabelExpressions: [{ key: 'zone', values: [] }] }] }, /invalid allowedTopologies .* Fix: give every requirement a key and values/],
    ['allowedTopologies', {
      provisioner: 'p.io',
      allowedTopologies: [
        { matchLabelExpressions: [{ key: 'zone', values: ['a'] }] },
        { matchLabelExpressions: [{ key: 'zone', values: ['a'] }] },
      ],
    }, /Fix: remove the duplicate term/],
    ['storageClassName', { provisioner: 'p.io', storageClassName: 'Fast' }, /^test\/sc \(StorageClass\): invalid storageClassName "Fast". Allowed: a DNS-1123 subdomain/],
    ['accessModes', { provisioner: 'p.io', accessModes: [] }, /^test\/sc \(StorageClass\): invalid accessModes \[\]. Allowed: one or more of ReadWriteOnce/],
  ])('rejects a bad %s', (_, props, message) => {
    expect(() => new StorageClass(newChart(), 'sc', { accessModes: [AccessMode.READ_WRITE_ONCE], ...props } as any)).toThrow(message);
  });
});

describe('StorageClass mints claims on the modes declared for it', () => {
  test('the first declared access mode is the default; an undeclared mode is refused naming the class', () => {
    const chart = newChart();
    const cephfs = new StorageClass(chart, 'cephfs', {
      provisioner: 'cephfs.csi.ceph.com', accessModes: [AccessMode.READ_WRITE_MANY, AccessMode.READ_ONLY_MANY],
    });
    cephfs.claim(chart, 'shared', { storage: Size.gibibytes(5) });
    const template = cephfs.claimTemplate('www', { storage: Size.gibibytes(1), accessMode: AccessMode.READ_ONLY_MANY });
    expect(template.accessMode).toBe('ReadOnlyMany');
    expect(find(synthValid(chart), 'PersistentVolumeClaim').spec).toEqual({
      storageClassName: 'cephfs', accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', resources: { requests: { storage: '5Gi' } },
    });
    expect(() => cephfs.claim(chart, 'raw', { storage: Size.gibibytes(1), volumeMode: VolumeMode.BLOCK })).toThrow(
      'test/raw (VolumeClaim) on test/cephfs (StorageClass): invalid volumeMode "Block". Allowed: the volumeModes declared for class "cephfs": Filesystem. '
      + 'Fix: ask for one of those, or add Block to the class\'s volumeModes if its driver really serves it');
  });
});

describe('StorageClass.fromStorageClassName', () => {
  test('a claim asks for a declared mode and renders the exact size', () => {
    const chart = newChart();
    const claim = standard.claim(chart, 'data', { storage: Size.mebibytes(512) });
    expect(find(synthValid(chart), 'PersistentVolumeClaim')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', annotations: PRUNE_PROTECTED },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '512Mi' } },
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
      },
    });
    expect([claim.name, claim.accessMode, claim.storageClassName, claim.volumeMode]).toEqual(['data', 'ReadWriteOnce', 'standard', 'Filesystem']);
  });

  test('custom: explicit name, another declared mode, Block', () => {
    const chart = newChart();
    const shared = StorageClass.fromStorageClassName('cephfs', {
      accessModes: [AccessMode.READ_WRITE_MANY, AccessMode.READ_ONLY_MANY],
      volumeModes: [VolumeMode.FILESYSTEM, VolumeMode.BLOCK],
    });
    shared.claim(chart, 'media', { name: 'media-library', storage: Size.tebibytes(2), accessMode: AccessMode.READ_ONLY_MANY, volumeMode: VolumeMode.BLOCK });
    const manifests = synthValid(chart);
    expect(manifests).toMatchSnapshot();
    expect(find(manifests, 'PersistentVolumeClaim').spec).toMatchObject({
      accessModes: ['ReadOnlyMany'], volumeMode: 'Block', storageClassName: 'cephfs', resources: { requests: { storage: '2Ti' } },
    });
    expect(find(manifests, 'PersistentVolumeClaim').metadata.name).toBe('media-library');
  });

  test('a mode the class was not declared with is rejected at construction', () => {
    expect(() => standard.claim(newChart(), 'data', { storage: Size.gibibytes(1), accessMode: AccessMode.READ_WRITE_MANY })).toThrow(
      'test/data (VolumeClaim) on StorageClass.fromStorageClassName("standard"): invalid accessMode "ReadWriteMany". ' +
      'Allowed: the accessModes declared for class "standard": ReadWriteOnce. ' +
      'Fix: ask for one of those, or add ReadWriteMany to the class\'s accessModes if its driver really serves it',
    );
    expect(() => standard.claimTemplate('www', { storage: Size.gibibytes(1), volumeMode: VolumeMode.BLOCK })).toThrow(
      /^claim template "www" on StorageClass.fromStorageClassName\("standard"\): invalid volumeMode "Block". Allowed: the volumeModes declared for class "standard": Filesystem/,
    );
  });

  test('a class may serve ReadWriteOncePod beside other modes; each claim asks for one', () => {
    const rwop = StorageClass.fromStorageClassName('gp3', { accessModes: [AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD] });
    expect(rwop.accessModes).toEqual(['ReadWriteOnce', 'ReadWriteOncePod']);
    expect(rwop.claimTemplate('data', { storage: Size.gibibytes(1), accessMode: AccessMode.READ_WRITE_ONCE_POD }).accessMode).toBe('ReadWriteOncePod');
  });

  test('the declaration itself is checked', () => {
    expect(() => StorageClass.fromStorageClassName('Standard', { accessModes: [AccessMode.READ_WRITE_ONCE] })).toThrow(/invalid storageClassName "Standard"/);
    expect(() => StorageClass.fromStorageClassName('standard', { accessModes: [] })).toThrow(/StorageClass.fromStorageClassName\("standard"\): invalid accessModes \[\]/);
    expect(() => StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE], volumeModes: [] })).toThrow(/invalid volumeModes \[\]. Allowed: at least one of Filesystem, Block/);
  });

  test('a template carries its request', () => {
    const tpl = standard.claimTemplate('www', { storage: Size.gibibytes(1) });
    expect([tpl.name, tpl.accessMode, tpl.storageClassName, tpl.volumeMode, tpl.storage.asString()]).toEqual(['www', 'ReadWriteOnce', 'standard', 'Filesystem', '1Gi']);
    expect(tpl._toKube()).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www' },
      spec: expect.objectContaining({ accessModes: ['ReadWriteOnce'], storageClassName: 'standard' }),
    });
  });

  test('a template name is a DNS label, since it names the pod volume and prefixes every PVC', () => {
    expect(() => standard.claimTemplate('Www_data', { storage: Size.gibibytes(1) })).toThrow(
      /^claim template "Www_data" on StorageClass.fromStorageClassName\("standard"\): invalid name "Www_data". Allowed: a DNS-1123 label.*PVC names <template>-<statefulset>-<ordinal>/,
    );
  });

  test('a bad size names the claim construct', () => {
    expect(() => standard.claim(newChart(), 'data', { storage: Size.gibibytes(0) })).toThrow(/^test\/data \(VolumeClaim\): invalid storage "0Gi"/);
  });
});

describe('claims are cdk8s-plus storage', () => {
  test('container.mount works and the pod names the claim', () => {
    const chart = newChart();
    const claim = standard.claim(chart, 'data', { storage: Size.gibibytes(5) });
    const pod = new kplus.Pod(chart, 'app', { containers: [{ image: 'busybox' }] });
    pod.containers[0].mount('/data', claim);
    const deployment = new kplus.Deployment(chart, 'web', { containers: [{ image: 'busybox' }] });
    deployment.containers[0].mount('/data', claim, { readOnly: true });
    const manifests = synthValid(chart);
    const spec = find(manifests, 'Pod').spec;
    expect(spec.volumes).toEqual([{ name: 'pvc-data', persistentVolumeClaim: { claimName: 'data', readOnly: false } }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ mountPath: '/data', name: 'pvc-data' }]);
    expect(find(manifests, 'Deployment').spec.template.spec.containers[0].volumeMounts[0]).toEqual({ mountPath: '/data', name: 'pvc-data', readOnly: true });
  });

  test('a Block claim cannot be mounted as a filesystem', () => {
    const chart = newChart();
    const raw = StorageClass.fromStorageClassName('raw', { accessModes: [AccessMode.READ_WRITE_ONCE], volumeModes: [VolumeMode.BLOCK] });
    const claim = raw.claim(chart, 'dev', { storage: Size.gibibytes(5), volumeMode: VolumeMode.BLOCK });
    const pod = new kplus.Pod(chart, 'app', { containers: [{ image: 'busybox' }] });
    expect(() => pod.containers[0].mount('/dev/xvda', claim)).toThrow(
      /^test\/dev \(VolumeClaim\): invalid volumeMode "Block". Allowed: Filesystem, for a claim mounted at a path. Fix: a Block claim is a raw device/,
    );
  });
});

describe('prune protection', () => {
  function everyStorageObject(protection?: PruneProtection) {
    const app = Testing.app();
    if (protection) StorageDefaults.setPruneProtection(app, protection);
    const chart = new Chart(app, 'c');
    new StorageClass(chart, 'fast', { accessModes: [AccessMode.READ_WRITE_ONCE], provisioner: 'ebs.csi.aws.com' });
    standard.claim(chart, 'data', { storage: Size.gibibytes(1) });
    new StatefulStore(chart, 'web', { image: 'nginx', volumes: [{ mountPath: '/d', claim: standard.claimTemplate('www', { storage: Size.gibibytes(1) }) }] });
    return synthValid(chart);
  }
  const storageKinds = ['StorageClass', 'PersistentVolumeClaim'];

  test('by default, Argo CD and Flux leave claims, PVs and classes alone', () => {
    const manifests = everyStorageObject();
    for (const m of manifests.filter(x => storageKinds.includes(x.kind))) {
      expect(m.metadata.annotations).toEqual({
        'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false',
        'kustomize.toolkit.fluxcd.io/prune': 'disabled',
      });
    }
    expect(find(manifests, 'StatefulSet').metadata.annotations).toBeUndefined();
    expect(find(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].metadata.annotations).toBeUndefined();
  });

  test('Helm keep as an option, and an opt-out', () => {
    const helm = everyStorageObject(PruneProtection.GITOPS_AND_HELM).filter(x => storageKinds.includes(x.kind));
    expect(helm.map(m => m.metadata.annotations['helm.sh/resource-policy'])).toEqual(['keep', 'keep']);
    const none = everyStorageObject(PruneProtection.NONE).filter(x => storageKinds.includes(x.kind));
    expect(none.map(m => m.metadata.annotations)).toEqual([undefined, undefined]);
  });

  test('never Replace=true, Force=true or a Flux force on anything', () => {
    const yaml = JSON.stringify(everyStorageObject(PruneProtection.GITOPS_AND_HELM));
    expect(yaml).not.toMatch(/Replace=true|Force=true|kustomize\.toolkit\.fluxcd\.io\/force/);
  });
});
