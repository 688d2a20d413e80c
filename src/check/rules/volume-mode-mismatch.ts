import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { objectsAt, stringAt } from '../../manifests/fields';
import { Inventory, VolumeUse, Workload } from '../../manifests/inventory';
import { Manifest, namespaceOf } from '../../manifests/manifest';

/**
 * The kubelet refuses a pod whose container mounts a Block claim at a path,
 * or lists a Filesystem claim as a device (kubernetes
 * pkg/kubelet/volumemanager/populator/desired_state_of_world_populator.go:
 * "volume %s has volumeMode %s, but is specified in volumeMounts"). The pod
 * stays in ContainerCreating. cdk8s-plus-27's `claim.asVolume()` refuses the
 * first case; cdk8s-plus-28 and later mount any claim through their own
 * `Volume.fromPersistentVolumeClaim`, so this catches it at synthesis.
 */
export const VOLUME_MODE_MISMATCH: Rule<Inventory> = {
  id: 'volume-mode-mismatch',
  severity: Severity.ERROR,
  summary: 'A container mounts a Block claim at a path, or lists a Filesystem claim as a device: the kubelet refuses the pod, which never starts.',
  source: 'kubernetes pkg/kubelet/volumemanager/populator/desired_state_of_world_populator.go (createVolumeSpec)',
  check: (inv: Inventory) => inv.workloads.flatMap(w => w.volumeUses.flatMap(use => {
    const claim = claimOf(inv, w, use.volume);
    if (!claim || claim.mode === (use.asDevice ? 'Block' : 'Filesystem')) return [];
    return [hit(w.object, use, claim)];
  })),
};

/** The claim behind a pod volume and its volume mode, when the manifests hold it (a claim elsewhere is not judged). */
function claimOf(inv: Inventory, w: Workload, volume: string): { name: string; mode: string } | undefined {
  const template = w.object.kind === 'StatefulSet'
    ? objectsAt(w.object, w.object.spec?.volumeClaimTemplates, 'spec.volumeClaimTemplates').find(t => t.metadata?.name === volume)
    : undefined;
  if (template) return { name: `template ${volume}`, mode: modeOf(w.object, template.spec?.volumeMode, `spec.volumeClaimTemplates[${volume}].spec.volumeMode`) };
  const claimName = w.claims.find(c => c.volume === volume)?.claimName;
  const claim = claimName === undefined ? undefined
    : inv.findReferenced('PersistentVolumeClaim', namespaceOf(w.object), claimName);
  return claim ? { name: `claim ${claimName}`, mode: modeOf(claim, claim.spec?.volumeMode, 'spec.volumeMode') } : undefined;
}

/** A claim's volume mode; Filesystem when it names none (the API server's default). */
function modeOf(reported: Manifest, volumeMode: unknown, field: string): string {
  return stringAt(reported, volumeMode, field) ?? 'Filesystem';
}

function hit(object: Manifest, use: VolumeUse, claim: { name: string; mode: string }): Hit {
  const where = `container ${use.container} of ${object.kind} ${object.metadata!.name}`;
  return use.asDevice
    ? {
      object,
      field: use.field(),
      message: `${where} lists volume ${use.volume} as a raw device (volumeDevices), but ${claim.name} is volumeMode ${claim.mode}: `
        + 'the kubelet refuses the pod, which stays in ContainerCreating',
      fix: 'mount it at a path under volumeMounts, or claim a volume with volumeMode: Block',
    }
    : {
      object,
      field: use.field(),
      message: `${where} mounts volume ${use.volume} at a path (volumeMounts), but ${claim.name} is volumeMode Block, a raw device: `
        + 'the kubelet refuses the pod, which stays in ContainerCreating',
      fix: 'list it under volumeDevices with a devicePath, or claim a volume with volumeMode: Filesystem',
    };
}
