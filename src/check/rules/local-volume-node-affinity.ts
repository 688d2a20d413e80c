import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { objectsAt } from '../../manifests/fields';
import { Inventory } from '../../manifests/inventory';

export const LOCAL_VOLUME_NODE_AFFINITY: Rule<Inventory> = {
  id: 'local-volume-node-affinity',
  severity: Severity.ERROR,
  summary: 'A local PV without required node affinity: the API server refuses it, since nothing would say which node holds the disk.',
  source: 'kubernetes pkg/apis/core/validation ValidatePersistentVolumeSpec ("Local volume requires node affinity"); '
    + 'https://kubernetes.io/docs/concepts/storage/volumes/#local',
  check: (inv: Inventory) => inv.ofKind('PersistentVolume')
    .filter(pv => pv.spec?.local !== undefined)
    .filter(pv => objectsAt(pv, pv.spec?.nodeAffinity?.required?.nodeSelectorTerms, 'spec.nodeAffinity.required.nodeSelectorTerms').length === 0)
    .map(pv => ({
      object: pv,
      field: 'spec.nodeAffinity.required',
      message: `local PV ${pv.metadata!.name} has no required node affinity: the API server refuses a local volume without one`,
      fix: 'add spec.nodeAffinity.required.nodeSelectorTerms naming the node that holds the disk (kubernetes.io/hostname In [<node>])',
    })),
};
