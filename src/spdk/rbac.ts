import { k8s } from 'cdk8s-plus-27';

/**
 * The controller's cluster-wide rules: exactly the external-provisioner and
 * external-snapshotter rules of spdk-csi's controller-rbac.yaml
 * (https://github.com/spdk/spdk-csi/blob/master/deploy/kubernetes/controller-rbac.yaml), without its `secrets` rule, which `secretRule`
 * narrows to the one Secret. The snapshot rules only when snapshots are on.
 */
export function controllerClusterRules(snapshots: boolean): k8s.PolicyRule[] {
  const provisioner: k8s.PolicyRule[] = [
    { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['get', 'list', 'watch', 'create', 'delete', 'update', 'patch'] },
    { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list', 'watch', 'update', 'patch'] },
    { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: [''], resources: ['events'], verbs: ['list', 'watch', 'create', 'update', 'patch'] },
  ];
  const snapshotter: k8s.PolicyRule[] = [
    { apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshotclasses', 'volumesnapshots'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshotcontents'], verbs: ['get', 'list', 'watch', 'update', 'patch'] },
    { apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshotcontents/status'], verbs: ['get', 'update', 'patch'] },
  ];
  const common: k8s.PolicyRule[] = [
    { apiGroups: ['storage.k8s.io'], resources: ['csinodes'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'watch', 'list', 'delete', 'update', 'create'] },
  ];
  return [...provisioner, ...(snapshots ? snapshotter : []), ...common];
}

/**
 * Read access to the credentials Secret alone. Upstream grants get and list on
 * every Secret of the cluster; `resourceNames` can restrict `get` (all the
 * sidecars do: they read the Secret named in the class parameters), not `list`.
 */
export function secretRule(secretName: string): k8s.PolicyRule {
  return { apiGroups: [''], resources: ['secrets'], resourceNames: [secretName], verbs: ['get'] };
}
