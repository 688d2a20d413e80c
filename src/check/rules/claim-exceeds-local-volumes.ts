import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Inventory } from '../../manifests/inventory';
import { allClaims, classOf, isLocalClass, largestVolume, requestedSize } from '../claims-and-classes';

export const CLAIM_EXCEEDS_LOCAL_VOLUMES: Rule<Inventory> = {
  id: 'claim-exceeds-local-volumes',
  severity: Severity.ERROR,
  summary: 'A claim on a local class asks for more than its largest PV holds: no PV can bind it, and its pod stays Pending.',
  source: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#binding (a claim binds only to a PV of at least its size)',
  check: (inv: Inventory) => allClaims(inv).flatMap(claim => {
    const cls = classOf(inv, claim);
    if (!cls || !isLocalClass(inv, cls.name)) return [];
    const requested = requestedSize(claim);
    const largest = largestVolume(inv, cls.name)!;
    if (!requested || requested.thousandths <= largest.thousandths) return [];
    const [largestPv, count] = [largest.pv, inv.volumesByClass.get(cls.name)!.length];
    return [{
      object: claim.owner,
      field: `${claim.specPath}.resources.requests.storage`,
      message: `${claim.label} asks for ${requested.text}, more than any of the ${count} local PV(s) of ${cls.label} holds `
        + `(the largest, ${largestPv.metadata!.name}, holds ${largestPv.spec.capacity.storage}): it never binds`,
      fix: `ask for ${largestPv.spec.capacity.storage} or less, or add a larger disk to the class`,
    }];
  }),
};
