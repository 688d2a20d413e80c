import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { VolumeBindingMode } from '../../core/policies';
import { driverOf } from '../../drivers';
import { Inventory } from '../../manifests/inventory';
import { Manifest } from '../../manifests/manifest';
import { allowedZones } from '../claims-and-classes';

/**
 * The zones a class limits its volumes to: its allowedTopologies, or the
 * in-tree `zone`/`zones` parameters that CSI migration turns into topology
 * (k8s.io/csi-translation-lib, translateTopologyFromInTreeToCSI).
 */
function zonesOf(cls: Manifest): Set<string> {
  const parameters = cls.parameters ?? {};
  const inTree = [parameters.zone, ...String(parameters.zones ?? '').split(',')].filter(z => typeof z === 'string' && z.trim() !== '');
  return new Set([...allowedZones(cls) ?? [], ...inTree.map(z => z.trim())]);
}

/**
 * A class of zone-bound volumes (EBS, GCE PD, OCI block, Azure LRS disks)
 * that binds Immediately: the provisioner picks the zone before the scheduler
 * has placed the pod, so a pod kept out of that zone (node selector, affinity,
 * taints, no room) never starts. A class limited to one zone loses nothing:
 * its pods go to that zone either way.
 */
export const ZONAL_IMMEDIATE_BINDING: Rule<Inventory> = {
  id: 'zonal-immediate-binding',
  severity: Severity.WARNING,
  summary: 'A class of zone-bound disks (EBS, GCE PD, OCI, Azure LRS) that binds Immediately: the disk\'s zone is picked before the pod is scheduled, '
    + 'and a pod that cannot run in that zone stays Pending.',
  source: 'https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode ("This may result in unschedulable Pods"); '
    + 'azuredisk-csi-driver pkg/azuredisk/controllerserver.go CreateVolume (ZRS disks are offered in every zone)',
  check: (inv: Inventory) => [...inv.classes.values()].flatMap(cls => {
    if ((cls.volumeBindingMode ?? VolumeBindingMode.IMMEDIATE) !== VolumeBindingMode.IMMEDIATE) return [];
    const driver = driverOf(cls.provisioner);
    if (!driver?.zoneBound?.(cls.parameters ?? {})) return [];
    if (zonesOf(cls).size === 1) return [];
    return [{
      object: cls,
      field: 'volumeBindingMode',
      message: `class ${cls.metadata!.name} (${driver.facts.label}) binds ${cls.volumeBindingMode ? 'Immediate' : 'Immediate (the default)'}: `
        + 'each disk is made in a zone chosen before its pod is scheduled, and a pod whose node selector, affinity, taints or capacity keep it '
        + 'out of that zone stays Pending ("volume node affinity conflict")',
      fix: 'set volumeBindingMode: WaitForFirstConsumer, so the disk is made in the zone of the pod\'s node (the field is immutable: recreate the class)',
    }];
  }),
};
