import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { checkLabelKeyProp } from './api-props';
import { isQualifiedName } from './api-validation/names';
import { validateClassParameters } from './api-validation/storage';
import { checkArg, str } from './checks';
import { makeClusterScoped } from './cluster-scoped';
import { assignDefined } from './defined';
import { invalid } from './errors';
import { KubeJson, STORAGE_CLASS_KIND, kubeObject } from './kube-json';
import { checkMountOptions } from './mount-options';
import { claimClusterObjectName } from './name-registry';
import { NameRule, nameOrId, validateName } from './names';
import { ReclaimPolicy, VolumeBindingMode } from './policies';
import { protectFromPruning } from './prune-protection';
import type { AllowedTopology } from './storage-class';

/** What a backend decided about its StorageClass, in Kubernetes terms. */
export interface StorageClassSettings {
  /** The user's `storageClassName` prop, if any; otherwise the backend's construct id gives the name. */
  readonly storageClassName?: string;
  readonly provisioner: string;
  readonly parameters?: { [key: string]: string };
  readonly reclaimPolicy: ReclaimPolicy;
  readonly volumeBindingMode: VolumeBindingMode;
  readonly allowVolumeExpansion: boolean;
  readonly mountOptions?: string[];
  readonly allowedTopologies?: AllowedTopology[];
  /** Marks the class the cluster's default. */
  readonly isDefault?: boolean;
}

/**
 * The one way this library writes a StorageClass: as the child `Resource` of
 * the backend that owns it (as aws-cdk and cdk8s-plus name a construct's main
 * object), so `ApiObject.of(backend)` and `backend.node.defaultChild` reach it.
 * The name is the `storageClassName` prop, or the backend's construct id,
 * lower-cased (never the construct path, so moving the backend in the tree does
 * not rename the class). Returns the object and its name.
 */
export function addStorageClass(backend: Construct, where: string, settings: StorageClassSettings): { apiObject: ApiObject; name: string } {
  const name = nameOrId(settings.storageClassName, backend.node.id, NameRule.DNS_SUBDOMAIN, where, 'storageClassName');
  claimClusterObjectName(backend, 'StorageClass', name, 'storageClassName');
  if (settings.isDefault) claimDefaultClass(backend, where, name);
  const apiObject = kubeObject(backend, 'Resource', STORAGE_CLASS_KIND, assignDefined<KubeJson>({
    metadata: settings.isDefault ? { name, annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } } : { name },
    provisioner: validateProvisioner(settings.provisioner, where),
    reclaimPolicy: settings.reclaimPolicy,
    volumeBindingMode: settings.volumeBindingMode,
    allowVolumeExpansion: settings.allowVolumeExpansion,
  }, {
    parameters: validateParameters(settings.parameters, where),
    mountOptions: checkMountOptions(settings.mountOptions, where),
    allowedTopologies: renderAllowedTopologies(settings.allowedTopologies, where),
  }));
  makeClusterScoped(apiObject);
  protectFromPruning(apiObject);
  return { apiObject, name };
}

/** The annotation that marks the cluster's default class (read back by `check` and the map). */
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/** The default class of each app, by its root: a cluster has one. */
const DEFAULT_CLASSES = new WeakMap<IConstruct, { readonly name: string; readonly path: string }>();

/**
 * Records the app's default class, refusing a second: Kubernetes gives a claim
 * without a class the newest of several defaults, so which one is a race.
 */
function claimDefaultClass(backend: Construct, where: string, name: string): void {
  const root = backend.node.root;
  const first = DEFAULT_CLASSES.get(root);
  if (first) {
    throw invalid({
      where,
      prop: 'isDefault',
      value: true,
      allowed: `one default class per app, and ${first.path} already makes "${first.name}" the default`,
      fix: 'keep isDefault on one class, and name the class in claims that need another',
    });
  }
  DEFAULT_CLASSES.set(root, { name, path: backend.node.path });
}

/** The provisioner, judged as the API server judges it (ValidateStorageClass: a qualified name once lower-cased). */
function validateProvisioner(provisioner: string, where: string): string {
  if (isQualifiedName(provisioner.toLowerCase()).length > 0) {
    throw invalid({
      where,
      prop: 'provisioner',
      value: provisioner,
      allowed: 'a qualified name such as "ebs.csi.aws.com" or "kubernetes.io/no-provisioner"',
      fix: 'use the driver name from the CSI driver\'s documentation',
    });
  }
  return provisioner;
}

function validateParameters(parameters: { [key: string]: string } | undefined, where: string) {
  if (!parameters) return undefined;
  const entries = Object.entries(parameters);
  // The API server's limits (validateParameters: 512 entries, 256 KiB, no empty key), from the one validation module.
  if (validateClassParameters(parameters, true).length > 0) {
    const bytes = entries.reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    const emptyKey = entries.some(([k]) => k.length === 0);
    throw invalid({
      where,
      prop: 'parameters',
      value: `${entries.length} entries, ${bytes} bytes${emptyKey ? ', an empty key' : ''}`,
      allowed: 'at most 512 entries, at most 256 KiB of keys and values, no empty key',
      fix: 'remove the empty key or the parameters the provisioner does not need',
    });
  }
  return entries.length > 0 ? parameters : undefined;
}

function renderAllowedTopologies(terms: AllowedTopology[] | undefined, where: string): KubeJson[] | undefined {
  if (!terms || terms.length === 0) return undefined;
  const seen = new Set<string>();
  for (const term of terms) {
    const bad = term.matchLabelExpressions.length === 0 ||
      term.matchLabelExpressions.some(r => r.key.length === 0 || r.values.length === 0);
    const key = JSON.stringify(term);
    if (bad || seen.has(key)) {
      throw invalid({
        where,
        prop: 'allowedTopologies',
        value: term,
        allowed: 'distinct terms, each with at least one requirement of a non-empty key and at least one value',
        fix: bad ? 'give every requirement a key and values' : 'remove the duplicate term (the API server rejects duplicates)',
      });
    }
    seen.add(key);
    term.matchLabelExpressions.forEach((r, i) => {
      checkLabelKeyProp(r.key, where, `allowedTopologies[].matchLabelExpressions[${i}].key`);
      const repeated = r.values.find((v, j) => r.values.indexOf(v) < j);
      if (repeated !== undefined) {
        throw invalid({ where, prop: `allowedTopologies[].matchLabelExpressions[${i}].values`, value: repeated, allowed: 'each value once (the API server refuses a repeated value)', fix: `list "${repeated}" once` });
      }
    });
  }
  return terms.map(t => ({ matchLabelExpressions: t.matchLabelExpressions.map(r => ({ key: r.key, values: r.values })) }));
}

/**
 * The checked name of a class the cluster already has, and where it is named
 * for messages: the start of every `fromStorageClassName` importer.
 *
 * @param typeName the importing class: "EfsStorageClass"
 */
export function importedClass(typeName: string, storageClassName: unknown): { readonly where: string; readonly storageClassName: string } {
  const importer = `${typeName}.fromStorageClassName`;
  checkArg(importer, 'storageClassName', storageClassName, str('the name of a StorageClass in the cluster'));
  const where = `${importer}(${JSON.stringify(storageClassName)})`;
  return { where, storageClassName: validateName(storageClassName as string, NameRule.DNS_SUBDOMAIN, where, 'storageClassName') };
}
