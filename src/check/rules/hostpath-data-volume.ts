import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { objectAt, objectsAt, stringAt } from '../../manifests/fields';
import { Inventory, Workload } from '../../manifests/inventory';
import { Manifest } from '../../manifests/manifest';
import { singleNode } from '../claims-and-classes';

/**
 * Node paths pods mount to reach the node itself (its kernel, devices,
 * sockets, kubelet, logs) or for scratch, not to keep data.
 */
const NODE_PATHS = ['/proc', '/sys', '/dev', '/run', '/var/run', '/etc', '/lib/modules', '/usr', '/boot', '/var/log',
  '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/var/lib/cni', '/opt/cni', '/tmp'];
/** hostPath types that are not directories of files. */
const NOT_DATA_TYPES = ['Socket', 'CharDevice', 'BlockDevice'];

function isNodePath(path: string): boolean {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' || NODE_PATHS.some(p => trimmed === p || trimmed.startsWith(`${p}/`));
}

/** The names of the pod volumes some container mounts writable (a volumeMount without readOnly: true). */
function writableVolumes(w: Workload): Set<string> {
  const at = w.podSpecPath;
  const lists = ['containers', 'initContainers'].flatMap(list => objectsAt(w.object, w.podSpec[list], () => `${at}.${list}`).flatMap((c, i) =>
    objectsAt(w.object, c.volumeMounts, () => `${at}.${list}[${i}].volumeMounts`)));
  return new Set(lists.filter(u => u.readOnly !== true).map(u => String(u.name)));
}

/** A workload's hostPath volumes that hold data: written to, outside the node's own paths. */
function dataHostPaths(w: Workload): Hit[] {
  // A DaemonSet's pod, or a CSI driver's, is the node's own agent: its node paths are its job.
  if (w.object.kind === 'DaemonSet' || w.csiDriver) return [];
  const at = w.podSpecPath;
  const writable = writableVolumes(w);
  return objectsAt(w.object, w.podSpec.volumes, () => `${at}.volumes`).flatMap((v, i) => {
    const hostPath = objectAt(w.object, v.hostPath, () => `${at}.volumes[${i}].hostPath`);
    const path = hostPath && stringAt(w.object, hostPath.path, () => `${at}.volumes[${i}].hostPath.path`);
    if (path === undefined || isNodePath(path) || NOT_DATA_TYPES.includes(hostPath!.type) || !writable.has(String(v.name))) return [];
    return [{
      object: w.object,
      field: `${at}.volumes[${i}].hostPath`,
      message: `${w.object.kind} ${w.object.metadata!.name} writes to the node's directory ${path} (hostPath volume ${v.name}): the files stay on whichever node `
        + 'the pod ran on, and a pod rescheduled to another node starts with that node\'s directory, empty or stale',
      fix: 'keep the data in a PersistentVolumeClaim (a local PV with node affinity if it must be a node\'s own disk), or mount the hostPath readOnly if the pod only reads it',
    }];
  });
}

/** A hostPath PV that no node affinity pins to one node: each pod gets the directory of the node it lands on. */
function floatingHostPathVolume(pv: Manifest): Hit[] {
  const hostPath = objectAt(pv, pv.spec?.hostPath, 'spec.hostPath');
  if (hostPath === undefined || singleNode(pv) !== undefined) return [];
  return [{
    object: pv,
    field: 'spec.hostPath',
    message: `PV ${pv.metadata!.name} is a hostPath volume (${stringAt(pv, hostPath.path, 'spec.hostPath.path')}) that no node affinity pins to one node: each pod that mounts it `
      + 'uses the directory of the node it runs on, and data written on one node is not there on the next',
    fix: 'use a local volume (spec.local) with node affinity to the node that holds the data, or a claim of a provisioned class',
  }];
}

export const HOSTPATH_DATA_VOLUME: Rule<Inventory> = {
  id: 'hostpath-data-volume',
  severity: Severity.WARNING,
  summary: 'Data kept in a node\'s directory: a workload (not a DaemonSet or CSI driver) writing to a hostPath volume, or a hostPath PV not pinned to one node. '
    + 'A pod rescheduled elsewhere finds the other node\'s directory.',
  source: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath ("Pods with identical configuration ... may behave differently on different nodes '
    + 'due to different files on the nodes"); https://kubernetes.io/docs/tasks/configure-pod-container/configure-persistent-volume-storage/ '
    + '("In a production cluster, you would not use hostPath")',
  check: (inv: Inventory) => [
    ...inv.workloads.flatMap(dataHostPaths),
    ...inv.ofKind('PersistentVolume').flatMap(floatingHostPathVolume),
  ],
};
