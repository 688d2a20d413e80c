import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Inventory, pushTo } from '../../manifests/inventory';
import { Manifest, storageClassNameOf } from '../../manifests/manifest';

/** The PVs of the manifests a pre-bound claim points at: the one it names, or those its matchLabels select. */
function targets(inv: Inventory, claim: Manifest): Manifest[] {
  const volumeName: unknown = claim.spec?.volumeName;
  if (typeof volumeName === 'string' && volumeName !== '') {
    const pv = inv.find('PersistentVolume', '', volumeName);
    return pv ? [pv] : [];
  }
  const selector = claim.spec?.selector;
  // Only plain matchLabels are judged: expressions could select PVs these manifests do not hold.
  if (!selector || selector.matchExpressions !== undefined || typeof selector.matchLabels !== 'object' || selector.matchLabels === null) return [];
  const wanted = Object.entries(selector.matchLabels as { [key: string]: unknown });
  if (wanted.length === 0) return [];
  // Candidates by the first label, from an index built once: one lookup per claim, not a scan of every PV.
  const [key, value] = wanted[0];
  return (volumesByLabel(inv).get(`${key}=${String(value)}`) ?? []).filter(pv => wanted.every(([k, v]) => pv.metadata?.labels?.[k] === v));
}

/** The PVs of the manifests by each of their `key=value` labels. */
function volumesByLabel(inv: Inventory): Map<string, Manifest[]> {
  return inv.remember('PVs by label', () => {
    const index = new Map<string, Manifest[]>();
    for (const pv of inv.ofKind('PersistentVolume')) {
      for (const [k, v] of Object.entries(pv.metadata?.labels ?? {})) pushTo(index, `${k}=${v}`, pv);
    }
    return index;
  });
}

/**
 * A claim meant for a particular PV (volumeName, or a selector) that leaves
 * storageClassName out: the DefaultStorageClass admission plugin gives it the
 * cluster's default class, and a claim binds only to a PV of its class, so it
 * never binds to a PV without one and stays Pending.
 */
export const CLAIM_PREBOUND_DEFAULT_CLASS: Rule<Inventory> = {
  id: 'claim-prebound-default-class',
  severity: Severity.WARNING,
  summary: 'A claim pre-bound to a PV without a class (volumeName or a selector) that leaves storageClassName out: it gets the default class and stays Pending.',
  source: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reserving-a-persistentvolume; '
    + 'plugin/pkg/admission/storage/storageclass/setdefault (DefaultStorageClass)',
  check: (inv: Inventory) => inv.ofKind('PersistentVolumeClaim')
    .filter(claim => storageClassNameOf(claim) === undefined)
    .flatMap(claim => {
      const pvs = targets(inv, claim);
      if (pvs.length === 0 || pvs.some(pv => (storageClassNameOf(pv) ?? '') !== '')) return [];
      const how = claim.spec?.volumeName ? `names PV ${claim.spec.volumeName}` : `selects PV ${pvs.map(pv => pv.metadata!.name).join(', ')}`;
      return [{
        object: claim,
        field: 'spec.storageClassName',
        message: `claim ${claim.metadata!.name} ${how}, which has no class, but leaves storageClassName out: where the cluster has a default class `
          + 'the claim gets it, and never binds (it stays Pending)',
        fix: 'set storageClassName: "" on the claim, so it binds only to PVs without a class',
      }];
    }),
};
