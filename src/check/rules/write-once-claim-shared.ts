import { ACCESS_MODES_SOURCE, OWN_CLAIM_PER_POD, mountedClaims, podCount, volumeField } from './mounted-claims';
import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { AccessMode } from '../../core/access-mode';
import { Inventory } from '../../manifests/inventory';

export const WRITE_ONCE_CLAIM_SHARED: Rule<Inventory> = {
  id: 'write-once-claim-shared',
  severity: Severity.WARNING,
  summary: 'A ReadWriteOnce claim mounted by more than one pod: pods scheduled to another node fail with a Multi-Attach error.',
  source: ACCESS_MODES_SOURCE,
  check: (inv: Inventory) => mountedClaims(inv)
    .filter(c => c.modes.includes(AccessMode.READ_WRITE_ONCE) && !c.modes.includes(AccessMode.READ_WRITE_MANY) && c.pods > 1
      // A node-local volume takes every pod to its node: one attachment serves them all.
      && !c.nodeLocal)
    .flatMap(c => c.mounters.map((w): Hit => ({
      object: w.object,
      field: volumeField(w, c.name),
      message: `claim ${c.name} is ReadWriteOnce but ${podCount(c.pods)} mount it: the volume attaches to one node, so pods on any other node `
        + 'stay in ContainerCreating (Multi-Attach error)',
      fix: `${OWN_CLAIM_PER_POD}, use a ReadWriteMany class, or run one replica`,
    }))),
};
