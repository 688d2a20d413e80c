import { CheckSeverity } from '../check-types';
import { Inventory, namespaceOf } from '../inventory';
import { stringAt } from '../read';
import { CheckRule } from './rule';
import { STABLE_NETWORK_ID_SOURCE } from './statefulset-service-missing';

export const STATEFULSET_SERVICE_NOT_HEADLESS: CheckRule = {
  id: 'statefulset-service-not-headless',
  severity: CheckSeverity.ERROR,
  summary: 'A StatefulSet\'s governing Service has a cluster IP: the per-pod DNS names that peers use to find each other do not exist.',
  source: STABLE_NETWORK_ID_SOURCE,
  check: (inv: Inventory) => inv.ofKind('StatefulSet').flatMap(sts => {
    const serviceName = stringAt(sts, sts.spec?.serviceName, 'spec.serviceName');
    const service = serviceName ? inv.find('Service', namespaceOf(sts), serviceName) : undefined;
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
