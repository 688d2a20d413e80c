import { STABLE_NETWORK_ID_SOURCE, runsCsiDriver } from './statefulset-service-missing';
import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { objectAt, stringAt } from '../../manifests/fields';
import { Inventory } from '../../manifests/inventory';
import { namespaceOf } from '../../manifests/manifest';

/**
 * The per-pod DNS records of a StatefulSet come from the endpoints of its
 * governing Service, and those from the Service's selector: a selector that
 * misses the pods' labels gives no record, though every object applies.
 * kube-score's statefulset-has-servicename asks the same (score/apps/apps.go).
 */
export const STATEFULSET_SERVICE_SELECTOR: Rule<Inventory> = {
  id: 'statefulset-service-selector',
  severity: Severity.ERROR,
  summary: 'A StatefulSet\'s governing Service whose selector does not select the StatefulSet\'s pods: no per-pod DNS records exist.',
  source: `${STABLE_NETWORK_ID_SOURCE}; https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pods; kube-score score/apps/apps.go (statefulset-has-servicename)`,
  check: (inv: Inventory) => inv.ofKind('StatefulSet').flatMap(sts => {
    const serviceName = stringAt(sts, sts.spec?.serviceName, 'spec.serviceName');
    const service = serviceName && !runsCsiDriver(inv, sts) ? inv.findReferenced('Service', namespaceOf(sts), serviceName) : undefined;
    const selector = service && objectAt(service, service.spec?.selector, 'spec.selector');
    // A Service without a selector has endpoints written by hand: nothing to compare.
    if (!service || !selector || Object.keys(selector).length === 0) return [];
    const labels = objectAt(sts, sts.spec?.template?.metadata?.labels, 'spec.template.metadata.labels') ?? {};
    const missed = Object.entries(selector).filter(([key, value]) => labels[key] !== value);
    if (missed.length === 0) return [];
    return [{
      object: service,
      field: 'spec.selector',
      message: `Service ${serviceName} governs StatefulSet ${sts.metadata!.name}, but its selector (${missed.map(([k, v]) => `${k}=${v}`).join(', ')}) `
        + `does not match the pods' labels: it has no endpoints, so no pod gets its DNS name (${sts.metadata!.name}-0.${serviceName})`,
      fix: 'make the Service\'s selector a subset of the StatefulSet\'s spec.template.metadata.labels',
    }];
  }),
};
