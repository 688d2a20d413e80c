import { FieldError, FieldPath } from './field-error';
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
  // The Pod strategy drops image volumes (ImageVolume is off) and the mounts that name them.
  const imageVolumes = new Set(listOf(spec.volumes).filter(v => isMap(v) && v.image !== undefined && v.image !== null).map(v => v.name));
  for (const list of CONTAINER_LISTS) {
    listOf(spec[list]).forEach((container, i) => {
      const kept = isMap(container) && imageVolumes.size > 0
        ? { ...container, volumeMounts: listOf(container.volumeMounts).filter(m => !imageVolumes.has(m?.name)) } : container;
      errors.push(...validateContainerVolumeUses(kept, byName, path.child(list).index(i)));
    });
  }
  return errors;
}
