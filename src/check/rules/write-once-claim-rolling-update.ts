import { mountedClaims, surges } from './mounted-claims';
import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { AccessMode } from '../../core/access-mode';
import { Inventory } from '../../manifests/inventory';

export const WRITE_ONCE_CLAIM_ROLLING_UPDATE: Rule<Inventory> = {
  id: 'write-once-claim-rolling-update',
  severity: Severity.WARNING,
  summary: 'A ReadWriteOnce claim under a Deployment that surges on update: the new pod can land on another node and wait forever for the volume.',
  source: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy',
  check: (inv: Inventory) => mountedClaims(inv)
    .filter(c => c.modes.includes(AccessMode.READ_WRITE_ONCE) && !c.modes.includes(AccessMode.READ_WRITE_MANY)
      // A node-local volume takes every pod to its node: one attachment serves them all.
      && !c.nodeLocal)
    .flatMap(c => c.mounters.filter(surges).map((w): Hit => ({
      object: w.object,
      field: 'spec.strategy',
      message: `Deployment ${w.object.metadata!.name} mounts ReadWriteOnce claim ${c.name} and updates by RollingUpdate with surge: a new pod `
        + 'scheduled to another node waits for the volume (Multi-Attach error) while the old pod waits for it to be ready, so the rollout hangs',
      fix: 'set strategy.type: Recreate, or rollingUpdate.maxSurge: 0 with maxUnavailable: 1',
    }))),
};
