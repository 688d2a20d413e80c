import { changeHit, GuardRule, nsFlag, objectRule } from './change-rule';
import { Hit } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Manifest } from '../../manifests/manifest';

const recreate = (m: Manifest) => `delete the Service (kubectl delete service ${m.metadata?.name}${nsFlag(m)}) and apply it again (a short DNS outage), `
  + 'or create a Service under another name';

/**
 * A Service's cluster IPs cannot change once allocated (kubernetes
 * pkg/apis/core/validation/validation.go ValidateServiceUpdate and
 * validateUpgradeDowngradeClusterIPs, validateUpgradeDowngradeIPFamilies): in particular a Service cannot become
 * headless in place, nor stop being headless, and a dual-stack Service keeps
 * its secondary IP. What the rule lets pass, as the API server does:
 * - a conversion to or from ExternalName (the IP is allocated or released),
 *   unless the clusterIP is changed on the way to ExternalName;
 * - a field the new manifest leaves out: the registry keeps the allocated
 *   value (pkg/registry/core/service/storage patchAllocatedValues); a
 *   headless Service that leaves out `None` stays headless (a warning);
 * - a second IP added (an upgrade to dual-stack), or released with
 *   ipFamilyPolicy SingleStack.
 */
export const SERVICE_CLUSTER_IP: GuardRule = objectRule({
  id: 'service-cluster-ip',
  severity: Severity.REFUSED,
  summary: 'A Service\'s clusterIP, clusterIPs or ipFamilies change, for example a StatefulSet\'s Service becoming headless: the API server refuses the update.',
  source: 'kubernetes pkg/apis/core/validation/validation.go ValidateServiceUpdate, validateUpgradeDowngradeClusterIPs; pkg/registry/core/service/storage',
}, 'Service', (old, next) => {
  if (next.spec?.type === 'ExternalName') return toExternalNameHits(old, next);
  if (old.spec?.type === 'ExternalName') return [];
  // A headless Service has no address to keep: its families may change, and it may go single- or dual-stack freely.
  if (isHeadless(old)) return [...clusterIPHits(old, next), ...indexedHits(old, next, 'clusterIPs')];
  return [...clusterIPHits(old, next), ...indexedHits(old, next, 'clusterIPs'), ...indexedHits(old, next, 'ipFamilies'), ...releaseHits(old, next)];
});

function isHeadless(m: Manifest): boolean {
  return m.spec?.clusterIP === 'None' || m.spec?.clusterIPs?.[0] === 'None';
}

/**
 * To ExternalName: the registry clears a clusterIP left as it was
 * (dropTypeDependentFields), but a changed one survives, and an ExternalName
 * Service may have none.
 */
function toExternalNameHits(old: Manifest, next: Manifest): Hit[] {
  if (old.spec?.type === 'ExternalName') return [];
  const [a, b] = [old.spec?.clusterIP, next.spec?.clusterIP];
  return b === undefined || a === b ? [] : [changeHit(next, 'spec.clusterIP', a, b, 'an ExternalName Service has no cluster IP: a changed clusterIP is kept, and refused',
    'leave clusterIP out of the ExternalName Service')];
}

function clusterIPHits(old: Manifest, next: Manifest): Hit[] {
  const [a, b] = [old.spec?.clusterIP, next.spec?.clusterIP];
  if (a === 'None' && b === undefined) {
    return [changeHit(next, 'spec.clusterIP', a, b, 'the Service stays headless: with clusterIP left out, the API server keeps the allocated value, None',
      `to give it a cluster IP, ${recreate(old)}`, Severity.WARNING)];
  }
  if (b === undefined || a === b) return [];
  if (a === undefined && b !== 'None') {
    return [changeHit(next, 'spec.clusterIP', a, b, `refused unless ${b} is the address the cluster already allocated to the Service (clusterIP is immutable)`,
      'leave clusterIP out of the manifest (the allocated address is kept), or recreate the Service', Severity.WARNING)];
  }
  const message = b === 'None' ? 'a Service cannot become headless in place' : a === 'None' ? 'a headless Service cannot get a cluster IP in place' : 'clusterIP is immutable';
  return [changeHit(next, 'spec.clusterIP', a, b, message, recreate(old))];
}

/** clusterIPs[i] and ipFamilies[i] may not change once set; a list the new manifest leaves out keeps the allocated one. */
function indexedHits(old: Manifest, next: Manifest, field: 'clusterIPs' | 'ipFamilies'): Hit[] {
  const [a, b]: Array<string[] | undefined> = [old.spec?.[field], next.spec?.[field]];
  if (!a || !b) return [];
  const hits: Hit[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) hits.push(changeHit(next, `spec.${field}[${i}]`, a[i], b[i], 'may not change once set', recreate(old)));
  }
  return hits;
}

/** Releasing the secondary IP (a dual-stack Service going single-stack) needs ipFamilyPolicy SingleStack. */
function releaseHits(old: Manifest, next: Manifest): Hit[] {
  const shorter = (field: string) => {
    const [a, b] = [old.spec?.[field], next.spec?.[field]];
    return Array.isArray(a) && Array.isArray(b) && b.length < a.length;
  };
  if (!(shorter('clusterIPs') || shorter('ipFamilies')) || next.spec?.ipFamilyPolicy === 'SingleStack') return [];
  return [changeHit(next, 'spec.ipFamilyPolicy', old.spec?.ipFamilyPolicy, next.spec?.ipFamilyPolicy, 'must be \'SingleStack\' to release the secondary cluster IP',
    'set ipFamilyPolicy: SingleStack together with the shorter clusterIPs, or keep the secondary IP')];
}
