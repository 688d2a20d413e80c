import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { SPDK_DRIVER } from './driver-name';
import { typedKubeObject } from '../core/kube-json';

export interface NodeSpec {
  readonly namespace: string;
  readonly serviceAccountName: string;
  readonly registrarImage: string;
  readonly driverImage: string;
  readonly driverImagePullPolicy: string;
  /** The node-server ConfigMap, when xPUs are configured. */
  readonly nodeServerConfigMapName?: string;
}

const NAME = 'spdkcsi-node';
const PLUGIN_DIR = `/var/lib/kubelet/plugins/${SPDK_DRIVER}`;
const REGISTRATION_PATH = `${PLUGIN_DIR}/csi.sock`;

/**
 * The node plugin (https://github.com/spdk/spdk-csi/blob/master/deploy/kubernetes/node.yaml):
 * the only privileged workload. Bidirectional propagation only on the
 * kubelet plugins and pods directories; /dev and /sys are plain host paths.
 */
export function renderNode(scope: Construct, spec: NodeSpec): ApiObject {
  const labels = { app: NAME };
  // The registrar only writes a socket into the kubelet's registration directory: it needs no privilege.
  const registrar: k8s.Container = {
    name: 'spdkcsi-registrar',
    image: spec.registrarImage,
    imagePullPolicy: 'IfNotPresent',
    args: ['--v=5', '--csi-address=unix:///csi/csi.sock', `--kubelet-registration-path=${REGISTRATION_PATH}`],
    livenessProbe: {
      exec: { command: ['/csi-node-driver-registrar', `--kubelet-registration-path=${REGISTRATION_PATH}`, '--mode=kubelet-registration-probe'] },
      initialDelaySeconds: 30,
      timeoutSeconds: 15,
    },
    volumeMounts: [{ name: 'socket-dir', mountPath: '/csi' }, { name: 'registration-dir', mountPath: '/registration' }],
  };
  const plugin: k8s.Container = {
    name: 'spdkcsi-node',
    image: spec.driverImage,
    imagePullPolicy: spec.driverImagePullPolicy,
    // Privileged: it connects NVMe-oF/iSCSI devices and mounts them for pods.
    securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN'] }, allowPrivilegeEscalation: true },
    args: ['--v=5', '--endpoint=unix:///csi/csi.sock', '--nodeid=$(NODE_ID)', '--node'],
    env: [{ name: 'NODE_ID', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
    lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', '/usr/sbin/iscsid || echo failed to start iscsid'] } } },
    volumeMounts: [
      { name: 'socket-dir', mountPath: '/csi' },
      { name: 'plugin-dir', mountPath: '/var/lib/kubelet/plugins', mountPropagation: 'Bidirectional' },
      { name: 'pod-dir', mountPath: '/var/lib/kubelet/pods', mountPropagation: 'Bidirectional' },
      { name: 'host-dev', mountPath: '/dev' },
      { name: 'host-sys', mountPath: '/sys' },
      ...(spec.nodeServerConfigMapName ? [{ name: 'spdkcsi-nodeserver-config', mountPath: '/etc/spdkcsi-nodeserver-config/', readOnly: true }] : []),
    ],
  };
  return typedKubeObject(scope, 'Node', k8s.KubeDaemonSet.GVK, k8s.toJson_KubeDaemonSetProps, {
    metadata: { name: NAME, namespace: spec.namespace },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: spec.serviceAccountName,
          hostNetwork: true,
          containers: [registrar, plugin],
          volumes: [
            { name: 'socket-dir', hostPath: { path: PLUGIN_DIR, type: 'DirectoryOrCreate' } },
            { name: 'registration-dir', hostPath: { path: '/var/lib/kubelet/plugins_registry/', type: 'Directory' } },
            { name: 'plugin-dir', hostPath: { path: '/var/lib/kubelet/plugins', type: 'Directory' } },
            { name: 'pod-dir', hostPath: { path: '/var/lib/kubelet/pods', type: 'Directory' } },
            { name: 'host-dev', hostPath: { path: '/dev' } },
            { name: 'host-sys', hostPath: { path: '/sys' } },
            ...(spec.nodeServerConfigMapName
              ? [{ name: 'spdkcsi-nodeserver-config', configMap: { name: spec.nodeServerConfigMapName, optional: true } }] : []),
          ],
        },
      },
    },
  });
}
