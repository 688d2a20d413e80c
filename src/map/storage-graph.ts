import { Finding } from '../analysis/finding';
import { Severity } from '../analysis/severity';
import { driverOf } from '../drivers';
import { Inventory } from '../manifests/inventory';
import { Manifest, isDefaultClass, namespaceOf, storageClassNameOf } from '../manifests/manifest';

/** What a box of the map stands for. */
export type MapNodeKind = 'workload' | 'claim' | 'template' | 'class' | 'driver' | 'volume' | 'node' | 'zone' | 'snapshot' | 'snapshot-class';

/** One box: its lines, its namespace ('' for cluster-scoped objects) and the worst `check` finding on it. */
export interface MapNode {
  readonly id: string;
  readonly kind: MapNodeKind;
  readonly lines: string[];
  readonly namespace: string;
  severity?: Severity;
  /** Named by another object but not in the manifests (a claim, a class the cluster has). */
  readonly missing?: boolean;
}

export interface MapEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

/** The storage of a set of manifests as boxes and arrows, in the order they were found (stable output). */
export interface StorageGraph {
  readonly nodes: MapNode[];
  readonly edges: MapEdge[];
}

const ACCESS_SHORT: { readonly [mode: string]: string } = {
  ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP',
};
const RANK: { readonly [severity: string]: number } = {
  [Severity.REFUSED]: 4, [Severity.DATA_LOSS]: 4, [Severity.ERROR]: 3, [Severity.WARNING]: 2, [Severity.INFO]: 1,
};
const ZONE_KEYS = /(^|\/)zone$/;

/** Builds the graph of `inv`'s storage, marking each object with its worst finding of `findings`. */
export function buildStorageGraph(inv: Inventory, findings: readonly Finding[]): StorageGraph {
  const graph = new GraphBuilder();
  for (const w of inv.workloads) graph.workload(inv, w.object, w.replicas, w.claims.map(c => c.claimName));
  for (const claim of inv.ofKind('PersistentVolumeClaim')) graph.claim(inv, claim);
  for (const pv of inv.ofKind('PersistentVolume')) graph.volume(inv, pv);
  for (const cls of inv.classes.values()) graph.storageClass(cls);
  for (const snapshot of inv.ofKind('VolumeSnapshot')) graph.snapshot(snapshot);
  for (const snapshotClass of inv.ofKind('VolumeSnapshotClass')) graph.snapshotClass(snapshotClass);
  graph.mark(findings);
  return graph.result();
}

class GraphBuilder {
  private readonly nodes = new Map<string, MapNode>();
  private readonly edges: MapEdge[] = [];
  private readonly edgeKeys = new Set<string>();

  public workload(inv: Inventory, w: Manifest, replicas: number, claimNames: string[]): void {
    const ns = namespaceOf(w);
    const id = objectId(w);
    this.add({ id, kind: 'workload', namespace: ns, lines: [`${w.kind} ${w.metadata!.name}`, replicas === Infinity ? 'one pod per node' : `× ${replicas}`] });
    for (const claimName of new Set(claimNames)) {
      const claim = inv.findReferenced('PersistentVolumeClaim', ns, claimName);
      this.link(id, claim ? objectId(claim) : this.missingClaim(ns, claimName), 'mounts');
    }
    if (w.kind === 'StatefulSet') {
      for (const t of Array.isArray(w.spec?.volumeClaimTemplates) ? w.spec.volumeClaimTemplates : []) {
        const templateId = `${id}/template/${t.metadata?.name}`;
        this.add({ id: templateId, kind: 'template', namespace: ns, lines: [`claim template ${t.metadata?.name}`, `× ${replicas}`, claimLine(t.spec)] });
        this.link(id, templateId, 'one claim per replica');
        this.classEdge(inv, templateId, storageClassNameOf(t), t.spec);
      }
    }
  }

  public claim(inv: Inventory, claim: Manifest): void {
    const id = objectId(claim);
    this.add({ id, kind: 'claim', namespace: namespaceOf(claim), lines: [`PVC ${claim.metadata!.name}`, claimLine(claim.spec)] });
    const volumeName = claim.spec?.volumeName;
    if (typeof volumeName === 'string' && volumeName !== '') this.link(id, `PersistentVolume//${volumeName}`, 'bound to');
    this.classEdge(inv, id, storageClassNameOf(claim), claim.spec);
  }

