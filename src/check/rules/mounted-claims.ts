import { stringsAt } from '../../manifests/fields';
import { Inventory, Workload } from '../../manifests/inventory';
import { namespaceOf } from '../../manifests/manifest';
import { isNodeLocalClaim } from '../claims-and-classes';

/** Where the access modes are documented. */
export const ACCESS_MODES_SOURCE = 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes';

/** The fix shared by the rules of claims that more pods mount than the mode allows. */
export const OWN_CLAIM_PER_POD = 'give each pod its own claim (a StatefulSet with volumeClaimTemplates)';

/** A claim mounted by workloads, with how many pods can run at once. */
export interface SharedClaim {
  readonly name: string;
  readonly modes: string[];
  readonly mounters: Workload[];
  readonly pods: number;
  /** Its volume is pinned to one node, where every pod that mounts it runs (isNodeLocalClaim). */
  readonly nodeLocal: boolean;
}

/** The claims in the manifests that workloads mount, read once for the three rules that judge them. */
export function mountedClaims(inv: Inventory): SharedClaim[] {
  return inv.remember('mounted claims', () => readMountedClaims(inv));
}

function readMountedClaims(inv: Inventory): SharedClaim[] {
  return [...inv.claims.values()].flatMap(claim => {
    const name = claim.metadata!.name!;
    const mounters = inv.mountersOf(namespaceOf(claim), name);
    if (mounters.length === 0) return [];
    const modes = stringsAt(claim, claim.spec?.accessModes, 'spec.accessModes');
    return [{ name, modes, mounters, pods: mounters.reduce((sum, w) => sum + w.replicas, 0), nodeLocal: isNodeLocalClaim(inv, claim) }];
  });
}

/** A Deployment whose rolling update starts the new pod before the old one stops (maxSurge > 0, 25% by default). */
export function surges(w: Workload): boolean {
  const maxSurge = w.object.spec?.strategy?.rollingUpdate?.maxSurge;
  return w.rollingUpdate && maxSurge !== 0 && maxSurge !== '0%';
}

export function volumeField(w: Workload, claim: string): string {
  const volume = w.claims.find(c => c.claimName === claim)!.volume;
  return `${w.object.kind === 'Pod' ? 'spec' : w.object.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec'}.volumes[${volume}]`;
}

export function podCount(pods: number): string {
  return pods === Infinity ? 'a pod on every node' : `${pods} pods`;
}
