import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { objectAt, objectsAt, stringsAt } from '../../manifests/fields';
import { Inventory, pushTo, Workload } from '../../manifests/inventory';
import { inNamespace, namespaceOf } from '../../manifests/manifest';

/**
 * Whether an RBAC rule lets its holder read every Secret: list and watch
 * return all of them whatever resourceNames says, and get does without
 * resourceNames (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources).
 */
function readsAllSecrets(rule: { [key: string]: any }, where: () => [any, string]): boolean {
  const [m, path] = where();
  const groups = stringsAt(m, rule.apiGroups, `${path}.apiGroups`);
  const resources = stringsAt(m, rule.resources, `${path}.resources`);
  const verbs = stringsAt(m, rule.verbs, `${path}.verbs`);
  const named = stringsAt(m, rule.resourceNames, `${path}.resourceNames`).length > 0;
  return (groups.includes('') || groups.includes('*')) && (resources.includes('secrets') || resources.includes('*'))
    && (verbs.some(v => ['list', 'watch', '*'].includes(v)) || (verbs.includes('get') && !named));
}

export const CSI_CLUSTER_SECRETS_ACCESS: Rule<Inventory> = {
  id: 'csi-cluster-secrets-access',
  severity: Severity.WARNING,
  summary: 'A CSI driver\'s service account may read every Secret in the cluster (a ClusterRole bound cluster-wide): a compromised sidecar leaks them all.',
  source: 'kubernetes-csi/external-provisioner deploy/kubernetes/rbac.yaml (the secrets rule is commented out: "only for plugins that require secrets"); '
    + 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
  check: (inv: Inventory) => {
    const hits: Hit[] = [];
    // The CSI driver workloads by service account: one lookup per subject of each binding.
    const driversByAccount = new Map<string, Workload[]>();
    for (const w of inv.workloads) if (w.csiDriver) pushTo(driversByAccount, w.serviceAccount, w);
    for (const binding of inv.ofKind('ClusterRoleBinding')) {
      const roleRef = objectAt(binding, binding.roleRef, 'roleRef');
      const role = roleRef?.kind === 'ClusterRole' ? inv.find('ClusterRole', '', String(roleRef.name)) : undefined;
      if (!role) continue;
      const rules = objectsAt(role, role.rules, 'rules');
      const index = rules.findIndex((r, i) => readsAllSecrets(r, () => [role, `rules[${i}]`]));
      if (index < 0) continue;
      const drivers = objectsAt(binding, binding.subjects, 'subjects')
        .filter(s => s.kind === 'ServiceAccount')
        .flatMap(s => (driversByAccount.get(s.name) ?? []).filter(w => inNamespace(namespaceOf(w.object), s.namespace ?? '')));
      if (drivers.length === 0) continue;
      hits.push({
        object: role,
        field: `rules[${index}]`,
        message: `ClusterRole ${role.metadata!.name}, bound cluster-wide by ${binding.metadata!.name} to the CSI driver `
          + `${[...new Set(drivers.map(w => `${w.object.kind} ${w.object.metadata!.name}`))].join(', ')}, reads every Secret in the cluster`,
        fix: 'grant get on the named Secrets (resourceNames) in a Role in their namespace, or drop the rule if the driver reads no Secret',
      });
    }
    return hits;
  },
};
