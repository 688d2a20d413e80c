import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { VolumeBindingMode } from '../../core/policies';
import { Inventory } from '../../manifests/inventory';
import { NODE_LOCAL_PROVISIONERS, localVolumes } from '../claims-and-classes';

export const LOCAL_IMMEDIATE_BINDING: Rule<Inventory> = {
  id: 'local-immediate-binding',
  severity: Severity.ERROR,
  summary: 'A class of node-local volumes (local PVs, TopoLVM, OpenEBS LocalPV, local-path) binds Immediately: the node is chosen before the pod is scheduled, '
    + 'and the pod may never fit on it.',
  source: 'https://kubernetes.io/docs/concepts/storage/storage-classes/#local; https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode',
  check: (inv: Inventory) => [...inv.classes.values()]
    .filter(c => (c.volumeBindingMode ?? VolumeBindingMode.IMMEDIATE) === VolumeBindingMode.IMMEDIATE)
    .filter(c => c.provisioner === localVolumes().facts.provisioner || NODE_LOCAL_PROVISIONERS.includes(c.provisioner))
    // The CSI hostpath demo driver runs as one pod on one node (its deploy/ StatefulSet): there is no node to choose
    // wrongly, and hostpath-provisioner-class already says it is for testing.
    .filter(c => c.provisioner !== 'hostpath.csi.k8s.io')
    // A class whose PVs here are all non-local (static NFS, say) loses nothing by binding early.
    .filter(c => {
      const volumes = inv.volumesByClass.get(c.metadata!.name!) ?? [];
      return volumes.length === 0 || volumes.some(pv => pv.spec?.local !== undefined);
    })
    .map(c => ({
      object: c,
      field: 'volumeBindingMode',
      message: c.provisioner === localVolumes().facts.provisioner
        ? `class ${c.metadata!.name} has no provisioner and binds ${c.volumeBindingMode ? 'Immediate' : 'Immediate (the default)'}: a claim binds to a local PV `
          + 'on an arbitrary node before its pod is scheduled, and the pod then stays Pending if that node cannot take it'
        : `class ${c.metadata!.name} makes node-local volumes (${c.provisioner}) and binds ${c.volumeBindingMode ? 'Immediate' : 'Immediate (the default)'}: `
          + 'each volume is made on a node chosen before its pod is scheduled, and the pod then stays Pending if that node cannot take it',
      fix: `set volumeBindingMode: ${localVolumes().facts.requiredBindingMode} (the field is immutable: recreate the class)`,
    })),
};
