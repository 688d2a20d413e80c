import { countAt, objectAt, objectsAt, stringAt, stringsAt } from './fields';
import { Manifest, isDefaultClass, namespaceOf, objectKey, storageClassNameOf } from './manifest';
import { POD_SPEC_PATHS } from '../core/api-validation';

/** A pod-creating object, read once for every rule. */
export interface Workload {
  readonly object: Manifest;
  /** The pod spec (`{}` when missing), and its path in the object: `spec.template.spec`. */
  readonly podSpec: { readonly [key: string]: any };
  readonly podSpecPath: string;
  /** How many pods run at once: a DaemonSet runs one per node (Infinity). */
  readonly replicas: number;
  /** The claims its pods mount, by claim name, with the volume that mounts each. */
  readonly claims: ReadonlyArray<{ readonly claimName: string; readonly volume: string }>;
  /** Each container's use of a pod volume: at a path (volumeMounts) or as a raw device (volumeDevices). */
  readonly volumeUses: ReadonlyArray<VolumeUse>;
  /** A Deployment whose update strategy is RollingUpdate (the default). */
  readonly rollingUpdate: boolean;
  readonly serviceAccount: string;
  /** Runs a CSI driver or one of its sidecars. */
  readonly csiDriver: boolean;
  /** The Secrets and ConfigMaps its pods read (volumes, envFrom, env), read when first asked. */
  readonly secrets: readonly string[];
  readonly configMaps: readonly string[];
}

/** A container's use of a pod volume, and where the manifest says so. */
export interface VolumeUse {
  readonly container: string;
  readonly volume: string;
  readonly asDevice: boolean;
  /** The use's path in the manifest, built when a finding names it. */
  readonly field: () => string;
}


/**
 * Images of the Kubernetes CSI sidecars (registry.k8s.io/sig-storage/csi-*),
 * and the flags (in args or command) by which a driver container is told its socket.
 */
const CSI_IMAGE = /(^|\/)(csi-[a-z-]+|livenessprobe)(:|@|$)/;
const CSI_FLAGS = /^--(csi-address|kubelet-registration-path|endpoint)(=|$)/;

/**
 * The manifests, indexed the ways the rules look them up. Objects without a
 * namespace are in the namespace '' (the one the manifests are applied to).
 */
export class Inventory {
  public readonly classes = new Map<string, Manifest>();
  /** The class marked `storageclass.kubernetes.io/is-default-class: "true"`, if exactly one is. */
  public readonly defaultClass?: Manifest;
  public readonly volumesByClass = new Map<string, Manifest[]>();
  public readonly claims = new Map<string, Manifest>();
  public readonly workloads: Workload[] = [];
  /** Every object in the order of the manifests. */
  public readonly objects: readonly Manifest[];
  private readonly byKind = new Map<string, Manifest[]>();
  /** The workloads that mount each claim, by `namespace/claim`: one lookup per claim keeps the rules linear. */
  private readonly mounters = new Map<string, Workload[]>();
  /** The same, by claim name alone, for a claim that names no namespace (it lands where the manifests are applied). */
  private readonly mountersByName = new Map<string, Workload[]>();
  private readonly remembered = new Map<string, unknown>();
  /** Objects by `kind/name`, for a reference from an object that names no namespace; built when first needed. */
  private byKindName?: Map<string, Manifest[]>;

  /** @param byKey the objects by `objectKey`, as `indexManifests` returns them */
  constructor(private readonly byKey: ReadonlyMap<string, Manifest>) {
    this.objects = [...byKey.values()];
    for (const m of this.objects) {
      pushTo(this.byKind, m.kind!, m);
      if (m.kind === 'StorageClass') this.classes.set(m.metadata!.name!, m);
      if (m.kind === 'PersistentVolumeClaim') this.claims.set(`${namespaceOf(m)}/${m.metadata!.name}`, m);
      if (m.kind === 'PersistentVolume') {
        pushTo(this.volumesByClass, storageClassNameOf(m) ?? '', m);
      }
      if (POD_SPEC_PATHS[m.kind!]) this.addWorkload(readWorkload(m));
    }
    const defaults = [...this.classes.values()].filter(isDefaultClass);
    this.defaultClass = defaults.length === 1 ? defaults[0] : undefined;
  }

