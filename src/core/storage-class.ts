import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { checkMountOptions } from './addresses';
import { checkProps, checkScope } from './checks';
import { makeClusterScoped } from './cluster-scoped';
import { assignDefined } from './defined';
import { describeConstruct, invalid } from './errors';
import { KubeJson, STORAGE_CLASS_KIND, kubeObject } from './kube-json';
import { claimClusterObjectName } from './name-registry';
import { NameRule, nameFromId, validateName } from './names';
import { ReclaimPolicy, VolumeBindingMode } from './policies';
import { protectFromPruning } from './prune-protection';
import { STORAGE_CLASS_PROPS } from './schemas';

/**
 * One requirement of a topology term: the node label `key` must have one of `values`.
 */
export interface TopologyRequirement {
  /** The node label key, for example `topology.kubernetes.io/zone`. */
  readonly key: string;
  /** The label values that are allowed; at least one. */
  readonly values: string[];
}

/**
 * One term of `allowedTopologies`: all its requirements must hold (terms are ORed).
 */
export interface AllowedTopology {
  /** The requirements of this term; at least one. */
  readonly matchLabelExpressions: TopologyRequirement[];
}

/**
 * Props of a `StorageClass`.
 */
export interface StorageClassProps {
  /**
   * The StorageClass name (a DNS-1123 subdomain).
   *
   * @default - the construct id, lower-cased; never derived from the construct path
   */
  readonly name?: string;
  /**
   * The provisioner (CSI driver name), for example `ebs.csi.aws.com`.
   */
  readonly provisioner: string;
  /**
   * Parameters passed to the provisioner; at most 512 entries and 256 KiB in all.
   *
   * Immutable: changing them later is refused by the API server.
   *
   * @default - no parameters
   */
  readonly parameters?: { [key: string]: string };
  /**
   * What happens to a dynamically provisioned volume when its claim is deleted.
   *
   * @default ReclaimPolicy.RETAIN - the volume and its data are kept
   */
  readonly reclaimPolicy?: ReclaimPolicy;
  /**
   * When claims are bound and provisioned.
   *
   * @default VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER - volumes are created where the pod is scheduled
   */
  readonly volumeBindingMode?: VolumeBindingMode;
  /**
   * Whether claims of this class may grow. Only set it for drivers that can expand volumes.
   *
   * @default false - growing a claim is refused at admission
   */
  readonly allowVolumeExpansion?: boolean;
  /**
   * Mount options for volumes of this class. Not validated by Kubernetes: a bad
   * option fails at mount time.
   *
   * @default - none
   */
  readonly mountOptions?: string[];
  /**
   * Topologies where volumes of this class may be provisioned.
   *
   * @default - anywhere the provisioner can reach
   * @see https://kubernetes.io/docs/concepts/storage/storage-classes/#allowed-topologies
   */
  readonly allowedTopologies?: AllowedTopology[];
}

// StorageClass limits (k8s-src pkg/apis/storage/validation, storage-facts.md 5.2).
const MAX_PARAMETERS = 512;
const MAX_PARAMETERS_BYTES = 256 * 1024;
// A qualified name: an optional DNS subdomain prefix and "/", then a name of at most 63 characters.
const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$/i;

/**
 * A Kubernetes StorageClass with typed, validated fields and safe defaults
 * (`Retain`, `WaitForFirstConsumer`, no expansion).
 *
 * Backends of this library build their classes on it; use it directly for a
 * provisioner this library does not model, and mint claims on it with
 * `StorageClassRef.existing(cls.name, { accessModes })`.
 */
export class StorageClass extends Construct {
  /** The StorageClass name. */
  public readonly name: string;
  /** The provisioner. */
  public readonly provisioner: string;
  /** The reclaim policy of the volumes it provisions. */
  public readonly reclaimPolicy: ReclaimPolicy;
  /** Its volume binding mode. */
  public readonly volumeBindingMode: VolumeBindingMode;
  /** Whether claims of this class may grow. */
  public readonly allowVolumeExpansion: boolean;
  /** The synthesized object, for escape hatches such as `addJsonPatch`. */
  public readonly apiObject: ApiObject;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default Kubernetes name
   * @param props see `StorageClassProps`
   */
  public constructor(scope: Construct, id: string, props: StorageClassProps) {
    super(checkScope(scope, id, 'StorageClass'), id);
    const where = describeConstruct(this, 'StorageClass');
    props = checkProps(where, props, STORAGE_CLASS_PROPS, 'StorageClassProps');
    this.name = validateName(props.name ?? nameFromId(id), NameRule.DNS_SUBDOMAIN, where, 'name');
    this.provisioner = validateProvisioner(props.provisioner, where);
    this.reclaimPolicy = props.reclaimPolicy ?? ReclaimPolicy.RETAIN;
    this.volumeBindingMode = props.volumeBindingMode ?? VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER;
    this.allowVolumeExpansion = props.allowVolumeExpansion ?? false;
    claimClusterObjectName(this, 'StorageClass', this.name);

    this.apiObject = kubeObject(this, 'Resource', STORAGE_CLASS_KIND, assignDefined<KubeJson>({
      metadata: { name: this.name },
      provisioner: this.provisioner,
      reclaimPolicy: this.reclaimPolicy,
      volumeBindingMode: this.volumeBindingMode,
      allowVolumeExpansion: this.allowVolumeExpansion,
    }, {
      parameters: validateParameters(props.parameters, where),
      mountOptions: checkMountOptions(props.mountOptions, where),
      allowedTopologies: renderAllowedTopologies(props.allowedTopologies, where),
    }));
    makeClusterScoped(this.apiObject);
    protectFromPruning(this.apiObject);
  }
}

function validateProvisioner(provisioner: string, where: string): string {
  const namePart = provisioner.split('/').pop() ?? '';
  if (!QUALIFIED_NAME.test(provisioner) || namePart.length > 63 || provisioner.length > 253 + 1 + 63) {
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
  const bytes = entries.reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  const emptyKey = entries.some(([k]) => k.length === 0);
  if (entries.length > MAX_PARAMETERS || bytes > MAX_PARAMETERS_BYTES || emptyKey) {
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
  }
  return terms.map(t => ({ matchLabelExpressions: t.matchLabelExpressions.map(r => ({ key: r.key, values: r.values })) }));
}
