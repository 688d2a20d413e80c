import { isPruneProtected } from '../../core/prune-protection';
import { GuardFinding, GuardSeverity } from '../guard-types';
import { Manifest, stableJson } from '../manifest';
import { RemovalRule, finding } from './guard-rule';

const NAME = 'data-object-removed';

/** The kinds whose disappearance or rename loses data: a GitOps tool prunes what the manifests no longer hold. */
const DATA_KINDS = ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'];

/**
 * Claims, PVs and classes that are gone from the manifests: renamed (the same
 * spec under another name, which is a new, empty object) or simply removed
 * (pruned, with their data unless Retain and protected from pruning).
 */
export const DATA_OBJECT_REMOVED: RemovalRule = {
  name: NAME,
  check: (before, after) => {
    const added = addedByIdentity(before, after);
    const findings: GuardFinding[] = [];
    for (const [key, old] of before) {
      if (after.has(key) || !DATA_KINDS.includes(old.kind!)) continue;
      // Each added object explains at most one removed one.
      const renamed = added.get(renameKey(old))?.shift();
      findings.push(renamed ? renameFinding(old, renamed) : removalFinding(old, before));
    }
    return findings;
  },
};

function renameFinding(old: Manifest, renamed: Manifest): GuardFinding {
  return finding(NAME, old, '(object)', old.metadata?.name, renamed.metadata?.name, GuardSeverity.DATA_LOSS,
    `renamed to ${renamed.metadata?.name}: the new name is a new, empty ${old.kind}, and the old one is orphaned or pruned with its data`,
    `keep the old name (pass it as the construct's \`name\`), or copy the data to the new ${old.kind} before the old one is pruned`);
}

function removalFinding(old: Manifest, before: Map<string, Manifest>): GuardFinding {
  const kept = isRetained(old, before) && isPruneProtected(old.metadata?.annotations);
  return finding(NAME, old, '(object)', old.metadata?.name, undefined, kept ? GuardSeverity.WARNING : GuardSeverity.DATA_LOSS,
    kept ? 'removed from the manifests; it is Retain and protected from pruning, so it stays in the cluster, orphaned'
      : `removed from the manifests: the GitOps tool prunes it${old.kind === 'StorageClass' ? '' : ', and its data with it unless the volume is Retain'}`,
    kept ? 'delete it by hand once its data is no longer needed'
      : 'keep it in the manifests, or make it Retain and annotate it against pruning before removing it');
}

/**
 * The added objects of the data kinds, by rename key: one hash lookup per
 * removed object, so renames are found in O(n) map operations, not by
 * comparing every removed object with every added one.
 */
function addedByIdentity(before: Map<string, Manifest>, after: Map<string, Manifest>): Map<string, Manifest[]> {
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

function isRetained(m: Manifest, before: Map<string, Manifest>): boolean {
  if (m.kind === 'StorageClass') return m.reclaimPolicy === 'Retain';
  if (m.kind === 'PersistentVolume') return (m.spec?.persistentVolumeReclaimPolicy ?? 'Retain') === 'Retain';
  const pv = m.spec?.volumeName ? before.get(`PersistentVolume//${m.spec.volumeName}`) : undefined;
  const cls = m.spec?.storageClassName ? before.get(`StorageClass//${m.spec.storageClassName}`) : undefined;
  return pv ? isRetained(pv, before) : cls ? cls.reclaimPolicy === 'Retain' : false;
}