  public volume(inv: Inventory, pv: Manifest): void {
    const id = objectId(pv);
    const size = pv.spec?.capacity?.storage;
    const reclaim = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
    this.add({ id, kind: 'volume', namespace: '', lines: [`PV ${pv.metadata!.name}`, [size, reclaim, sourceOf(pv)].filter(Boolean).join(' · ')] });
    const ref = pv.spec?.claimRef;
    if (ref?.name) {
      const claim = inv.findReferenced('PersistentVolumeClaim', ref.namespaceName ?? '', ref.name);
      this.link(claim ? objectId(claim) : this.missingClaim(ref.namespaceName ?? '', ref.name), id, 'bound to');
    }
    const className = storageClassNameOf(pv);
    if (className) this.link(id, this.classNode(className), 'class');
    for (const place of placesOf(pv)) {
      const placeId = `${place.kind}:${place.name}`;
      this.add({ id: placeId, kind: place.kind, namespace: '', lines: [`${place.kind} ${place.name}`] });
      this.link(id, placeId, 'on');
    }
  }

  public storageClass(cls: Manifest): void {
    const id = objectId(cls);
    const binding = cls.volumeBindingMode ?? 'Immediate';
    const reclaim = cls.reclaimPolicy ?? 'Delete';
    const isDefault = isDefaultClass(cls);
    this.add({ id, kind: 'class', namespace: '', lines: [`StorageClass ${cls.metadata!.name}${isDefault ? ' (default)' : ''}`, `${binding} · ${reclaim}`] });
    this.link(id, this.driverNode(cls.provisioner), 'provisioned by');
    for (const zone of allowedZonesOf(cls)) {
      this.add({ id: `zone:${zone}`, kind: 'zone', namespace: '', lines: [`zone ${zone}`] });
      this.link(id, `zone:${zone}`, 'in');
    }
  }

  public snapshot(snapshot: Manifest): void {
    const id = objectId(snapshot);
    const ns = namespaceOf(snapshot);
    this.add({ id, kind: 'snapshot', namespace: ns, lines: [`VolumeSnapshot ${snapshot.metadata!.name}`] });
    const source = snapshot.spec?.source?.persistentVolumeClaimName;
    if (typeof source === 'string') this.link(id, this.nodes.has(`PersistentVolumeClaim/${ns}/${source}`) ? `PersistentVolumeClaim/${ns}/${source}` : this.missingClaim(ns, source), 'of');
    const className = snapshot.spec?.volumeSnapshotClassName;
    if (typeof className === 'string') this.link(id, `VolumeSnapshotClass//${className}`, 'class');
  }

  public snapshotClass(snapshotClass: Manifest): void {
    const id = objectId(snapshotClass);
    this.add({ id, kind: 'snapshot-class', namespace: '', lines: [`VolumeSnapshotClass ${snapshotClass.metadata!.name}`, snapshotClass.deletionPolicy ?? ''] });
    if (typeof snapshotClass.driver === 'string') this.link(id, this.driverNode(snapshotClass.driver), 'driver');
  }

