import { FieldError, FieldPath } from './field-error';
import { isDns1123Label } from './names';
import { Json, isMap } from './object-meta';
import { validateContainerVolumeUses, validateVolumes } from './pod-volumes';
import { listOf } from './selectors';

/** Where each workload kind keeps its pod spec. */
export const POD_SPEC_PATHS: { readonly [kind: string]: readonly string[] } = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

/**
 * The volumes and volume mounts of a workload's pods (ValidateVolumes, and
 * ValidateVolumeMounts/ValidateVolumeDevices per container). A StatefulSet's
 * pods also get a claim volume per claim template (the controller's
 * updateStorage), which mounts may name.
 */
export function validatePodVolumes(m: Json): FieldError[] {
  const keys = POD_SPEC_PATHS[m?.kind];
  if (!keys) return [];
  let spec: Json = m;
  for (const key of keys) spec = isMap(spec) ? spec[key] : undefined;
  if (!isMap(spec)) return [];
  const path = FieldPath.at(...keys);
  const { errors, byName } = validateVolumes(spec.volumes, path.child('volumes'), m.kind === 'Pod' && typeof m.metadata?.name === 'string' ? m.metadata.name : undefined);
  if (m.kind === 'StatefulSet') {
    for (const t of listOf(m.spec?.volumeClaimTemplates)) {
      if (typeof t?.metadata?.name === 'string') byName.set(t.metadata.name, { name: t.metadata.name, persistentVolumeClaim: { claimName: t.metadata.name } });
    }
  }
  errors.push(...validateContainerBasics(spec, path));
  // The Pod strategy drops image volumes (ImageVolume is off) and the mounts that name them.
  const imageVolumes = new Set(listOf(spec.volumes).filter(v => isMap(v) && v.image !== undefined && v.image !== null).map(v => v.name));
  for (const list of CONTAINER_LISTS) {
    listOf(spec[list]).forEach((container, i) => {
      const kept = isMap(container) && imageVolumes.size > 0
        ? { ...container, volumeMounts: listOf(container.volumeMounts).filter(mount => !imageVolumes.has(mount?.name)) } : container;
      errors.push(...validateContainerVolumeUses(kept, byName, path.child(list).index(i)));
    });
  }
  return errors;
}

/**
 * What validateContainers asks of every pod template beyond volumes, for the
 * fields a storage workload sets: at least one container, names (DNS labels,
 * unique across containers and init containers), container ports in range,
 * and a host port equal to its container port on the host network.
 */
function validateContainerBasics(spec: { [key: string]: Json }, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (listOf(spec.containers).length === 0) errs.push(path.child('containers').required());
  const names = new Set<string>();
  for (const list of ['initContainers', 'containers']) {
    listOf(spec[list]).forEach((c, i) => {
      const at = path.child(list).index(i);
      const name = c?.name;
      if (typeof name !== 'string' || name === '') {errs.push(at.child('name').required());} else {
        errs.push(...isDns1123Label(name).map(msg => at.child('name').invalid(name, msg)));
        if (names.has(name)) errs.push(at.child('name').duplicate(name));
        names.add(name);
      }
      listOf(c?.ports).forEach((port, j) => {
        const portAt = at.child('ports').index(j);
        const containerPort = port?.containerPort;
        if (containerPort === undefined || containerPort === null || containerPort === 0) errs.push(portAt.child('containerPort').required());
        else if (!Number.isInteger(containerPort) || containerPort < 1 || containerPort > 65535) errs.push(portAt.child('containerPort').invalid(containerPort, 'must be between 1 and 65535, inclusive'));
        if (spec.hostNetwork === true && port?.hostPort && port.hostPort !== containerPort) {
          errs.push(portAt.child('hostPort').invalid(port.hostPort, 'must match `containerPort` when `hostNetwork` is true'));
        }
      });
    });
  }
  return errs;
}