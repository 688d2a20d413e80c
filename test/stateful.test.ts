import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { AccessMode, ClaimRetention, PodVolume, StatefulStore, StatefulStoreProps, StorageClass, StoreUpdateStrategy, VolumeMode } from '../src';
import { find, newChart, synthValid } from './helpers/manifests';

const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });
const www = () => standard.claimTemplate('www', { storage: Size.gibibytes(1) });

function webStore(chart = newChart(), props: Partial<StatefulStoreProps> = {}) {
  const store = new StatefulStore(chart, 'web', {
    image: 'registry.k8s.io/nginx-slim:0.8',
    replicas: 3,
    port: 80,
    terminationGracePeriod: Duration.seconds(10),
    volumes: [{ mountPath: '/usr/share/nginx/html', claim: www() }],
    ...props,
  });
  return { chart, store };
}

describe('StatefulStore, the web example of the Kubernetes StatefulSet tutorial', () => {
  const { chart, store } = webStore();
  const manifests = synthValid(chart);
  const service = find(manifests, 'Service');
  const sts = find(manifests, 'StatefulSet');
  const pod = sts.spec.template;

  test('synthesizes a headless Service and a StatefulSet, in that order', () => {
    expect(manifests.map(m => m.kind)).toEqual(['Service', 'StatefulSet']);
    expect(manifests).toMatchSnapshot();
  });

  test('the Service is headless, names the port after the container port, and selects the pods', () => {
    expect(service.metadata.name).toBe('web');
    expect(service.spec.clusterIP).toBe('None');
    expect(service.spec.ports).toEqual([{ name: 'port-80', port: 80, targetPort: 'port-80', protocol: 'TCP' }]);
    expect(pod.spec.containers[0].ports).toEqual([{ name: 'port-80', containerPort: 80, protocol: 'TCP' }]);
    expect(service.spec.selector).toEqual({ 'app.kubernetes.io/name': 'web' });
    expect(pod.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.publishNotReadyAddresses).toBeUndefined();
  });

  test('the StatefulSet names the Service and matches its template labels', () => {
    expect(sts.metadata.name).toBe('web');
    expect(sts.spec.serviceName).toBe(service.metadata.name);
    expect(sts.spec.replicas).toBe(3);
    expect(pod.spec.terminationGracePeriodSeconds).toBe(10);
    expect(sts.spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'web' } });
    expect(pod.metadata.labels).toMatchObject(sts.spec.selector.matchLabels);
  });

  test('the claim template is a full PersistentVolumeClaim, mounted by name', () => {
    expect(sts.spec.volumeClaimTemplates).toEqual([{
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
        resources: { requests: { storage: '1Gi' } },
      },
    }]);
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: 'www', mountPath: '/usr/share/nginx/html' }]);
    expect(pod.spec.volumes).toBeUndefined();
  });

  test('immutable and data-keeping fields are stated explicitly', () => {
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(sts.spec.podManagementPolicy).toBe('OrderedReady');
    expect(sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
  });

  test('nothing is added behind the user\'s back', () => {
    expect(Object.keys(pod.spec.containers[0]).sort()).toEqual(['image', 'name', 'ports', 'volumeMounts']);
    expect(Object.keys(pod.spec).sort()).toEqual(['containers', 'terminationGracePeriodSeconds']);
  });

  test('exposes names and the PVC names the controller will create', () => {
    expect([store.name, store.serviceName, store.containerName, store.replicas]).toEqual(['web', 'web', 'web', 3]);
    expect(store.claimTemplates.map(t => t.name)).toEqual(['www']);
    expect(store.claimName(store.claimTemplates[0], 2)).toBe('www-web-2');
  });
});

