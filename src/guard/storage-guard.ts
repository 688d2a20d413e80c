import { checkAllowList } from './allow-list';
import { GuardAllowEntry, GuardFinding, GuardOptions, GuardSeverity } from './guard-types';
import { Manifest, stableJson } from './manifest';
import { indexManifests } from './manifest-shape';
import { FIELD_RULES, templatesByName } from './rules';
import { isPruneProtected } from '../core/prune-protection';
import { parseQuantity } from '../core/quantity';

/** The kinds whose disappearance or rename loses data (trap 5). */
const DATA_KINDS = ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'];

/**
 * Compares two versions of a set of manifests (parsed YAML documents) and
 * finds the changes the API server will refuse on the next sync, and those
 * that risk data (storage-facts.md 5.3, trap 5). Mutable changes (replicas,
 * pod templates, images, a claim growing on an expandable class, mount
 * options) give no finding. Works on any manifests, not only this library's.
 *
 * It fails closed: input it cannot judge (not a list, an element that is not a
 * Kubernetes object, a field a rule reads in the wrong shape, two objects of
 * one kind, namespace and name, a document that expands past a million values,
 * an allow-list entry with an unknown key) throws a `StorageValidationError`
 * naming where, instead of answering with fewer findings.
 */
export class StorageGuard {
  /**
   * The findings of going from `previous` to `current`, minus those the allow-list matches.
   *
   * @param previous the manifests now in the cluster (or in the GitOps repository)
   * @param current the manifests about to replace them
   * @param options an allow-list of changes handled deliberately
   */
  public static compare(previous: any[], current: any[], options: GuardOptions = {}): GuardFinding[] {
    const before = indexManifests(previous, 'StorageGuard.compare previous', 'previous');
    const after = indexManifests(current, 'StorageGuard.compare current', 'current');
    const allow = checkAllowList((options ?? {}).allow ?? [], 'StorageGuard.compare options.allow');
    const findings: GuardFinding[] = [];
    for (const [key, old] of before) {
      const next = after.get(key);
      if (next) findings.push(...compareObject(old, next, after));
    }
    findings.push(...disappeared(before, after));
    return findings.filter(f => !allow.some(entry => allows(entry, f)));
  }

  /** Whether any finding is `refused` or `data-loss` (what a CI gate should fail on). */
  public static isBlocking(findings: GuardFinding[]): boolean {
    return findings.some(f => f.severity !== GuardSeverity.WARNING);
  }

  private constructor() {}
}

function compareObject(old: Manifest, next: Manifest, after: Map<string, Manifest>): GuardFinding[] {
  const findings: GuardFinding[] = [];
  for (const rule of FIELD_RULES[old.kind!] ?? []) {
    const [a, b] = [rule.value(old), rule.value(next)];
    const [oldJson, newJson] = [stableJson(a), stableJson(b)];
    if (oldJson === newJson || (rule.onceSet && a === undefined) || (rule.onlyTo !== undefined && b !== rule.onlyTo)) continue;
    findings.push(finding(old, rule.field, a, b, rule.severity, rule.message, rule.remedy(old)));
  }
  if (old.kind === 'StatefulSet') findings.push(...templateChanges(old, next));
  if (old.kind === 'PersistentVolumeClaim') findings.push(...claimSizeChange(old, next, after));
  if (old.kind === 'PersistentVolume') findings.push(...volumeShrink(old, next));
  if (old.kind === 'Service') findings.push(...clusterIpChange(old, next));
  return findings;
}

/** Any change of volumeClaimTemplates is refused: one finding per template added, removed or changed. */
function templateChanges(old: Manifest, next: Manifest): GuardFinding[] {
  const [a, b] = [templatesByName(old), templatesByName(next)];
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names.filter(n => stableJson(a[n]) !== stableJson(b[n])).map(n => finding(
    old, `spec.volumeClaimTemplates[${n}]`, a[n], b[n], GuardSeverity.REFUSED,
    `volumeClaimTemplates cannot change once the StatefulSet exists (template ${n} ${a[n] === undefined ? 'added' : b[n] === undefined ? 'removed' : 'changed'})`,
    `kubectl delete statefulset ${old.metadata?.name}${nsFlag(old)} --cascade=orphan, then re-sync; claims made from the old template keep their old spec (resize or migrate them yourself)`,
  ));
}

