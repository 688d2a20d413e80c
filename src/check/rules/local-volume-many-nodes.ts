import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Inventory } from '../../manifests/inventory';
import { singleNode } from '../claims-and-classes';

/**
 * A local disk is on one node, but its PV's affinity lets the scheduler put
 * the pod on others, where the disk is not (the kubelet then fails to mount
 * the path, or mounts an empty directory of the same name).
 */
export const LOCAL_VOLUME_MANY_NODES: Rule<Inventory> = {
  id: 'local-volume-many-nodes',
  severity: Severity.ERROR,
  summary: 'A local PV whose node affinity allows more than one node: a pod bound to it can be scheduled where the disk is not.',
  source: 'https://kubernetes.io/docs/concepts/storage/volumes/#local ("the scheduler ... uses the PersistentVolume nodeAffinity to schedule ... to the correct node")',
  check: (inv: Inventory) => inv.ofKind('PersistentVolume')
    .filter(pv => pv.spec?.local !== undefined && pv.spec?.nodeAffinity?.required !== undefined && singleNode(pv) === undefined)
    .map(pv => ({
      object: pv,
      field: 'spec.nodeAffinity.required.nodeSelectorTerms',
      message: `local PV ${pv.metadata!.name} allows more than one node (several terms, or a term without kubernetes.io/hostname In [one node]): `
        + 'a pod that claims it can be scheduled on a node without the disk',
      fix: 'pin the PV to the node that holds the disk: one term, kubernetes.io/hostname In [<node>]',
    })),
};
