import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { SUPPRESS_ANNOTATION } from '../core/check-suppression';
import { typedKubeObject } from '../core/kube-json';

export interface ControllerSpec {
  readonly namespace: string;
  readonly serviceAccountName: string;
  readonly configMapName: string;
  readonly provisionerImage: string;
  readonly snapshotterImage: string;
  readonly driverImage: string;
  readonly driverImagePullPolicy: string;
  readonly snapshots: boolean;
  readonly hostNetwork: boolean;
}

const NAME = 'spdkcsi-controller';
const SOCKET = 'unix:///csi/csi-provisioner.sock';
const socketMount = { name: 'socket-dir', mountPath: '/csi' };

/**
 * The controller (https://github.com/spdk/spdk-csi/blob/master/deploy/kubernetes/controller.yaml):
 * provisioner and (with snapshots) snapshotter sidecars beside the
 * controller plugin, the socket on a memory emptyDir, config.json read-only.
 * Nothing privileged; host networking only when asked for.
 */
export function renderController(scope: Construct, spec: ControllerSpec): ApiObject {
  const labels = { app: NAME };
  const provisioner: k8s.Container = {
    name: 'spdkcsi-provisioner',
    image: spec.provisionerImage,
    imagePullPolicy: 'IfNotPresent',
    args: ['--v=5', `--csi-address=${SOCKET}`, '--timeout=30s', '--retry-interval-start=500ms', '--leader-election=true'],
    volumeMounts: [socketMount],
  };
  const snapshotter: k8s.Container = {
    name: 'spdkcsi-snapshotter',
    image: spec.snapshotterImage,
    imagePullPolicy: 'IfNotPresent',
    args: [`--csi-address=${SOCKET}`, '--v=5', '--timeout=150s', '--leader-election=true'],
    volumeMounts: [socketMount],
  };
  const controller: k8s.Container = {
    name: 'spdkcsi-controller',
    image: spec.driverImage,
    imagePullPolicy: spec.driverImagePullPolicy,
    args: ['--v=5', `--endpoint=${SOCKET}`, '--nodeid=$(NODE_ID)', '--controller'],
    env: [{ name: 'NODE_ID', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
    volumeMounts: [socketMount, { name: 'spdkcsi-config', mountPath: '/etc/spdkcsi-config/', readOnly: true }],
  };
  return typedKubeObject(scope, 'Controller', k8s.KubeStatefulSet.GVK, k8s.toJson_KubeStatefulSetProps, {
    // No Service is needed: the controller has no clients and its one pod needs no DNS name. serviceName is
    // not checked by the API, and kept because API servers before its optional form require the field.
    metadata: { name: NAME, namespace: spec.namespace, annotations: { [SUPPRESS_ANNOTATION]: 'statefulset-service-missing' } },
    spec: {
      serviceName: NAME,
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: spec.serviceAccountName,
          hostNetwork: spec.hostNetwork || undefined,
          containers: [provisioner, ...(spec.snapshots ? [snapshotter] : []), controller],
          volumes: [
            { name: 'socket-dir', emptyDir: { medium: 'Memory' } },
            { name: 'spdkcsi-config', configMap: { name: spec.configMapName } },
          ],
        },
      },
    },
  });
}
