import { ApiObject, Duration, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { PodComposition } from './pod-composition';
import { STORE_CONTAINER, STORE_VOLUME_MOUNT, statefulStoreProps } from './schemas';
import { StoreContainer, StoreContainerOptions, StoreVolumeMount } from './store-container';
import { StoreUpdateStrategy } from './update-strategy';
import { checkLabelsProp } from '../core/api-props';
import { Schema, checkArg, checkProps, checkScope, instanceOf, integer, requireInteger, struct } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { assignDefined } from '../core/defined';
import { describeConstruct, invalid } from '../core/errors';
import { KubeJson, KubeKind, kubeObject } from '../core/kube-json';
import { claimObjectName } from '../core/name-registry';
import { NameRule, nameOrId, validateName } from '../core/names';
import { NAME } from '../core/schemas';
import { IVolumeSnapshotClass } from '../core/snapshot-class-object';
import { SNAPSHOT_CLASS } from '../core/snapshot-schemas';
import { checkAtSynth } from '../core/synth-checks';
import { VolumeSnapshot } from '../core/volume-snapshot';

/**
 * What happens to the per-replica claims when the StatefulSet is deleted or scaled down.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention
 */
export enum ClaimRetention {
  /** Keep the claims (and so the data). */
  RETAIN = 'Retain',
  /** Delete the claims; with a `Delete` reclaim policy the data is gone. */
  DELETE = 'Delete',
}

/**
 * Props of `StatefulStore.snapshotReplica`.
 */
export interface ReplicaSnapshotProps {
  /** The claim template of the replica's claim (one this store mounts). */
  readonly template: ClaimTemplate;
  /** The replica's ordinal. */
  readonly ordinal: number;
  /** The snapshot class, of the template's driver. */
  readonly snapshotClass: IVolumeSnapshotClass;
  /**
   * The VolumeSnapshot name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

const REPLICA_SNAPSHOT_PROPS: Schema<ReplicaSnapshotProps> = {
  template: instanceOf(ClaimTemplate, 'ClaimTemplate', 'pass a template this store mounts'),
  ordinal: integer(0),
  snapshotClass: SNAPSHOT_CLASS,
  name: NAME,
};

/**
 * Props of a `StatefulStore`. The container fields describe its main container.
 */
export interface StatefulStoreProps extends StoreContainerOptions {
  /**
   * The StatefulSet name: a DNS-1123 label of at most 52 characters.
   *
   * @default - the construct id, lower-cased; never derived from the construct path
   */
  readonly name?: string;
  /**
   * The name of the headless Service (a DNS-1035 label). Immutable once the StatefulSet exists.
   *
   * @default - the StatefulSet name
   */
  readonly serviceName?: string;
  /**
   * The name of the main container.
   *
   * @default - the StatefulSet name
   */
  readonly containerName?: string;
  /**
   * The number of replicas, at least 1.
   *
   * @default 1 - one pod
   */
  readonly replicas?: number;
  /**
   * How long a pod may take to stop before it is killed.
   *
   * @default - Kubernetes' default, 30 seconds
   */
  readonly terminationGracePeriod?: Duration;
  /**
   * How pods are started and stopped. Immutable once the StatefulSet exists,
   * so it is always written out.
   *
   * @default PodManagementPolicy.ORDERED_READY - one pod at a time, in ordinal order, each Ready before the next
   */
  readonly podManagementPolicy?: kplus.PodManagementPolicy;
  /**
   * How pods are replaced when the pod template changes.
   *
   * @default StoreUpdateStrategy.rollingUpdate() - pods are replaced one at a time, highest ordinal first
   */
  readonly updateStrategy?: StoreUpdateStrategy;
  /**
   * What happens to the per-replica claims when the StatefulSet is deleted.
   *
   * @default ClaimRetention.RETAIN - the claims and their data are kept
   */
  readonly claimRetentionWhenDeleted?: ClaimRetention;
  /**
   * What happens to the claims of the replicas removed by a scale-down.
   *
   * @default ClaimRetention.RETAIN - the claims and their data are kept
   */
  readonly claimRetentionWhenScaled?: ClaimRetention;
  /**
   * Publish DNS records for pods that are not ready yet, for peers that must
   * find each other before they become ready (most clustered databases).
   *
   * @default false - only Ready pods are published in DNS
   */
  readonly publishNotReadyAddresses?: boolean;
  /**
   * Further containers of each pod.
   *
   * @default - none
   */
  readonly sidecars?: StoreContainer[];
  /**
   * The labels that select the pods. Immutable once the StatefulSet exists.
   *
   * @default - `app.kubernetes.io/name: <name>`, which depends on the name only
   */
  readonly selectorLabels?: { [key: string]: string };
  /**
   * Further labels of the pods (mutable).
   *
   * @default - only the selector labels
   */
  readonly podLabels?: { [key: string]: string };
  /**
   * Annotations of the pods.
   *
   * @default - none
   */
  readonly podAnnotations?: { [key: string]: string };
  /**
   * The ServiceAccount the pods run as.
   *
   * @default - the namespace's default ServiceAccount
   */
  readonly serviceAccountName?: string;
  /**
   * The pod's security context; `fsGroup` is what usually makes a fresh volume writable.
   *
   * @default - none
   */
  readonly podSecurityContext?: k8s.PodSecurityContext;
  /**
   * The ordinal of the first replica (StatefulSetStartOrdinal, GA in Kubernetes 1.31).
   *
   * @default 0 - ordinals start at 0
   */
  readonly ordinalsStart?: number;
  /**
   * Seconds a new pod must be ready before it counts as available.
   *
   * @default 0 - a pod counts as available as soon as it is Ready
   */
  readonly minReadySeconds?: number;
}

/**
 * A StatefulSet with its headless Service and per-replica volumes
 * (`volumeClaimTemplates`), checked so that it creates pods and survives the
 * second deploy: names within limits, every mount backed by exactly one volume
 * or template, and the immutable fields (selector, serviceName,
 * podManagementPolicy, templates) written out explicitly and derived from
 * names only.
 *
 * The raw objects are `statefulSet` and `service` (`ApiObject`s: use
 * `addJsonPatch` for what is not modelled).
 */
export class StatefulStore extends Construct {
  /** The StatefulSet name. */
  public readonly name: string;
  /** The headless Service name (the StatefulSet's `serviceName`). */
  public readonly serviceName: string;
  /** The number of replicas. */
  public readonly replicas: number;
  /** The labels that select the pods. */
  public readonly selectorLabels: { [key: string]: string };
  /** The StatefulSet object. */
  public readonly statefulSet: ApiObject;
  /** The headless Service object. */
  public readonly service: ApiObject;
  /** The name of the main container. */
  public readonly containerName: string;
  private readonly pod: PodComposition;
  private readonly ordinalsStart: number;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default Kubernetes name
   * @param props see `StatefulStoreProps`
   */
  public constructor(scope: Construct, id: string, props: StatefulStoreProps) {
    super(checkScope(scope, id, 'StatefulStore'), id);
    const where = describeConstruct(this, 'StatefulStore');
    props = checkProps(where, props, storeSchema(), 'StatefulStoreProps');
    this.name = nameOrId(props.name, id, NameRule.STATEFULSET, where, 'name',
      'pass a `name` of at most 52 lower-case letters, digits and "-"');
    this.serviceName = validateName(props.serviceName ?? this.name, NameRule.DNS_1035_LABEL, where, 'serviceName',
      'pass a `serviceName` that starts with a letter');
    this.containerName = props.containerName ?? this.name;
    this.replicas = wholeNumber(props.replicas ?? 1, 1, where, 'replicas', 'set replicas to 1 or more; to stop every pod, scale the StatefulSet in the cluster');
    this.ordinalsStart = wholeNumber(props.ordinalsStart ?? 0, 0, where, 'ordinalsStart', 'use 0 or a positive ordinal');
    this.selectorLabels = props.selectorLabels ?? { 'app.kubernetes.io/name': this.name };
    claimObjectName(this, 'StatefulSet', this.name, 'name');
    claimObjectName(this, 'Service', this.serviceName, 'serviceName', 'give one of them another serviceName (it defaults to the StatefulSet name)');

    this.pod = new PodComposition(where, this.replicas, template => {
      template._checkUsedBy(this);
      if (template._hasBindingCheck) this.checkBindingAtSynth(template, where);
    });
    this.pod.addContainer(this.containerName, props);
    (props.sidecars ?? []).forEach(c => this.pod.addContainer(c.name, c));

    checkLabelsProp(this.selectorLabels, where, 'selectorLabels');
    checkLabelsProp(props.podLabels, where, 'podLabels');
    checkPodLabels(props.podLabels, this.selectorLabels, where);
    const grace = graceSeconds(props.terminationGracePeriod, where);
    const minReadySeconds = props.minReadySeconds === undefined ? undefined
      : wholeNumber(props.minReadySeconds, 0, where, 'minReadySeconds', 'use 0 or more seconds');
    // The specs are rendered at synthesis from the checked props: later addVolume/addSidecar
    // calls change them, and a store keeps no second copy of its objects in memory.
    // The Service first: the StatefulSet names it, and readers expect it in that order.
    this.service = kubeObject(this, 'Service', SERVICE_KIND, {
      metadata: { name: this.serviceName },
      spec: Lazy.any({
        produce: () => assignDefined<KubeJson>({ clusterIP: 'None', selector: this.selectorLabels }, {
          ports: this.pod.renderServicePorts(),
          publishNotReadyAddresses: props.publishNotReadyAddresses,
        }),
      }),
    });
    this.statefulSet = kubeObject(this, 'StatefulSet', STATEFUL_SET_KIND, {
      metadata: { name: this.name },
      spec: Lazy.any({ produce: () => this.renderSpec(props, grace, minReadySeconds) }),
    });
  }

  /**
   * Mounts per-replica storage or a pod volume in the main container.
   */
  public addVolume(mount: StoreVolumeMount): void {
    this.pod.addMount(this.containerName, checkArg(describeConstruct(this, 'StatefulStore'), 'mount', mount, struct(STORE_VOLUME_MOUNT, 'StoreVolumeMount')));
  }

  /**
   * Adds a container to each pod.
   */
  public addSidecar(container: StoreContainer): void {
    checkArg(describeConstruct(this, 'StatefulStore'), 'container', container, struct(STORE_CONTAINER, 'StoreContainer'));
    this.pod.addContainer(container.name, container);
  }

  /** The claim templates mounted so far, in order. */
  public get claimTemplates(): ClaimTemplate[] {
    return this.pod.claimTemplates;
  }

  /**
   * The name of the PVC the StatefulSet controller creates for `template` and
   * the replica with `ordinal`: `<template>-<statefulset>-<ordinal>`.
   */
  public claimName(template: ClaimTemplate, ordinal: number): string {
    const where = describeConstruct(this, 'StatefulStore');
    checkArg(where, 'template', template, instanceOf(ClaimTemplate, 'ClaimTemplate', 'pass a template this store mounts'));
    checkArg(where, 'ordinal', ordinal, integer(0));
    // A name the controller never creates would point a snapshot or a restore at nothing.
    if (!this.claimTemplates.includes(template)) {
      throw invalid({
        where,
        prop: 'template',
        value: template.name,
        allowed: `a template this store mounts (${this.claimTemplates.map(t => t.name).join(', ') || 'none yet'})`,
        fix: 'mount the template on this store first (volumes, or addVolume), or ask the store that mounts it',
      });
    }
    const last = this.ordinalsStart + this.replicas - 1;
    if (ordinal < this.ordinalsStart || ordinal > last) {
      throw invalid({
        where,
        prop: 'ordinal',
        value: ordinal,
        allowed: `an ordinal of a replica: ${this.ordinalsStart} to ${last} (ordinalsStart ${this.ordinalsStart}, replicas ${this.replicas})`,
        fix: 'pass the ordinal of an existing replica, or raise replicas',
      });
    }
    return `${template.name}-${this.name}-${ordinal}`;
  }

  /**
   * A VolumeSnapshot of one replica's claim (`<template>-<statefulset>-<ordinal>`),
   * for example replica 0 before an upgrade. A store of another namespace (a
   * staging copy) restores from it only after the snapshot is copied there:
   * claims read snapshots of their own namespace.
   *
   * @param scope the parent of the snapshot; its chart must be this store's namespace
   * @param id the construct id; lower-cased, the default snapshot name
   */
  public snapshotReplica(scope: Construct, id: string, props: ReplicaSnapshotProps): VolumeSnapshot {
    const where = describeConstruct(this, 'StatefulStore');
    const checked = checkProps(`${where} snapshotReplica`, props, REPLICA_SNAPSHOT_PROPS, 'ReplicaSnapshotProps');
    const template = checked.template;
    const claimName = this.claimName(template, checked.ordinal);
    return VolumeSnapshot._ofSource(scope, id, {
      claimName,
      driver: template.driver,
      storage: template._capacity,
      volumeMode: template.volumeMode,
      construct: this,
    }, checked.snapshotClass, checked.name);
  }

  /** Whether each replica can bind a claim of `template` depends on the whole tree (disks added later count). */
  private checkBindingAtSynth(template: ClaimTemplate, where: string): void {
    checkAtSynth(this, () => {
      const problem = template._bindingProblem(this.replicas);
      return problem ? [invalid({
        where,
        prop: 'replicas',
        value: this.replicas,
        allowed: `as many as the claims of template "${template.name}" can bind, and they could never all bind: the ${this.replicas} replicas need ${problem.why}`,
        fix: problem.fix,
      }).message] : [];
    });
  }

  /** The StatefulSet spec, from props checked by the constructor. */
  private renderSpec(props: StatefulStoreProps, grace: number | undefined, minReadySeconds: number | undefined): KubeJson {
    const templates = this.pod.claimTemplates.map(t => t._toKube());
    const podSpec = assignDefined<KubeJson>({}, {
      terminationGracePeriodSeconds: grace,
      serviceAccountName: props.serviceAccountName,
      securityContext: k8s.toJson_PodSecurityContext(props.podSecurityContext),
    });
    podSpec.containers = this.pod.renderContainers();
    return assignDefined<KubeJson>({
      serviceName: this.serviceName,
      replicas: this.replicas,
      selector: { matchLabels: this.selectorLabels },
      podManagementPolicy: props.podManagementPolicy ?? kplus.PodManagementPolicy.ORDERED_READY,
      updateStrategy: props.updateStrategy?._toKube() ?? { type: 'RollingUpdate' },
      persistentVolumeClaimRetentionPolicy: {
        whenDeleted: props.claimRetentionWhenDeleted ?? ClaimRetention.RETAIN,
        whenScaled: props.claimRetentionWhenScaled ?? ClaimRetention.RETAIN,
      },
      template: {
        metadata: assignDefined<KubeJson>({ labels: { ...props.podLabels, ...this.selectorLabels } }, { annotations: props.podAnnotations }),
        spec: assignDefined<KubeJson>(podSpec, { volumes: this.pod.renderVolumes() }),
      },
    }, {
      ordinals: this.ordinalsStart === 0 ? undefined : { start: this.ordinalsStart },
      minReadySeconds,
      volumeClaimTemplates: templates.length > 0 ? templates : undefined,
    });
  }
}

const SERVICE_KIND: KubeKind = { apiVersion: 'v1', kind: 'Service' };
const STATEFUL_SET_KIND: KubeKind = { apiVersion: 'apps/v1', kind: 'StatefulSet' };

let schema: ReturnType<typeof statefulStoreProps> | undefined;
/** Built once, on first use: the schema needs this file's enums, and schemas.ts cannot import them without a cycle. */
function storeSchema() {
  schema ??= statefulStoreProps(ClaimRetention);
  return schema;
}

/** The StatefulSet's counts are int32 in apps/v1: a larger number does not even decode (HTTP 400). */
const INT32_MAX = 2 ** 31 - 1;

function wholeNumber(value: number, min: number, where: string, prop: string, fix: string): number {
  requireInteger(where, prop, value, { min, max: INT32_MAX, allowed: `an integer from ${min} to ${INT32_MAX} (apps/v1 holds it as an int32)`, fix });
  return value;
}

function graceSeconds(period: Duration | undefined, where: string): number | undefined {
  const grace = period?.toSeconds({ integral: false });
  // Checked as a Duration, not as an integer prop: the message shows the seconds with their unit.
  if (grace !== undefined && !(Number.isInteger(grace) && grace >= 0)) {
    throw invalid({ where, prop: 'terminationGracePeriod', value: `${grace}s`, allowed: 'a whole number of seconds, 0 or more', fix: 'use Duration.seconds(n)' });
  }
  return grace;
}

/** The pod labels must match the selector: a label of both with two values is refused. */
function checkPodLabels(podLabels: { [key: string]: string } | undefined, selector: { [key: string]: string }, where: string): void {
  for (const [key, value] of Object.entries(selector)) {
    if (podLabels?.[key] !== undefined && podLabels[key] !== value) {
      throw invalid({
        where,
        prop: `podLabels["${key}"]`,
        value: podLabels[key],
        allowed: `the selector's value "${value}" (the pod labels must match the selector)`,
        fix: `remove "${key}" from podLabels or change selectorLabels`,
      });
    }
  }
}
