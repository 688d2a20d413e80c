import { STABLE_NETWORK_ID_SOURCE, runsCsiDriver } from './statefulset-service-missing';
import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { stringAt } from '../../manifests/fields';
import { Inventory } from '../../manifests/inventory';
import { namespaceOf } from '../../manifests/manifest';

export const STATEFULSET_SERVICE_NOT_HEADLESS: Rule<Inventory> = {
  id: 'statefulset-service-not-headless',
  severity: Severity.ERROR,
  summary: 'A StatefulSet\'s governing Service has a cluster IP: the per-pod DNS names that peers use to find each other do not exist.',
  source: STABLE_NETWORK_ID_SOURCE,
  check: (inv: Inventory) => inv.ofKind('StatefulSet').flatMap(sts => {
    const serviceName = stringAt(sts, sts.spec?.serviceName, 'spec.serviceName');
    const service = serviceName && !runsCsiDriver(inv, sts) ? inv.findReferenced('Service', namespaceOf(sts), serviceName) : undefined;
    if (!service || service.spec?.clusterIP === 'None') return [];
    return [{
      object: service,
      field: 'spec.clusterIP',
      message: `Service ${serviceName} governs StatefulSet ${sts.metadata!.name} but is not headless: DNS has no per-pod records `
        + `(${sts.metadata!.name}-0.${serviceName}), so replicas cannot find each other`,
      fix: 'set clusterIP: None (immutable: delete and re-create the Service), and keep a second Service for clients that need a cluster IP',
    }];
  }),
};
