import { changeHit, GuardRule } from './change-rule';
import { Hit } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Manifest } from '../../manifests/manifest';

/**
 * A VolumeSnapshot that leaves the manifests is pruned by the GitOps tool,
 * and with a Delete policy the snapshot controller then deletes its
 * VolumeSnapshotContent and the snapshot in the storage system: the backup is
 * gone. The policy is the content's; a dynamic snapshot's content takes it
 * from the VolumeSnapshotClass.
 */
export const SNAPSHOT_REMOVED: GuardRule = {
  id: 'snapshot-removed',
  severity: Severity.DATA_LOSS,
  summary: 'A VolumeSnapshot leaves the manifests while its content or class says Delete: pruning it deletes the backup in the storage system '
    + '(a warning when the policy is not in the manifests).',
  source: 'https://kubernetes.io/docs/concepts/storage/volume-snapshots/#delete; https://kubernetes.io/docs/concepts/storage/volume-snapshot-classes/#deletionpolicy',
  check: ({ previous, current }) => {
    const removed = [...previous].filter(([key, m]) => m.kind === 'VolumeSnapshot' && !current.has(key)).map(([, m]) => m);
    if (removed.length === 0) return [];
    const policies = deletionPolicies(previous);
    return removed.flatMap((old): Hit[] => {
      const policy = deletionPolicyOf(old, policies);
      if (policy === 'Retain') return [];
      return [policy === 'Delete'
        ? changeHit(old, '(object)', old.metadata?.name, undefined,
          'removed from the manifests: the GitOps tool prunes it, and its deletionPolicy Delete deletes the snapshot in the storage system',
          'keep it in the manifests until the backup is no longer needed, or make its content Retain before removing it')
        : changeHit(old, '(object)', old.metadata?.name, undefined,
          'removed from the manifests: the GitOps tool prunes it, and if its class or content says Delete (as most do) the snapshot in the storage system goes with it',
          'keep it in the manifests until the backup is no longer needed, or make sure its content is Retain before removing it', Severity.WARNING)];
    });
  },
};

/** The deletion policies of the contents and snapshot classes of the manifests, by `kind/name` (built once per comparison). */
function deletionPolicies(manifests: ReadonlyMap<string, Manifest>): Map<string, string | undefined> {
  const policies = new Map<string, string | undefined>();
  for (const m of manifests.values()) {
    if (m.kind === 'VolumeSnapshotContent') policies.set(`VolumeSnapshotContent/${m.metadata?.name}`, m.spec?.deletionPolicy);
    if (m.kind === 'VolumeSnapshotClass') policies.set(`VolumeSnapshotClass/${m.metadata?.name}`, m.deletionPolicy);
  }
  return policies;
}

/** The policy that decides a snapshot's fate: its pre-provisioned content's, or its class's; undefined when the manifests do not say. */
function deletionPolicyOf(snapshot: Manifest, policies: Map<string, string | undefined>): string | undefined {
  const contentName = snapshot.spec?.source?.volumeSnapshotContentName;
  if (typeof contentName === 'string') return policies.get(`VolumeSnapshotContent/${contentName}`);
  const className = snapshot.spec?.volumeSnapshotClassName;
  return typeof className === 'string' ? policies.get(`VolumeSnapshotClass/${className}`) : undefined;
}