  /** Colours each object with its worst finding; a template's finding (field volumeClaimTemplates[name]) marks the template. */
  public mark(findings: readonly Finding[]): void {
    for (const f of findings) {
      const template = /^spec\.volumeClaimTemplates\[([^\]]+)\]/.exec(f.field ?? '');
      const id = `${f.kind}/${f.namespaceName ?? ''}/${f.name}${template && f.kind === 'StatefulSet' ? `/template/${template[1]}` : ''}`;
      const node = this.nodes.get(id) ?? this.nodes.get(`${f.kind}/${f.namespaceName ?? ''}/${f.name}`);
      if (node && (node.severity === undefined || RANK[f.severity] > RANK[node.severity])) node.severity = f.severity;
    }
  }

  public result(): StorageGraph {
    // Arrows may name objects that came later in the manifests; those that never came are left out.
    return { nodes: [...this.nodes.values()], edges: this.edges.filter(e => this.nodes.has(e.from) && this.nodes.has(e.to)) };
  }

  private classEdge(inv: Inventory, from: string, className: string | undefined, spec: any): void {
    if (className === '') return;
    const label = (Array.isArray(spec?.accessModes) ? spec.accessModes : []).map((m: string) => ACCESS_SHORT[m] ?? m).join(', ') || undefined;
    if (className === undefined) {
      const defaultClass = inv.defaultClass;
      this.link(from, defaultClass ? objectId(defaultClass) : this.missing('class', 'StorageClass//(default)', ['the cluster\'s default class']), label);
      return;
    }
    this.link(from, this.classNode(className), label);
  }

  private classNode(name: string): string {
    const id = `StorageClass//${name}`;
    return this.nodes.has(id) ? id : this.missing('class', id, [`StorageClass ${name}`, 'in the cluster']);
  }

  private driverNode(provisioner: string): string {
    const id = `driver:${provisioner}`;
    const label = driverOf(provisioner)?.facts.label;
    this.add({ id, kind: 'driver', namespace: '', lines: [provisioner, ...(label && label !== provisioner ? [label] : [])] });
    return id;
  }

  private missingClaim(namespace: string, name: string): string {
    return this.missing('claim', `PersistentVolumeClaim/${namespace}/${name}`, [`PVC ${name}`, 'not in these manifests'], namespace);
  }

  private missing(kind: MapNodeKind, id: string, lines: string[], namespace = ''): string {
    this.add({ id, kind, namespace, lines, missing: true });
    return id;
  }

  private add(node: MapNode): void {
    const existing = this.nodes.get(node.id);
    // A real object replaces the placeholder an earlier reference made for it.
    if (!existing || (existing.missing && !node.missing)) this.nodes.set(node.id, node);
  }

  private link(from: string, to: string, label?: string): void {
    const key = `${from}\u0000${to}\u0000${label ?? ''}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, label });
  }
}

function objectId(m: Manifest): string {
  return `${m.kind}/${namespaceOf(m)}/${m.metadata!.name}`;
}

/** "RWO · 10Gi · Block". */
function claimLine(spec: any): string {
  const modes = (Array.isArray(spec?.accessModes) ? spec.accessModes : []).map((m: string) => ACCESS_SHORT[m] ?? m).join(', ');
  return [modes, spec?.resources?.requests?.storage, spec?.volumeMode === 'Block' ? 'Block' : undefined].filter(Boolean).join(' · ');
}

/** The kind of a PV's source: "local /mnt/disks/a", "csi ebs.csi.aws.com", "nfs". */
function sourceOf(pv: Manifest): string | undefined {
  const spec = pv.spec ?? {};
  if (spec.local) return `local ${spec.local.path ?? ''}`.trim();
  if (spec.csi) return `csi ${spec.csi.driver ?? ''}`.trim();
  return ['nfs', 'hostPath', 'iscsi', 'fc'].find(k => spec[k] !== undefined);
}

/** The nodes and zones a PV's required affinity names with In. */
function placesOf(pv: Manifest): Array<{ kind: 'node' | 'zone'; name: string }> {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  const places: Array<{ kind: 'node' | 'zone'; name: string }> = [];
  for (const term of Array.isArray(terms) ? terms : []) {
    for (const e of Array.isArray(term?.matchExpressions) ? term.matchExpressions : []) {
      if (e?.operator !== 'In' || !Array.isArray(e.values)) continue;
      const kind = e.key === 'kubernetes.io/hostname' ? 'node' : typeof e.key === 'string' && ZONE_KEYS.test(e.key) ? 'zone' : undefined;
      if (kind) for (const value of e.values) places.push({ kind, name: String(value) });
    }
  }
  return places;
}

function allowedZonesOf(cls: Manifest): string[] {
  const terms = Array.isArray(cls.allowedTopologies) ? cls.allowedTopologies : [];
  return [...new Set(terms.flatMap((t: any) => (Array.isArray(t?.matchLabelExpressions) ? t.matchLabelExpressions : [])
    .filter((e: any) => typeof e?.key === 'string' && ZONE_KEYS.test(e.key))
    .flatMap((e: any) => (Array.isArray(e.values) ? e.values : []).map(String))))] as string[];
}
