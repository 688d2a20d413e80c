import { GuardSeverity } from '../guard-types';
import { ChangeRule, finding, nsFlag } from './guard-rule';

const NAME = 'service-cluster-ip';

/**
 * clusterIP is immutable (kubernetes pkg/apis/core/validation/validation.go
 * ValidateServiceUpdate): in particular a Service cannot become headless in
 * place, nor stop being headless.
 */
export const SERVICE_CLUSTER_IP: ChangeRule = {
  name: NAME,
  kind: 'Service',
  check: (old, next) => {
    const [a, b] = [old.spec?.clusterIP, next.spec?.clusterIP];
    if (a === b || (a === undefined && b === undefined)) return [];
    const headless = b === 'None' ? 'a Service cannot become headless in place' : a === 'None' ? 'a headless Service cannot get a cluster IP in place' : 'clusterIP is immutable';
    return [finding(NAME, old, 'spec.clusterIP', a, b, GuardSeverity.REFUSED, headless,
      `delete the Service (kubectl delete service ${old.metadata?.name}${nsFlag(old)}) and apply it again (a short DNS outage), or create a Service under another name`)];
  },
};
