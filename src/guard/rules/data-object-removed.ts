import { changeHit, GuardRule } from './change-rule';
import { Hit } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { isPruneProtected } from '../../core/prune-protection';
import { Manifest, stableJson } from '../../manifests/manifest';

/** The kinds whose disappearance or rename loses data: a GitOps tool prunes what the manifests no longer hold. */
const DATA_KINDS = ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'];

/**
 * Claims, PVs and classes that are gone from the manifests: renamed (the same
 * spec under another name, which is a new, empty object) or simply removed
 * (pruned, with their data unless Retain and protected from pruning).
 */
export const DATA_OBJECT_REMOVED: GuardRule = {
  id: 'data-object-removed',
  severity: Severity.DATA_LOSS,
  summary: 'A claim, PV or StorageClass leaves the manifests or is renamed: the GitOps tool prunes it, and its data unless Retain and protected (a warning then).',
  source: 'https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/#no-prune-resources; https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming',
  check: ({ previous, current }) => {
    const added = addedByIdentity(previous, current);
    const hits: Hit[] = [];
    for (const [key, old] of previous) {
      if (current.has(key) || !DATA_KINDS.includes(old.kind!)) continue;
      // Each added object explains at most one removed one.
      const renamed = added.get(renameKey(old))?.shift();
      hits.push(renamed ? renameHit(old, renamed) : removalHit(old, previous));
    }
    return hits;
  },
};

function renameHit(old: Manifest, renamed: Manifest): Hit {
  return changeHit(old, '(object)', old.metadata?.name, renamed.metadata?.name,
    `renamed to ${renamed.metadata?.name}: the new name is a new, empty ${old.kind}, and the old one is orphaned or pruned with its data`,
    `keep the old name (pass it as the construct's \`name\`), or copy the data to the new ${old.kind} before the old one is pruned`);
}

function removalHit(old: Manifest, before: ReadonlyMap<string, Manifest>): Hit {
  const kept = isRetained(old, before) && isPruneProtected(old.metadata?.annotations);
  return changeHit(old, '(object)', old.metadata?.name, undefined,
    kept ? 'removed from the manifests; it is Retain and protected from pruning, so it stays in the cluster, orphaned'
      : `removed from the manifests: the GitOps tool prunes it${old.kind === 'StorageClass' ? '' : ', and its data with it unless the volume is Retain'}`,
    kept ? 'delete it by hand once its data is no longer needed'
      : 'keep it in the manifests, or make it Retain and annotate it against pruning before removing it',
    kept ? Severity.WARNING : undefined);
}

/**
 * The added objects of the data kinds, by rename key: one hash lookup per
 * removed object, so renames are found in O(n) map operations, not by
 * comparing every removed object with every added one.
 */
function addedByIdentity(before: ReadonlyMap<string, Manifest>, after: ReadonlyMap<string, Manifest>): Map<string, Manifest[]> {
  const added = new Map<string, Manifest[]>();
  for (const [key, m] of after) {
    if (before.has(key) || !DATA_KINDS.includes(m.kind!)) continue;
    const k = renameKey(m);
    const same = added.get(k);
    if (same) same.push(m);
    else added.set(k, [m]);
  }
  return added;
}

/** Two objects with the same rename key are the same object under two names. */
function renameKey(m: Manifest): string {
  return `${m.kind}/${m.metadata?.namespace ?? ''}/${identity(m)}`;
}

/** What makes two objects "the same" apart from their names. */
function identity(m: Manifest): string | undefined {
  if (m.kind === 'PersistentVolumeClaim') return stableJson({ ...m.spec, volumeName: undefined });
  if (m.kind === 'PersistentVolume') return stableJson({ ...m.spec, claimRef: undefined });
  const { metadata, ...rest } = m;
  return stableJson(rest);
}

function isRetained(m: Manifest, before: ReadonlyMap<string, Manifest>): boolean {
  if (m.kind === 'StorageClass') return m.reclaimPolicy === 'Retain';
  if (m.kind === 'PersistentVolume') return (m.spec?.persistentVolumeReclaimPolicy ?? 'Retain') === 'Retain';
  const pv = m.spec?.volumeName ? before.get(`PersistentVolume//${m.spec.volumeName}`) : undefined;
  const cls = m.spec?.storageClassName ? before.get(`StorageClass//${m.spec.storageClassName}`) : undefined;
  return pv ? isRetained(pv, before) : cls ? cls.reclaimPolicy === 'Retain' : false;
}