  /**
   * What rules derive from the manifests and share (every claim's class, the
   * mounted claims, an index): computed on first use, once per run.
   */
  public remember<T>(key: string, compute: () => T): T {
    if (!this.remembered.has(key)) this.remembered.set(key, compute());
    return this.remembered.get(key) as T;
  }

  /** An object by kind, namespace ('' for none) and name. */
  public find(kind: string, namespace: string, name: string): Manifest | undefined {
    return this.byKey.get(objectKey({ kind, metadata: { namespace: namespace || undefined, name } }));
  }

  /** The objects of some kinds, in the order of the manifests. */
  public ofKind(...kinds: string[]): Manifest[] {
    if (kinds.length === 1) return this.byKind.get(kinds[0]) ?? [];
    return this.objects.filter(m => kinds.includes(m.kind!));
  }

  /**
   * The object a reference from `namespace` names: one in that namespace, or
   * one that names no namespace (it lands where the manifests are applied);
   * from an object that names none, one of that kind and name in any
   * namespace. Every rule that follows a reference looks it up this way.
   */
  public findReferenced(kind: string, namespace: string, name: string): Manifest | undefined {
    return this.find(kind, namespace, name) ?? this.find(kind, '', name) ?? (namespace === '' ? this.ofKindAndName(kind, name) : undefined);
  }

  private ofKindAndName(kind: string, name: string): Manifest | undefined {
    if (!this.byKindName) {
      this.byKindName = new Map();
      for (const m of this.objects) pushTo(this.byKindName, `${m.kind}/${m.metadata!.name}`, m);
    }
    return this.byKindName.get(`${kind}/${name}`)?.[0];
  }

  /** The workloads that mount the claim `claimName` of `namespace`, with namespaces matched as `findReferenced` matches them. */
  public mountersOf(namespace: string, claimName: string): Workload[] {
    if (namespace === '') return oneNamespace(this.mountersByName.get(claimName) ?? []);
    const [here, unnamespaced] = [this.mounters.get(`${namespace}/${claimName}`) ?? [], this.mounters.get(`/${claimName}`) ?? []];
    return unnamespaced.length === 0 ? here : [...here, ...unnamespaced];
  }

  private addWorkload(w: Workload): void {
    this.workloads.push(w);
    // A pod that mounts one claim through two volumes is still one mounter.
    for (const claimName of new Set(w.claims.map(c => c.claimName))) {
      pushTo(this.mounters, `${namespaceOf(w.object)}/${claimName}`, w);
      pushTo(this.mountersByName, claimName, w);
    }
  }
}

/**
 * The mounters of a claim that names no namespace: it lands in one namespace,
 * so the workloads of several namespaces do not share it. Those that name
 * none, and those of the namespace with the most mounters (the worst case).
 */
