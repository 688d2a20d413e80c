import { changeHit, GuardRule, nsFlag, objectRule } from './change-rule';
import { Severity } from '../../analysis/severity';

/**
 * clusterIP is immutable (kubernetes pkg/apis/core/validation/validation.go
 * ValidateServiceUpdate): in particular a Service cannot become headless in
 * place, nor stop being headless.
 */
export const SERVICE_CLUSTER_IP: GuardRule = objectRule({
  id: 'service-cluster-ip',
  severity: Severity.REFUSED,
  summary: 'A Service\'s clusterIP changes, for example a StatefulSet\'s Service becoming headless: the API server refuses the update.',
  source: 'kubernetes pkg/apis/core/validation/validation.go ValidateServiceUpdate',
}, 'Service', (old, next) => {
  const [a, b] = [old.spec?.clusterIP, next.spec?.clusterIP];
  if (a === b || (a === undefined && b === undefined)) return [];
  const headless = b === 'None' ? 'a Service cannot become headless in place' : a === 'None' ? 'a headless Service cannot get a cluster IP in place' : 'clusterIP is immutable';
  return [changeHit(next, 'spec.clusterIP', a, b, headless,
    `delete the Service (kubectl delete service ${old.metadata?.name}${nsFlag(old)}) and apply it again (a short DNS outage), or create a Service under another name`)];
});
