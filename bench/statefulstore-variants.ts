/**
 * The same objects (a headless Service and a 3-replica StatefulSet with one
 * volume claim template) written four ways, for the synthesis benchmark.
 */
import { ApiObject, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { Variant } from './harness';
import { AccessMode, StatefulStore, StorageClass } from 'cdk8s-storage';

const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });
const labels = (name: string) => ({ 'app.kubernetes.io/name': name });
const template = { metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } } };

function statefulStore(chart: Chart, i: number): void {
  new StatefulStore(chart, `web-${i}`, {
    image: 'registry.k8s.io/nginx-slim:0.8',
    replicas: 3,
    port: 80,
    terminationGracePeriod: Duration.seconds(10),
    volumes: [{ mountPath: '/usr/share/nginx/html', claim: standard.claimTemplate('www', { storage: Size.gibibytes(1) }) }],
  });
}

function rawApiObject(chart: Chart, i: number): void {
  const name = `web-${i}`;
  new ApiObject(chart, `${name}-svc`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { clusterIP: 'None', selector: labels(name), ports: [{ name: 'port-80', port: 80, targetPort: 'port-80', protocol: 'TCP' }] },
  });
  new ApiObject(chart, `${name}-sts`, {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      serviceName: name,
      replicas: 3,
      selector: { matchLabels: labels(name) },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate' },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      template: {
        metadata: { labels: labels(name) },
        spec: {
          terminationGracePeriodSeconds: 10,
          containers: [{
            name,
            image: 'registry.k8s.io/nginx-slim:0.8',
            ports: [{ name: 'port-80', containerPort: 80, protocol: 'TCP' }],
            volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
          }],
        },
      },
      volumeClaimTemplates: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...template }],
    },
  });
}

function typedKubeObjects(chart: Chart, i: number): void {
  const name = `web-${i}`;
  new k8s.KubeService(chart, `${name}-svc`, {
    metadata: { name },
    spec: { clusterIp: 'None', selector: labels(name), ports: [{ name: 'port-80', port: 80, targetPort: k8s.IntOrString.fromString('port-80'), protocol: 'TCP' }] },
  });
  new k8s.KubeStatefulSet(chart, `${name}-sts`, {
    metadata: { name },
    spec: {
      serviceName: name,
      replicas: 3,
      selector: { matchLabels: labels(name) },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate' },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      template: {
        metadata: { labels: labels(name) },
        spec: {
          terminationGracePeriodSeconds: 10,
          containers: [{
            name,
            image: 'registry.k8s.io/nginx-slim:0.8',
            ports: [{ name: 'port-80', containerPort: 80, protocol: 'TCP' }],
            volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
          }],
        },
      },
      volumeClaimTemplates: [{
        metadata: template.metadata,
        spec: { ...template.spec, resources: { requests: { storage: k8s.Quantity.fromString('1Gi') } } },
      }],
    },
  });
}

function cdk8sPlusStatefulSet(chart: Chart, i: number): void {
  const name = `web-${i}`;
  const sts = new kplus.StatefulSet(chart, name, {
    metadata: { name },
    replicas: 3,
    containers: [{ name, image: 'registry.k8s.io/nginx-slim:0.8', ports: [{ number: 80, name: 'port-80' }] }],
    terminationGracePeriod: Duration.seconds(10),
  });
  // cdk8s-plus-27 has no volumeClaimTemplates: a JSON patch adds the template and its mount.
  ApiObject.of(sts).addJsonPatch(
    JsonPatch.add('/spec/volumeClaimTemplates', [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...template }]),
    JsonPatch.add('/spec/template/spec/containers/0/volumeMounts', [{ name: 'www', mountPath: '/usr/share/nginx/html' }]),
  );
}

/**
 * StatefulStore and raw ApiObjects write exactly the same YAML. The typed
 * KubeStatefulSet writes it too, except the template's apiVersion and kind,
 * which its generated types cannot express. cdk8s-plus's StatefulSet adds its
 * own defaults (resources, security context, labels).
 */
export const IDENTICAL_OUTPUT = ['cdk8s-storage StatefulStore', 'raw cdk8s ApiObject'];

/** Each variant builds N copies of the objects. */
const times = (one: (chart: Chart, i: number) => void) => (chart: Chart, n: number) => {
  for (let i = 0; i < n; i++) one(chart, i);
};

export const BASELINE = 'cdk8s-plus-27 k8s.KubeStatefulSet/KubeService';

export const VARIANTS: { [name: string]: Variant } = {
  'cdk8s-storage StatefulStore': times(statefulStore),
  'raw cdk8s ApiObject': times(rawApiObject),
  [BASELINE]: times(typedKubeObjects),
  'cdk8s-plus-27 StatefulSet + JSON patch': times(cdk8sPlusStatefulSet),
};
