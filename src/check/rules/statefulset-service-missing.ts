import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { stringAt } from '../../manifests/fields';
import { Inventory } from '../../manifests/inventory';
import { Manifest, namespaceOf } from '../../manifests/manifest';

/** Where the governing Service of a StatefulSet is documented. */
export const STABLE_NETWORK_ID_SOURCE = 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id';

/**
 * The StatefulSets whose pods run a CSI driver: drivers use a StatefulSet for
 * its at-most-one-pod guarantee and talk to the API server, not to each
 * other, so they need no per-pod DNS names.
 */
export function runsCsiDriver(inv: Inventory, sts: Manifest): boolean {
  return inv.remember('CSI driver StatefulSets', () => new Set(inv.workloads.filter(w => w.csiDriver).map(w => w.object))).has(sts);
}

export const STATEFULSET_SERVICE_MISSING: Rule<Inventory> = {
  id: 'statefulset-service-missing',
  severity: Severity.WARNING,
  summary: 'A StatefulSet names a governing Service that is not in these manifests: without it the pods get no stable DNS names.',
  source: STABLE_NETWORK_ID_SOURCE,
  check: (inv: Inventory) => inv.ofKind('StatefulSet').flatMap(sts => {
    const serviceName = stringAt(sts, sts.spec?.serviceName, 'spec.serviceName');
    if (!serviceName || runsCsiDriver(inv, sts) || inv.findReferenced('Service', namespaceOf(sts), serviceName)) return [];
    return [{
      object: sts,
      field: 'spec.serviceName',
      message: `StatefulSet ${sts.metadata!.name} names the Service ${serviceName}, which is not in these manifests: unless it exists already, `
        + `the pods get no DNS names (${sts.metadata!.name}-0.${serviceName})`,
      fix: `add a headless Service ${serviceName} (clusterIP: None) selecting the pods, in the StatefulSet's namespace`,
    }];
  }),
};