/** A claim may only grow, and only on a class that allows expansion. */
function claimSizeChange(old: Manifest, next: Manifest, after: Map<string, Manifest>): GuardFinding[] {
  const [a, b] = [old.spec?.resources?.requests?.storage, next.spec?.resources?.requests?.storage];
  const [x, y] = [parseQuantity(a), parseQuantity(b)];
  if (x === undefined || y === undefined || x === y) return [];
  const field = 'spec.resources.requests.storage';
  if (y < x) return [finding(old, field, a, b, GuardSeverity.REFUSED, 'a claim cannot shrink (field can not be less than previous value)', 'keep the size, or move the data to a new, smaller claim')];
  const className = next.spec?.storageClassName;
  const cls = className ? after.get(`StorageClass//${className}`) : undefined;
  if (cls?.allowVolumeExpansion === true) return [];
  return [cls || className === ''
    ? finding(old, field, a, b, GuardSeverity.REFUSED, `only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize (class "${className}" has no allowVolumeExpansion)`,
      'set allowVolumeExpansion: true on the class (it is mutable) if its driver can expand volumes, or move to a new, larger claim')
    : finding(old, field, a, b, GuardSeverity.WARNING, `the claim grows, and its class "${className ?? '(default)'}" is not in these manifests, so whether it allows expansion is unknown`,
      'check that the class has allowVolumeExpansion: true and a driver that can expand volumes')];
}

function volumeShrink(old: Manifest, next: Manifest): GuardFinding[] {
  const [a, b] = [old.spec?.capacity?.storage, next.spec?.capacity?.storage];
  const [x, y] = [parseQuantity(a), parseQuantity(b)];
  return x !== undefined && y !== undefined && y < x
    ? [finding(old, 'spec.capacity.storage', a, b, GuardSeverity.WARNING, 'the PV says it holds less than before: a claim bound to it may ask for more than it now offers', 'keep the capacity the volume really has')]
    : [];
}

/** clusterIP is immutable: in particular a Service cannot become headless in place, nor stop being headless. */
function clusterIpChange(old: Manifest, next: Manifest): GuardFinding[] {
  const [a, b] = [old.spec?.clusterIP, next.spec?.clusterIP];
  if (a === b || (a === undefined && b === undefined)) return [];
  const headless = b === 'None' ? 'a Service cannot become headless in place' : a === 'None' ? 'a headless Service cannot get a cluster IP in place' : 'clusterIP is immutable';
  return [finding(old, 'spec.clusterIP', a, b, GuardSeverity.REFUSED, headless,
    `delete the Service (kubectl delete service ${old.metadata?.name}${nsFlag(old)}) and apply it again (a short DNS outage), or create a Service under another name`)];
}

/** Claims, PVs and classes that are gone: renamed (same spec under another name) or simply removed. */
function disappeared(before: Map<string, Manifest>, after: Map<string, Manifest>): GuardFinding[] {
  const added = addedByIdentity(before, after);
  const findings: GuardFinding[] = [];
  for (const [key, old] of before) {
    if (after.has(key) || !DATA_KINDS.includes(old.kind!)) continue;
    // Each added object explains at most one removed one.
    const renamed = added.get(renameKey(old))?.shift();
    if (renamed) {
      findings.push(finding(old, '(object)', old.metadata?.name, renamed.metadata?.name, GuardSeverity.DATA_LOSS,
        `renamed to ${renamed.metadata?.name}: the new name is a new, empty ${old.kind}, and the old one is orphaned or pruned with its data`,
        `keep the old name (pass it as the construct's \`name\`), or copy the data to the new ${old.kind} before the old one is pruned`));
      continue;
    }
    const kept = isRetained(old, before) && isPruneProtected(old.metadata?.annotations);
    findings.push(finding(old, '(object)', old.metadata?.name, undefined, kept ? GuardSeverity.WARNING : GuardSeverity.DATA_LOSS,
      kept ? 'removed from the manifests; it is Retain and protected from pruning, so it stays in the cluster, orphaned'
        : `removed from the manifests: the GitOps tool prunes it${old.kind === 'StorageClass' ? '' : ', and its data with it unless the volume is Retain'}`,
      kept ? 'delete it by hand once its data is no longer needed'
        : 'keep it in the manifests, or make it Retain and annotate it against pruning before removing it'));
  }
  return findings;
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

function finding(m: Manifest, field: string, a: unknown, b: unknown, severity: GuardSeverity, message: string, remedy: string): GuardFinding {
  return {
    kind: m.kind!,
    namespace: m.metadata?.namespace,
    name: m.metadata?.name!,
    field,
    oldValue: stableJson(a),
    newValue: stableJson(b),
    severity,
    message,
    remedy,
  };
}

function allows(entry: GuardAllowEntry, f: GuardFinding): boolean {
  return entry.kind === f.kind && entry.name === f.name
    && (entry.namespace === undefined || entry.namespace === f.namespace)
    && (entry.field === undefined || entry.field === f.field);
}

function nsFlag(m: Manifest): string {
  return m.metadata?.namespace ? ` -n ${m.metadata.namespace}` : '';
}
