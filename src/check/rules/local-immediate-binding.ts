import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { VolumeBindingMode } from '../../core/policies';
import { Inventory } from '../../manifests/inventory';
import { localVolumes } from '../claims-and-classes';

export const LOCAL_IMMEDIATE_BINDING: Rule<Inventory> = {
  id: 'local-immediate-binding',
  severity: Severity.ERROR,
  summary: 'A class without a provisioner binds Immediately: a local PV is chosen before the pod is scheduled, and the pod may never fit on that node.',
  source: 'https://kubernetes.io/docs/concepts/storage/storage-classes/#local',
  check: (inv: Inventory) => [...inv.classes.values()]
    .filter(c => c.provisioner === localVolumes().facts.provisioner
      && (c.volumeBindingMode ?? VolumeBindingMode.IMMEDIATE) === VolumeBindingMode.IMMEDIATE)
    // A class whose PVs here are all non-local (static NFS, say) loses nothing by binding early.
    .filter(c => {
      const volumes = inv.volumesByClass.get(c.metadata!.name!) ?? [];
      return volumes.length === 0 || volumes.some(pv => pv.spec?.local !== undefined);
    })
    .map(c => ({
      object: c,
      field: 'volumeBindingMode',
      message: `class ${c.metadata!.name} has no provisioner and binds ${c.volumeBindingMode ? 'Immediate' : 'Immediate (the default)'}: a claim binds to a local PV `
        + 'on an arbitrary node before its pod is scheduled, and the pod then stays Pending if that node cannot take it',
      fix: `set volumeBindingMode: ${localVolumes().facts.requiredBindingMode} (the field is immutable: recreate the class)`,
    })),
};