describe('StatefulStore, custom settings', () => {
  const chart = newChart('db');
  const data = standard.claimTemplate('data', { storage: Size.gibibytes(20) });
  const raw = StorageClass.fromStorageClassName('raw-block', { accessModes: [AccessMode.READ_WRITE_ONCE], volumeModes: [VolumeMode.BLOCK] });
  const wal = raw.claimTemplate('wal', { storage: Size.mebibytes(512), volumeMode: VolumeMode.BLOCK });
  const config = PodVolume.configMap('config', 'db-config', { items: { 'db.conf': 'db.conf' }, defaultMode: 0o444 });
  const store = new StatefulStore(chart, 'Database', {
    name: 'db',
    serviceName: 'db-peers',
    containerName: 'db',
    image: 'postgres:16',
    command: ['postgres'],
    args: ['-c', 'config_file=/etc/db/db.conf'],
    env: {
      PGDATA: kplus.EnvValue.fromValue('/var/lib/postgresql/data/pgdata'),
      POSTGRES_PASSWORD: kplus.EnvValue.fromSecretValue({ secret: kplus.Secret.fromSecretName(chart, 'pw', 'db-password'), key: 'password' }),
    },
    ports: [{ number: 5432, name: 'postgres' }, { number: 5433, protocol: kplus.Protocol.UDP }],
    replicas: 5,
    podManagementPolicy: kplus.PodManagementPolicy.PARALLEL,
    updateStrategy: StoreUpdateStrategy.rollingUpdate({ partition: 2 }),
    claimRetentionWhenDeleted: ClaimRetention.DELETE,
    claimRetentionWhenScaled: ClaimRetention.RETAIN,
    publishNotReadyAddresses: true,
    ordinalsStart: 1,
    minReadySeconds: 5,
    podLabels: { tier: 'data' },
    podAnnotations: { 'prometheus.io/scrape': 'true' },
    serviceAccountName: 'db',
    podSecurityContext: { fsGroup: 999 },
    resources: { requests: { memory: k8s.Quantity.fromString('1Gi') } },
    readinessProbe: { exec: { command: ['pg_isready'] } },
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    volumes: [
      { mountPath: '/var/lib/postgresql/data', claim: data },
      { mountPath: '/dev/wal', claim: wal },
      { mountPath: '/etc/db', volume: config, readOnly: true },
    ],
    sidecars: [{
      name: 'exporter',
      image: 'prometheuscommunity/postgres-exporter:v0.15.0',
      port: 9187,
      volumes: [
        { mountPath: '/data', claim: data, readOnly: true, subPath: 'pgdata' },
        { mountPath: '/etc/db', volume: config, readOnly: true },
      ],
    }],
  });
  store.addVolume({ mountPath: '/scratch', volume: PodVolume.emptyDir('scratch', { medium: kplus.EmptyDirMedium.MEMORY, sizeLimit: Size.mebibytes(64) }) });
  store.addSidecar({ name: 'tls', image: 'busybox', volumes: [{ mountPath: '/tls', volume: PodVolume.secret('tls', 'db-tls') }] });
  const manifests = synthValid(chart);
  const sts = find(manifests, 'StatefulSet');
  const spec = sts.spec.template.spec;

  test('snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('the StatefulSet settings are rendered as asked', () => {
    expect(sts.metadata).toEqual({ name: 'db', namespace: 'db' });
    expect(sts.spec).toMatchObject({
      serviceName: 'db-peers',
      replicas: 5,
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
      ordinals: { start: 1 },
      minReadySeconds: 5,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'db' } },
    });
    expect(sts.spec.template.metadata).toEqual({
      labels: { 'tier': 'data', 'app.kubernetes.io/name': 'db' },
      annotations: { 'prometheus.io/scrape': 'true' },
    });
    expect(spec.serviceAccountName).toBe('db');
    expect(spec.securityContext).toEqual({ fsGroup: 999 });
  });

  test('the Service publishes every port of every container, and not-ready peers', () => {
    expect(find(manifests, 'Service').metadata.name).toBe('db-peers');
    expect(find(manifests, 'Service').spec).toEqual({
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: { 'app.kubernetes.io/name': 'db' },
      ports: [
        { name: 'postgres', port: 5432, targetPort: 'postgres', protocol: 'TCP' },
        { name: 'udp-5433', port: 5433, targetPort: 'udp-5433', protocol: 'UDP' },
        { name: 'port-9187', port: 9187, targetPort: 'port-9187', protocol: 'TCP' },
      ],
    });
  });

  test('the main container carries its command, environment and typed Kubernetes structs unchanged', () => {
    const db = spec.containers[0];
    expect(db).toMatchObject({
      name: 'db',
      image: 'postgres:16',
      imagePullPolicy: 'IfNotPresent',
      command: ['postgres'],
      args: ['-c', 'config_file=/etc/db/db.conf'],
      env: [
        { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
        { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-password', key: 'password' } } },
      ],
      resources: { requests: { memory: '1Gi' } },
      readinessProbe: { exec: { command: ['pg_isready'] } },
    });
  });

  test('a Block template is a device, Filesystem templates and pod volumes are mounts', () => {
    expect(spec.containers[0].volumeDevices).toEqual([{ name: 'wal', devicePath: '/dev/wal' }]);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'data', mountPath: '/var/lib/postgresql/data' },
      { name: 'config', mountPath: '/etc/db', readOnly: true },
      { name: 'scratch', mountPath: '/scratch' },
    ]);
    expect(spec.containers[1]).toEqual({
      name: 'exporter',
      image: 'prometheuscommunity/postgres-exporter:v0.15.0',
      ports: [{ name: 'port-9187', containerPort: 9187, protocol: 'TCP' }],
      volumeMounts: [
        { name: 'data', mountPath: '/data', readOnly: true, subPath: 'pgdata' },
        { name: 'config', mountPath: '/etc/db', readOnly: true },
      ],
    });
    expect(spec.containers[2].volumeMounts).toEqual([{ name: 'tls', mountPath: '/tls' }]);
  });

  test('every pod volume is in the pod spec once, including those added later; every template once', () => {
    expect(spec.volumes).toEqual([
      { name: 'config', configMap: { name: 'db-config', items: [{ key: 'db.conf', path: 'db.conf' }], defaultMode: 0o444 } },
      { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      { name: 'tls', secret: { secretName: 'db-tls' } },
    ]);
    expect(sts.spec.volumeClaimTemplates.map((t: any) => [t.metadata.name, t.spec.volumeMode, t.spec.resources.requests.storage]))
      .toEqual([['data', 'Filesystem', '20Gi'], ['wal', 'Block', '512Mi']]);
  });

  test('no Secret data is synthesized', () => {
    expect(manifests.filter(m => m.kind === 'Secret')).toEqual([]);
  });
});