function oneNamespace(mounters: Workload[]): Workload[] {
  const byNamespace = new Map<string, Workload[]>();
  for (const w of mounters) pushTo(byNamespace, namespaceOf(w.object), w);
  const unnamespaced = byNamespace.get('') ?? [];
  byNamespace.delete('');
  const largest = [...byNamespace.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return [...unnamespaced, ...largest];
}

/** Adds `value` to the list of `key` (in place: copying the list on every add would make grouping quadratic). */
export function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Each kind's pod spec: the keys to it, and the dotted paths messages name, split once. */
const POD_SPECS = new Map(Object.entries(POD_SPEC_PATHS).map(([kind, keys]) => [kind, { keys, paths: keys.map((_, i) => keys.slice(0, i + 1).join('.')) }]));

function readWorkload(m: Manifest): Workload {
  const { keys, paths } = POD_SPECS.get(m.kind!)!;
  let spec: any = m;
  for (let i = 0; i < keys.length; i++) spec = objectAt(m, spec?.[keys[i]], paths[i]) ?? {};
  const at = paths[paths.length - 1];
  // Paths of list items are functions: they are built only for a message (readers run for every container of every workload).
  const volumes = objectsAt(m, spec.volumes, () => `${at}.volumes`);
  const containerLists = (['containers', 'initContainers'] as const).map(list => ({ list, containers: objectsAt(m, spec[list], () => `${at}.${list}`) }));
  const claims = volumes.flatMap((v, i) => {
    const claimName = stringAt(m, objectAt(m, v.persistentVolumeClaim, () => `${at}.volumes[${i}].persistentVolumeClaim`)?.claimName,
      () => `${at}.volumes[${i}].persistentVolumeClaim.claimName`);
    return claimName ? [{ claimName, volume: String(v.name) }] : [];
  });
  const volumeUses = containerLists.flatMap(({ list, containers: cs }) => cs.flatMap((c, i) =>
    (['volumeMounts', 'volumeDevices'] as const).flatMap(key => objectsAt(m, c[key], () => `${at}.${list}[${i}].${key}`).map((u, j): VolumeUse => ({
      container: String(c.name),
      volume: stringAt(m, u.name, () => `${at}.${list}[${i}].${key}[${j}].name`) ?? '',
      asDevice: key === 'volumeDevices',
      field: () => `${at}.${list}[${i}].${key}[${j}]`,
    })))));
  // Only the rules about CSI drivers ask what a pod reads: it is read (and its fields checked) when first asked.
  let reads: PodReads | undefined;
  const readsOnce = () => reads ??= podReads(m, at, volumes, containerLists);
  return {
    object: m,
    podSpec: spec,
    podSpecPath: at,
    replicas: workloadReplicas(m),
    claims,
    volumeUses,
    rollingUpdate: m.kind === 'Deployment' && (stringAt(m, m.spec?.strategy?.type, 'spec.strategy.type') ?? 'RollingUpdate') === 'RollingUpdate',
    // serviceAccount is the deprecated alias that older manifests (spdk-csi's) still use.
    serviceAccount: stringAt(m, spec.serviceAccountName, `${at}.serviceAccountName`) ?? stringAt(m, spec.serviceAccount, `${at}.serviceAccount`) ?? 'default',
    csiDriver: containerLists.some(({ list, containers: cs }) => cs.some((c, i) => CSI_IMAGE.test(stringAt(m, c.image, () => `${at}.${list}[${i}].image`) ?? '')
      || stringsAt(m, c.args, () => `${at}.${list}[${i}].args`).some(a => CSI_FLAGS.test(a))
      || stringsAt(m, c.command, () => `${at}.${list}[${i}].command`).some(a => CSI_FLAGS.test(a)))),
    get secrets() {
      return readsOnce().secrets;
    },
    get configMaps() {
      return readsOnce().configMaps;
    },
  };
}

/** The Secrets and ConfigMaps a pod reads. */
interface PodReads {
  readonly secrets: string[];
  readonly configMaps: string[];
}

type ContainerLists = ReadonlyArray<{ readonly list: string; readonly containers: Array<{ [key: string]: any }> }>;

/** The Secrets and ConfigMaps a pod reads: through volumes (plain and projected), envFrom and env. */
function podReads(m: Manifest, at: string, volumes: Array<{ [key: string]: any }>, containerLists: ContainerLists): PodReads {
  const envSources = containerLists.flatMap(({ list, containers: cs }) => cs.flatMap((c, i) => [
    ...objectsAt(m, c.envFrom, () => `${at}.${list}[${i}].envFrom`),
    ...objectsAt(m, c.env, () => `${at}.${list}[${i}].env`).map(e => objectAt(m, e.valueFrom, () => `${at}.${list}[${i}].env.valueFrom`) ?? {}),
  ]));
  const named = (refs: Array<{ [key: string]: any } | undefined>, key: string) => refs.map(r => r?.[key]).filter((n): n is string => typeof n === 'string');
  return {
    secrets: [
      ...named(volumes.map(v => v.secret), 'secretName'),
      ...named(volumes.flatMap(v => (v.projected?.sources ?? []).map((s: any) => s?.secret)), 'name'),
      ...named(envSources.map(s => s.secretRef ?? s.secretKeyRef), 'name'),
    ],
    configMaps: [
      ...named(volumes.map(v => v.configMap), 'name'),
      ...named(volumes.flatMap(v => (v.projected?.sources ?? []).map((s: any) => s?.configMap)), 'name'),
      ...named(envSources.map(s => s.configMapRef ?? s.configMapKeyRef), 'name'),
    ],
  };
}

function workloadReplicas(m: Manifest): number {
  switch (m.kind) {
    case 'DaemonSet': return Infinity;
    case 'Pod': return 1;
    case 'Job': return countAt(m, m.spec?.parallelism, 'spec.parallelism', 1);
    case 'CronJob': return countAt(m, m.spec?.jobTemplate?.spec?.parallelism, 'spec.jobTemplate.spec.parallelism', 1);
    default: return countAt(m, m.spec?.replicas, 'spec.replicas', 1);
  }
}
