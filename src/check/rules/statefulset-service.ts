import { CheckSeverity } from '../check-types';
import { Inventory, namespaceOf } from '../inventory';
import { stringAt } from '../read';
import { CheckRule } from './rule';

const SOURCE = 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id';

export const STATEFULSET_SERVICE_MISSING: CheckRule = {
  id: 'statefulset-service-missing',
  severity: CheckSeverity.WARNING,
  summary: 'A StatefulSet names a governing Service that is not in these manifests: without it the pods get no stable DNS names.',
  source: SOURCE,
  check: (inv: Inventory) => inv.ofKind('StatefulSet').flatMap(sts => {
    const serviceName = stringAt(sts, sts.spec?.serviceName, 'spec.serviceName');
    if (!serviceName || inv.find('Service', namespaceOf(sts), serviceName)) return [];
    return [{
      object: sts,
      field: 'spec.serviceName',
      message: `StatefulSet ${sts.metadata!.name} names the Service ${serviceName}, which is not in these manifests: unless it exists already, `
        + `the pods get no DNS names (${sts.metadata!.name}-0.${serviceName})`,
      fix: `add a headless Service ${serviceName} (clusterIP: None) selecting the pods, in the StatefulSet's namespace`,
    }];
  }),
};

export const STATEFULSET_SERVICE_NOT_HEADLESS: CheckRule = {
  id: 'statefulset-service-not-headless',
  severity: CheckSeverity.ERROR,
  summary: 'A StatefulSet\'s governing Service has a cluster IP: the per-pod DNS names that peers use to find each other do not exist.',
  source: SOURCE,
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
