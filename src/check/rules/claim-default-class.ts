import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Inventory } from '../../manifests/inventory';
import { isDefaultClass } from '../../manifests/manifest';
import { allClaims } from '../claims-and-classes';


/**
 * A claim that names no class gets whichever class the cluster marks default
 * (DefaultStorageClass admission, or later by retroactive assignment): the
 * disk type, its reclaim policy and its binding mode are the cluster's choice,
 * not the manifests'. Information, not a fault: many charts do it on purpose.
 * Claims pinned to a PV (volumeName, selector) have their own rule.
 */
export const CLAIM_DEFAULT_CLASS: Rule<Inventory> = {
  id: 'claim-default-class',
  severity: Severity.INFO,
  summary: 'A claim or claim template without storageClassName, where the manifests mark no class default: it gets the cluster\'s default class, '
    + 'or stays Pending on a cluster without one.',
  source: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#class-1; '
    + 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#retroactive-default-storageclass-assignment',
  check: (inv: Inventory) => {
    if ([...inv.classes.values()].some(isDefaultClass)) return [];
    return allClaims(inv)
      .filter(claim => claim.className === undefined && !claim.spec.volumeName && claim.spec.selector === undefined)
      .map(claim => ({
        object: claim.owner,
        field: `${claim.specPath}.storageClassName`,
        message: `${claim.label} names no storageClassName: it gets the class the cluster marks default (its disk type, reclaim policy and binding mode), `
          + 'and on a cluster without a default class it stays Pending until one is marked',
        fix: 'name the class the data needs in storageClassName, so every cluster gives the same kind of volume',
      }));
  },
};
