import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { isPruneProtected } from '../../core/prune-protection';
import { Inventory } from '../../manifests/inventory';

export const PRUNE_PROTECTION: Rule<Inventory> = {
  id: 'prune-protection',
  severity: Severity.INFO,
  summary: 'A claim or PV that Argo CD, Flux or Helm would delete when it leaves the manifests (a rename or a refactor deletes the data).',
  source: 'https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/#no-prune-resources; https://fluxcd.io/flux/components/kustomize/kustomizations/#prune',
  // Not StorageClasses: a class holds no data, and pruning one deletes no volume (bound claims keep working).
  check: (inv: Inventory) => inv.ofKind('PersistentVolumeClaim', 'PersistentVolume')
    .filter(m => !isPruneProtected(m.metadata?.annotations))
    .map(m => ({
      object: m,
      field: 'metadata.annotations',
      message: `${m.kind} ${m.metadata!.name} has no prune protection: if it leaves the manifests (a rename, a refactor), the GitOps tool deletes it, `
        + 'and with Delete its data',
      fix: 'annotate it argocd.argoproj.io/sync-options: Prune=false,Delete=false and kustomize.toolkit.fluxcd.io/prune: disabled '
        + '(this library\'s constructs do by default)',
    })),
};
