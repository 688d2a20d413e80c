import { AccessMode } from '../../core/access-mode';
import { CheckSeverity } from '../check-types';
import { Inventory, namespaceOf, Workload } from '../inventory';
import { stringsAt } from '../read';
import { CheckRule, Hit } from './rule';

const SOURCE = 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes';

/** A claim mounted by workloads, with how many pods can run at once. */
interface SharedClaim {
  readonly name: string;
  readonly modes: string[];
  readonly mounters: Workload[];
  readonly pods: number;
}

/** The claims in the manifests that workloads mount. */
function mountedClaims(inv: Inventory): SharedClaim[] {
  return [...inv.claims.values()].flatMap(claim => {
    const name = claim.metadata!.name!;
    const mounters = inv.mountersOf(namespaceOf(claim), name);
    if (mounters.length === 0) return [];
    const modes = stringsAt(claim, claim.spec?.accessModes, 'spec.accessModes');
    return [{ name, modes, mounters, pods: mounters.reduce((sum, w) => sum + w.replicas, 0) }];
  });
}

/** A Deployment whose rolling update starts the new pod before the old one stops (maxSurge > 0, 25% by default). */
function surges(w: Workload): boolean {
  const maxSurge = w.object.spec?.strategy?.rollingUpdate?.maxSurge;
  return w.rollingUpdate && maxSurge !== 0 && maxSurge !== '0%';
}

function volumeField(w: Workload, claim: string): string {
  const volume = w.claims.find(c => c.claimName === claim)!.volume;
  return `${w.object.kind === 'Pod' ? 'spec' : w.object.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec'}.volumes[${volume}]`;
}

function podCount(pods: number): string {
  return pods === Infinity ? 'a pod on every node' : `${pods} pods`;
}

export const SINGLE_POD_CLAIM_SHARED: CheckRule = {
  id: 'single-pod-claim-shared',
  severity: CheckSeverity.ERROR,
  summary: 'A ReadWriteOncePod claim mounted by more than one pod, or by a Deployment that surges on update: every pod but one stays Pending.',
  source: SOURCE,
  check: (inv: Inventory) => mountedClaims(inv)
    .filter(c => c.modes.includes(AccessMode.READ_WRITE_ONCE_POD) && (c.pods > 1 || c.mounters.some(surges)))
    .flatMap(c => c.mounters.map((w): Hit => ({
      object: w.object,
      field: volumeField(w, c.name),
      message: c.pods > 1
        ? `claim ${c.name} is ReadWriteOncePod but ${podCount(c.pods)} mount it: only one pod in the cluster can use it, the others stay Pending`
        : `claim ${c.name} is ReadWriteOncePod and ${w.object.kind} ${w.object.metadata!.name} updates by RollingUpdate with surge: the new pod waits `
          + 'for the volume the old pod holds, and the old pod waits for the new one to be ready, so every rollout hangs',
      fix: c.pods > 1
        ? 'give each pod its own claim (a StatefulSet with volumeClaimTemplates), or use a ReadWriteMany class'
        : 'set strategy.type: Recreate, or rollingUpdate.maxSurge: 0',
    }))),
};

export const WRITE_ONCE_CLAIM_SHARED: CheckRule = {
  id: 'write-once-claim-shared',
  severity: CheckSeverity.WARNING,
  summary: 'A ReadWriteOnce claim mounted by more than one pod: pods scheduled to another node fail with a Multi-Attach error.',
  source: SOURCE,
  check: (inv: Inventory) => mountedClaims(inv)
    .filter(c => c.modes.includes(AccessMode.READ_WRITE_ONCE) && !c.modes.includes(AccessMode.READ_WRITE_MANY) && c.pods > 1)
    .flatMap(c => c.mounters.map((w): Hit => ({
      object: w.object,
      field: volumeField(w, c.name),
      message: `claim ${c.name} is ReadWriteOnce but ${podCount(c.pods)} mount it: the volume attaches to one node, so pods on any other node `
        + 'stay in ContainerCreating (Multi-Attach error)',
      fix: 'give each pod its own claim (a StatefulSet with volumeClaimTemplates), use a ReadWriteMany class, or run one replica',
    }))),
};

export const WRITE_ONCE_CLAIM_ROLLING_UPDATE: CheckRule = {
  id: 'write-once-claim-rolling-update',
  severity: CheckSeverity.WARNING,
  summary: 'A ReadWriteOnce claim under a Deployment that surges on update: the new pod can land on another node and wait forever for the volume.',
  source: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy',
  check: (inv: Inventory) => mountedClaims(inv)
    .filter(c => c.modes.includes(AccessMode.READ_WRITE_ONCE) && !c.modes.includes(AccessMode.READ_WRITE_MANY))
    .flatMap(c => c.mounters.filter(surges).map((w): Hit => ({
      object: w.object,
      field: 'spec.strategy',
      message: `Deployment ${w.object.metadata!.name} mounts ReadWriteOnce claim ${c.name} and updates by RollingUpdate with surge: a new pod `
        + 'scheduled to another node waits for the volume (Multi-Attach error) while the old pod waits for it to be ready, so the rollout hangs',
      fix: 'set strategy.type: Recreate, or rollingUpdate.maxSurge: 0 with maxUnavailable: 1',
    }))),
};