describe('StatefulStore, escape hatches', () => {
  test('the raw objects are reachable and patchable', () => {
    const { chart, store } = webStore();
    store.statefulSet.addJsonPatch(JsonPatch.add('/spec/template/spec/nodeSelector', { disk: 'ssd' }));
    ApiObject.of(store.service).metadata.addLabel('team', 'web');
    const manifests = synthValid(chart);
    expect(find(manifests, 'StatefulSet').spec.template.spec.nodeSelector).toEqual({ disk: 'ssd' });
    expect(find(manifests, 'Service').metadata.labels).toEqual({ team: 'web' });
  });

  test('PodVolume.fromKube takes any volume source', () => {
    const { chart } = webStore(newChart(), {
      volumes: [
        { mountPath: '/usr/share/nginx/html', claim: www() },
        { mountPath: '/host', volume: PodVolume.fromKube({ name: 'host', hostPath: { path: '/var/log', type: 'Directory' } }), readOnly: true },
      ],
    });
    expect(find(synthValid(chart), 'StatefulSet').spec.template.spec.volumes).toEqual([{ name: 'host', hostPath: { path: '/var/log', type: 'Directory' } }]);
  });

  test('OnDelete updates', () => {
    const { chart } = webStore(newChart(), { updateStrategy: StoreUpdateStrategy.onDelete() });
    expect(find(synthValid(chart), 'StatefulSet').spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  test('a second StatefulStore with the same template object and a store without ports', () => {
    const chart = newChart();
    const shared = www();
    new StatefulStore(chart, 'a', { image: 'busybox', volumes: [{ mountPath: '/d', claim: shared }] });
    new StatefulStore(chart, 'b', { image: 'busybox', volumes: [{ mountPath: '/d', claim: shared }] });
    const manifests = synthValid(chart);
    expect(find(manifests, 'Service', 'b').spec.ports).toBeUndefined();
    expect(find(manifests, 'StatefulSet', 'b').spec.replicas).toBe(1);
  });
});

describe('StatefulStore rejects what the cluster would refuse or never run', () => {
  const where = /^test\/web \(StatefulStore\): /;
  test.each<[string, Partial<StatefulStoreProps>, RegExp]>([
    ['a name over 52 characters', { name: 'a'.repeat(53) }, /invalid name "a{53}". Allowed: a DNS-1123 label of at most 52 characters \(longer StatefulSet names make the controller-revision-hash label exceed 63 characters.* Fix: pass a `name` of at most 52/],
    ['an invalid name', { name: 'Web' }, /invalid name "Web"/],
    ['a Service name that starts with a digit', { name: '1web' }, /invalid serviceName "1web". Allowed: a DNS-1035 label.* Fix: pass a `serviceName` that starts with a letter/],
    ['zero replicas', { replicas: 0 }, /invalid replicas 0. Allowed: an integer from 1 to 2147483647 \(apps\/v1 holds it as an int32\). Fix: set replicas to 1 or more/],
    ['negative replicas', { replicas: -2 }, /invalid replicas -2/],
    ['fractional replicas', { replicas: 1.5 }, /invalid replicas 1.5/],
    ['a negative first ordinal', { ordinalsStart: -1 }, /invalid ordinalsStart -1/],
    ['negative minReadySeconds', { minReadySeconds: -1 }, /invalid minReadySeconds -1/],
    ['a fractional grace period', { terminationGracePeriod: Duration.millis(1500) }, /invalid terminationGracePeriod "1.5s". Allowed: a whole number of seconds/],
    ['a mount path used twice', {
      volumes: [{ mountPath: '/data', claim: www() }, { mountPath: '/data', volume: PodVolume.emptyDir('tmp') }],
    }, /invalid volumes of container "web" "\/data". Allowed: each mountPath once per container/],
    ['two templates with one name', {
      volumes: [{ mountPath: '/a', claim: www() }, { mountPath: '/b', claim: www() }],
    }, /invalid volumes of container "web" "www". Allowed: one claim template per name. Fix: give the templates distinct names/],
    ['a relative mount path', { volumes: [{ mountPath: 'data', claim: www() }] }, /invalid volumes of container "web" "data". Allowed: an absolute mountPath. Fix: write an absolute path such as "\/data"$/],
    ['a mount path that climbs out', { volumes: [{ mountPath: '../x', claim: www() }] }, /invalid volumes of container "web" "..\/x". Allowed: an absolute mountPath. Fix: write an absolute path such as "\/x"$/],
    ['a mount with both a claim and a volume', {
      volumes: [{ mountPath: '/a', claim: www(), volume: PodVolume.emptyDir('tmp') }],
    }, /Allowed: exactly one of claim \(per-replica storage\) or volume \(a pod volume\)/],
    ['a mount with neither', { volumes: [{ mountPath: '/a' }] }, /Allowed: exactly one of claim/],
    ['a pod volume named like a template', {
      volumes: [{ mountPath: '/a', claim: www() }, { mountPath: '/b', volume: PodVolume.emptyDir('www') }],
    }, /invalid volumes of container "web" "www". Allowed: one volume per name in the pod/],
    ['a template named like a pod volume', {
      volumes: [{ mountPath: '/b', volume: PodVolume.emptyDir('www') }, { mountPath: '/a', claim: www() }],
    }, /invalid volumes of container "web" "www". Allowed: a template name that no pod volume uses/],
    ['two pod volumes with one name', {
      volumes: [{ mountPath: '/a', volume: PodVolume.emptyDir('tmp') }, { mountPath: '/b', volume: PodVolume.emptyDir('tmp') }],
    }, /Allowed: one volume per name in the pod/],
    ['a read-only Block device', {
      volumes: [{
        mountPath: '/dev/x',
        readOnly: true,
        claim: StorageClass.fromStorageClassName('raw', { accessModes: [AccessMode.READ_WRITE_ONCE], volumeModes: [VolumeMode.BLOCK] })
          .claimTemplate('x', { storage: Size.gibibytes(1), volumeMode: VolumeMode.BLOCK }),
      }],
    }, /invalid volumes of container "web" "\/dev\/x". Allowed: a Block device without readOnly or subPath/],
    ['port 0', { port: 0 }, /invalid ports of container "web" 0. Allowed: an integer port number from 1 to 65535/],
    ['port 70000', { port: 70000 }, /invalid ports of container "web" 70000/],
    ['a port twice', { port: 80, ports: [{ number: 80, name: 'http' }] }, /invalid ports of container "web" "http \(80\/TCP\)". Allowed: each port name, and each number and protocol, once in the pod/],
    ['a port name twice', { port: 80, ports: [{ number: 81, name: 'port-80' }] }, /invalid ports of container "web" "port-80 \(81\/TCP\)"/],
    ['a bad port name', { ports: [{ number: 81, name: 'HTTP_alt' }] }, /invalid ports of container "web" "HTTP_alt". Allowed: a port name of at most 15/],
    ['a port name without a letter', { ports: [{ number: 81, name: '8080' }] }, /invalid ports of container "web" "8080"/],
    ['an empty image', { image: '' }, /invalid image of container "web" "". Allowed: a non-empty image reference/],
    ['a sidecar named like the main container', { sidecars: [{ name: 'web', image: 'busybox' }] }, /invalid container name "web". Allowed: a name no other container of the pod has/],
    ['a bad sidecar name', { sidecars: [{ name: 'Side_car', image: 'busybox' }] }, /invalid container name "Side_car". Allowed: a DNS-1123 label/],
    ['pod labels that contradict the selector', { podLabels: { 'app.kubernetes.io/name': 'other' } }, /invalid podLabels\["app.kubernetes.io\/name"\] "other". Allowed: the selector's value "web"/],
  ])('%s', (_, props, message) => {
    expect(() => webStore(newChart(), props)).toThrow(where);
    expect(() => webStore(newChart(), props)).toThrow(message);
  });

  test('a second StatefulSet or Service with the same name', () => {
    const { chart } = webStore();
    expect(() => new StatefulStore(chart, 'web2', { name: 'web', image: 'busybox' })).toThrow(/^test\/web2 \(StatefulStore\): invalid name "web". Allowed: a StatefulSet name with no namespace \(its chart sets none\) that no other construct of the app uses, and test\/web already uses it. Fix: pass a distinct name/);
    expect(() => new StatefulStore(chart, 'web3', { serviceName: 'web', image: 'busybox' })).toThrow(
      'test/web3 (StatefulStore): invalid serviceName "web". Allowed: a Service name with no namespace (its chart sets none) that no other construct of the app uses, and test/web already uses it. '
      + 'Fix: give one of them another serviceName (it defaults to the StatefulSet name); '
      + "or, if they belong in different namespaces, give each chart its own (`new Chart(app, 'id', { namespace: 'team-a' })`): a name is unique per kind and namespace",
    );
  });

  test('later additions are checked too', () => {
    const { store } = webStore();
    expect(() => store.addVolume({ mountPath: '/usr/share/nginx/html', volume: PodVolume.emptyDir('tmp') })).toThrow(/each mountPath once per container/);
    expect(() => store.addSidecar({ name: 'web', image: 'busybox' })).toThrow(/a name no other container of the pod has/);
  });

  test.each<[string, () => unknown, RegExp]>([
    ['a negative partition', () => StoreUpdateStrategy.rollingUpdate({ partition: -1 }), /^StoreUpdateStrategy.rollingUpdate\(\): invalid partition -1. Allowed: an integer of at least 0/],
    ['a bad defaultMode', () => PodVolume.secret('s', 'sec', { defaultMode: 0o1000 }), /^PodVolume.secret\("s"\): invalid defaultMode 512. Allowed: an integer from 0 to 0o777/],
    ['a bad volume name', () => PodVolume.emptyDir('Tmp'), /^PodVolume.emptyDir\("Tmp"\): invalid name "Tmp"/],
    ['a bad ConfigMap name', () => PodVolume.configMap('c', 'My_Config'), /^PodVolume.configMap\("c"\): invalid configMapName "My_Config"/],
    ['a bad Secret name', () => PodVolume.secret('s', 'My_Secret'), /^PodVolume.secret\("s"\): invalid secretName "My_Secret"/],
    ['a zero emptyDir limit', () => PodVolume.emptyDir('t', { sizeLimit: Size.mebibytes(0) }), /^PodVolume.emptyDir\("t"\): invalid sizeLimit "0Mi"/],
  ])('value types reject %s', (_, make, message) => {
    expect(make).toThrow(message);
  });
});
