import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { SNAPSHOT_API_VERSION } from '../../core/policies';
import { Inventory } from '../../manifests/inventory';

const SNAPSHOT_GROUP = 'snapshot.storage.k8s.io/';

export const SNAPSHOT_API_VERSION_RULE: Rule<Inventory> = {
  id: 'snapshot-api-version',
  severity: Severity.ERROR,
  summary: `Snapshot objects on an API version other than ${SNAPSHOT_API_VERSION}: external-snapshotter 6.0 and later no longer serve v1beta1, so the apply fails.`,
  source: 'kubernetes-csi/external-snapshotter CHANGELOG-6.0 ("API Removal", #709)',
  check: (inv: Inventory) => inv.objects
    .filter(m => typeof m.apiVersion === 'string' && m.apiVersion.startsWith(SNAPSHOT_GROUP) && m.apiVersion !== SNAPSHOT_API_VERSION)
    .map(m => ({
      object: m,
      field: 'apiVersion',
      message: `${m.kind} ${m.metadata!.name} is ${m.apiVersion}: the snapshot CRDs serve ${SNAPSHOT_API_VERSION} only since external-snapshotter 6.0, so the apply fails `
        + '("no matches for kind")',
      fix: `set apiVersion: ${SNAPSHOT_API_VERSION} (the fields are the same)`,
    })),
};
