import { ACCESS_MODES_SOURCE, OWN_CLAIM_PER_POD, mountedClaims, podCount, surges, volumeField } from './mounted-claims';
import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { AccessMode } from '../../core/access-mode';
import { Inventory } from '../../manifests/inventory';

export const SINGLE_POD_CLAIM_SHARED: Rule<Inventory> = {
  id: 'single-pod-claim-shared',
  severity: Severity.ERROR,
  summary: 'A ReadWriteOncePod claim mounted by more than one pod, or by a Deployment that surges on update: every pod but one stays Pending.',
  source: ACCESS_MODES_SOURCE,
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
        ? `${OWN_CLAIM_PER_POD}, or use a ReadWriteMany class`
        : 'set strategy.type: Recreate, or rollingUpdate.maxSurge: 0',
    }))),
};
