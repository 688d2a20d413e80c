import { AccessMode } from '../../core/access-mode';
import { CheckSeverity } from '../check-types';
import { Inventory } from '../inventory';
import { ACCESS_MODES_SOURCE, OWN_CLAIM_PER_POD, mountedClaims, podCount, volumeField } from './mounted-claims';
import { CheckRule, Hit } from './rule';

export const WRITE_ONCE_CLAIM_SHARED: CheckRule = {
  id: 'write-once-claim-shared',
  severity: CheckSeverity.WARNING,
  summary: 'A ReadWriteOnce claim mounted by more than one pod: pods scheduled to another node fail with a Multi-Attach error.',
  source: ACCESS_MODES_SOURCE,
  check: (inv: Inventory) => mountedClaims(inv)
    .filter(c => c.modes.includes(AccessMode.READ_WRITE_ONCE) && !c.modes.includes(AccessMode.READ_WRITE_MANY) && c.pods > 1)
    .flatMap(c => c.mounters.map((w): Hit => ({
      object: w.object,
      field: volumeField(w, c.name),
      message: `claim ${c.name} is ReadWriteOnce but ${podCount(c.pods)} mount it: the volume attaches to one node, so pods on any other node `
        + 'stay in ContainerCreating (Multi-Attach error)',
      fix: `${OWN_CLAIM_PER_POD}, use a ReadWriteMany class, or run one replica`,
    }))),
};
