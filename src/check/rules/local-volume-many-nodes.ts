import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { objectsAt, stringsAt } from '../../manifests/fields';
import { Inventory } from '../../manifests/inventory';
import { Manifest } from '../../manifests/manifest';

/** The labels that name one node. */
const ONE_NODE_KEYS = ['kubernetes.io/hostname'];

/** The node a local PV's affinity pins it to, or undefined when it allows more than one (several terms, or a term that does not name one host). */
function singleNode(pv: Manifest): string | undefined {
  const path = 'spec.nodeAffinity.required.nodeSelectorTerms';
  const nodes = new Set(objectsAt(pv, pv.spec?.nodeAffinity?.required?.nodeSelectorTerms, path).map((term, i) => {
    const pins = objectsAt(pv, term.matchExpressions, `${path}[${i}].matchExpressions`)
      .filter(e => ONE_NODE_KEYS.includes(e.key) && e.operator === 'In')
      .map((e, j) => stringsAt(pv, e.values, `${path}[${i}].matchExpressions[${j}].values`))
      .filter(values => values.length === 1);
    return pins.length > 0 ? pins[0][0] : undefined;
  }));
  return nodes.size === 1 && !nodes.has(undefined) ? [...nodes][0] : undefined;
}

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
