import { ApiObject, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { isLoopbackUrl, renderTargetConfig, renderTokens, renderXpuConfig } from './config';
import { renderController } from './controller';
import { SPDK_DRIVER, SPDK_DRIVER_FACTS } from './driver-name';
import { renderNode } from './node';
import { controllerClusterRules, secretRule } from './rbac';
import { SPDK_CLAIM_OPTIONS, SPDK_FS_TYPE, SPDK_IMAGES, SPDK_TARGET, SPDK_XPU } from './schemas';
import { SpdkCredentials } from './spdk-credentials';
import { SpdkAccessMode, SpdkImages, SpdkTarget, SpdkXpu } from './spdk-types';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { bool, checkScope, enumOf, instanceOf, listOf, openConstruct, optional, Schema, struct } from '../core/checks';
import { claimSourceOf } from '../core/claim-source';
import { ClaimTemplate } from '../core/claim-template';
import { makeClusterScoped } from '../core/cluster-scoped';
import { invalid } from '../core/errors';
import { FsType } from '../core/fs-type';
import { typedKubeObject } from '../core/kube-json';
import { claimClusterObjectName } from '../core/name-registry';
import { NameRule, validateName } from '../core/names';
import { csiSecretParameters, FS_TYPE_KEY } from '../core/parameters';
import { ReclaimPolicy, SNAPSHOT_API_VERSION, VolumeBindingMode, VolumeMode } from '../core/policies';
import { BINDING_MODE, NAME, RECLAIM_POLICY } from '../core/schemas';
import { IVolumeSnapshotClass } from '../core/snapshot-class-object';
import { addStorageClass } from '../core/storage-class-object';
import { VolumeClaim } from '../core/volume-claim';
import { VolumeSnapshot } from '../core/volume-snapshot';


/** Runtime schema of the props (see core/checks.ts); here, as it needs SpdkCredentials. */
const SPDK_CSI_DRIVER_PROPS: Schema<SpdkCsiDriverProps> = {
  namespaceName: NAME,
  createNamespace: optional(bool()),
  targets: listOf(struct(SPDK_TARGET, 'SpdkTarget')),
  credentials: optional(instanceOf(SpdkCredentials, 'SpdkCredentials', 'use SpdkCredentials.fromExistingSecret("name")')),
  xpus: optional(listOf(struct(SPDK_XPU, 'SpdkXpu'))),
  images: optional(struct(SPDK_IMAGES, 'SpdkImages')),
  driverImagePullPolicy: optional(enumOf(kplus.ImagePullPolicy, 'ImagePullPolicy')),
  storageClassName: NAME,
  isDefault: optional(bool()),
  reclaimPolicy: RECLAIM_POLICY,
  volumeBindingMode: BINDING_MODE,
  fsType: SPDK_FS_TYPE,
  snapshots: optional(bool()),
  snapshotDeletionPolicy: RECLAIM_POLICY,
  controllerHostNetwork: optional(bool()),
};

/**
 * Props of an `SpdkCsiDriver`.
 */
export interface SpdkCsiDriverProps {
  /**
   * The namespace of every namespaced object, and of the credentials Secret.
   *
   * @default 'spdk-csi' - a namespace of the driver's own
   */
  readonly namespaceName?: string;
  /**
   * Create the namespace, labelled for the privileged Pod Security level that
   * the node plugin needs. Set false to bring your own (then label it yourself).
   * The library never emits or relabels a namespace it did not create:
   * `default` and the `kube-` namespaces (kube-system, kube-public,
   * kube-node-lease, ...) are refused unless this is false.
   *
   * @default true - the namespace is created and labelled privileged
   */
  readonly createNamespace?: boolean;
  /** The SPDK storage nodes; at least one. */
  readonly targets: SpdkTarget[];
  /**
   * Where the RPC credentials come from.
   *
   * @default SpdkCredentials.fromExistingSecret('spdkcsi-secret') - the Secret upstream uses, made outside this app
   */
  readonly credentials?: SpdkCredentials;
  /**
   * xPUs for the node plugin (the node-server ConfigMap).
   *
   * @default - none: no node-server ConfigMap
   */
  readonly xpus?: SpdkXpu[];
  /**
   * Container images.
   *
   * @default - the upstream pins, see `SpdkImages`
   */
  readonly images?: SpdkImages;
  /**
   * The pull policy of the driver image (controller and node plugin).
   * Upstream's `spdkcsi/spdkcsi:canary` is built on each node (`make image`,
   * spdk-csi docs/multi-node.md), not pulled: keep IF_NOT_PRESENT (or NEVER)
   * for it; use ALWAYS only with a registry image whose tag moves.
   *
   * @default ImagePullPolicy.IF_NOT_PRESENT - the node's image is used when present, as in upstream deploy/kubernetes
   */
  readonly driverImagePullPolicy?: kplus.ImagePullPolicy;
  /**
   * The StorageClass name (a DNS-1123 subdomain).
   *
   * @default - the construct id, lower-cased; never derived from the construct path
   */
  readonly storageClassName?: string;
  /**
   * Mark the class the cluster's default (annotation
   * storageclass.kubernetes.io/is-default-class: "true"): claims that name no
   * class get it. One default per app: a second is refused, since Kubernetes
   * would give such claims whichever default class was made last.
   *
   * @default false
   */
  readonly isDefault?: boolean;
  /**
   * What happens to a volume when its claim is deleted.
   *
   * @default ReclaimPolicy.RETAIN - the volume and its data are kept
   */
  readonly reclaimPolicy?: ReclaimPolicy;
  /**
   * When claims are bound. SPDK volumes are reached over the network from any node.
   *
   * @default VolumeBindingMode.IMMEDIATE - volumes are made as soon as a claim exists
   */
  readonly volumeBindingMode?: VolumeBindingMode;
  /**
   * The filesystem of the volumes (`csi.storage.k8s.io/fstype`, the only fstype key written).
   *
   * @default FsType.EXT4 - volumes are formatted ext4
   */
  readonly fsType?: FsType;
  /**
   * Deploy the snapshotter sidecar, its RBAC rules and a VolumeSnapshotClass.
   * The snapshot CRDs (`snapshot.storage.k8s.io/v1`) and the snapshot
   * controller must be installed first, or applying the class fails.
   *
   * @default false - no snapshotter, no snapshot RBAC, no VolumeSnapshotClass
   */
  readonly snapshots?: boolean;
  /**
   * What happens to a snapshot's content when the VolumeSnapshot is deleted.
   *
   * @default ReclaimPolicy.RETAIN - the snapshot's content is kept
   */
  readonly snapshotDeletionPolicy?: ReclaimPolicy;
  /**
   * Run the controller on the host network, for targets whose RPC URL is only
   * reachable from the node itself (a loopback address).
   *
   * @default false - the controller runs on the pod network
   */
  readonly controllerHostNetwork?: boolean;
}

/** Options of a claim or claim template on SPDK. */
export interface SpdkClaimOptions {
  /**
   * The storage requested, rendered exactly; the driver rounds it up to whole MiB.
   */
  readonly storage: Size;
  /**
   * The access mode.
   *
   * @default SpdkAccessMode.READ_WRITE_ONCE - read-write by the pods of one node
   */
  readonly accessMode?: SpdkAccessMode;
  /**
   * Restore a snapshot of an SPDK claim (`snapshotClass` of a driver with
   * `snapshots: true`). spdk-csi clones the snapshot's logical volume on the
   * snapshot's node, at the snapshot's size, so the claim asks for exactly
   * that size. spdk-csi does not clone claims (no CLONE_VOLUME): snapshot, then restore.
   *
   * @default - an empty volume
   */
  readonly restoreFrom?: VolumeSnapshot;
}

/** Props of a claim on SPDK. */
export interface SpdkClaimProps extends SpdkClaimOptions {
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * The whole SPDK CSI driver deployment (spdk/spdk-csi deploy/kubernetes) as
 * one construct, in a namespace of your choice (never a hard-coded
 * `default`), least-privileged, and without plaintext credentials unless you
 * ask for them by name.
 *
 * Volumes are Filesystem only, `ReadWriteOnce` or `ReadWriteOncePod`, and
 * cannot grow (the driver has no resizer).
 *
 * @see https://github.com/spdk/spdk-csi
 */
export class SpdkCsiDriver extends Construct {
  /** The namespace of the driver. */
  public readonly namespaceName: string;
  /** The StorageClass name. */
  public readonly storageClassName: string;
  /** The Secret holding the RPC credentials. */
  public readonly secretName: string;
  /** The node DaemonSet, for escape hatches. */
  public readonly nodeDaemonSet: ApiObject;
  /** The controller StatefulSet, for escape hatches. */
  public readonly controller: ApiObject;
  /** The VolumeSnapshotClass of the driver, with `snapshots: true`; snapshots of its claims name it. */
  public readonly snapshotClass?: IVolumeSnapshotClass;
  private readonly where: string;
  private readonly claims: BackendClaims<SpdkClaimOptions>;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default StorageClass name
   * @param props see `SpdkCsiDriverProps`
   */
  public constructor(scope: Construct, id: string, props: SpdkCsiDriverProps) {
    super(checkScope(scope, id, 'SpdkCsiDriver'), id);
    const { where, props: checked } = openConstruct(this, 'SpdkCsiDriver', props, SPDK_CSI_DRIVER_PROPS);
    this.where = where;
    this.namespaceName = validateName(checked.namespaceName ?? 'spdk-csi', NameRule.DNS_LABEL, where, 'namespaceName');
    const createNamespace = checked.createNamespace ?? true;
    if (createNamespace) this.refuseClusterNamespace();
    const credentials = checked.credentials ?? SpdkCredentials.fromExistingSecret('spdkcsi-secret');
    this.secretName = validateName(credentials.secretName, NameRule.DNS_SUBDOMAIN, where, 'credentials secretName');
    const images = checked.images ?? {};
    const snapshots = checked.snapshots ?? false;
    this.checkHostNetwork(checked);

    if (createNamespace) this.renderNamespace();
    this.clusterScoped(typedKubeObject(this, 'CSIDriver', k8s.KubeCsiDriver.GVK, k8s.toJson_KubeCsiDriverProps, {
      metadata: { name: SPDK_DRIVER },
      // Immutable once created: no attacher (removed upstream), persistent volumes only.
      spec: { attachRequired: false, volumeLifecycleModes: ['Persistent'] },
    }), 'CSIDriver');
    typedKubeObject(this, 'Config', k8s.KubeConfigMap.GVK, k8s.toJson_KubeConfigMapProps, {
      metadata: { name: 'spdkcsi-cm', namespace: this.namespaceName },
      data: { 'config.json': renderTargetConfig(checked.targets, where) },
    });
    const nodeServerConfigMapName = checked.xpus && checked.xpus.length > 0 ? 'spdkcsi-nodeservercm' : undefined;
    if (nodeServerConfigMapName) {
      typedKubeObject(this, 'NodeServerConfig', k8s.KubeConfigMap.GVK, k8s.toJson_KubeConfigMapProps, {
        metadata: { name: nodeServerConfigMapName, namespace: this.namespaceName },
        data: { 'nodeserver-config.json': renderXpuConfig(checked.xpus!, where) },
      });
    }
    const tokens = credentials._literalTokens;
    if (tokens) {
      typedKubeObject(this, 'Credentials', k8s.KubeSecret.GVK, k8s.toJson_KubeSecretProps, {
        metadata: { name: this.secretName, namespace: this.namespaceName },
        stringData: { 'secret.json': renderTokens(tokens, checked.targets, where) },
      });
    }
    this.renderRbac(snapshots);
    this.controller = renderController(this, {
      namespace: this.namespaceName,
      serviceAccountName: 'spdkcsi-controller-sa',
      configMapName: 'spdkcsi-cm',
      snapshots,
      provisionerImage: images.provisioner ?? 'registry.k8s.io/sig-storage/csi-provisioner:v3.5.0',
      snapshotterImage: images.snapshotter ?? 'registry.k8s.io/sig-storage/csi-snapshotter:v6.2.2',
      driverImage: images.driver ?? 'spdkcsi/spdkcsi:canary',
      driverImagePullPolicy: checked.driverImagePullPolicy ?? kplus.ImagePullPolicy.IF_NOT_PRESENT,
      hostNetwork: checked.controllerHostNetwork ?? false,
    });
    this.nodeDaemonSet = renderNode(this, {
      namespace: this.namespaceName,
      serviceAccountName: 'spdkcsi-node-sa',
      nodeServerConfigMapName,
      registrarImage: images.registrar ?? 'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.8.0',
      driverImage: images.driver ?? 'spdkcsi/spdkcsi:canary',
      driverImagePullPolicy: checked.driverImagePullPolicy ?? kplus.ImagePullPolicy.IF_NOT_PRESENT,
    });
    this.storageClassName = addStorageClass(this, where, {
      storageClassName: checked.storageClassName,
      isDefault: checked.isDefault,
      provisioner: SPDK_DRIVER,
      parameters: {
        // One fstype key only: with both fsType and csi.storage.k8s.io/fstype provisioning fails.
        [FS_TYPE_KEY]: checked.fsType ?? FsType.EXT4,
        ...Object.fromEntries(csiSecretParameters('provisioner', { name: this.secretName, namespace: this.namespaceName })),
      },
      reclaimPolicy: checked.reclaimPolicy ?? ReclaimPolicy.RETAIN,
      volumeBindingMode: checked.volumeBindingMode ?? VolumeBindingMode.IMMEDIATE,
      // No resizer: a grown claim would be accepted and never complete.
      allowVolumeExpansion: false,
    }).name;
    this.claims = new BackendClaims(where, { schema: SPDK_CLAIM_OPTIONS, optionsType: 'SpdkClaimOptions', propsType: 'SpdkClaimProps' },
      (options, claimWhere) => this.request(options, claimWhere));
    if (snapshots) this.snapshotClass = this.renderSnapshotClass(checked.snapshotDeletionPolicy ?? ReclaimPolicy.RETAIN);
  }

  /** A claim on SPDK, mountable in any cdk8s-plus workload. */
  public claim(scope: Construct, id: string, props: SpdkClaimProps): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  /** A per-replica claim template for a `StatefulStore`. */
  public claimTemplate(name: string, options: SpdkClaimOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  private request(options: SpdkClaimOptions, where: string): BackendRequest {
    return {
      storageClassName: this.storageClassName,
      accessMode: options.accessMode ?? SpdkAccessMode.READ_WRITE_ONCE,
      storage: options.storage,
      volumeMode: VolumeMode.FILESYSTEM,
      driver: SPDK_DRIVER,
      // pkg/spdk/controllerserver.go CreateVolume: bdev_lvol_clone of the snapshot, with no size.
      source: claimSourceOf(options, {
        driver: SPDK_DRIVER,
        cloning: SPDK_DRIVER_FACTS.cloning,
        storageClassName: this.storageClassName,
        storage: options.storage,
        volumeMode: VolumeMode.FILESYSTEM,
        restoreSize: 'exact',
      }, where),
    };
  }

  private checkHostNetwork(props: SpdkCsiDriverProps): void {
    const loopback = props.targets.find(t => { try { return isLoopbackUrl(t.rpcUrl); } catch { return false; } });
    if (loopback && !props.controllerHostNetwork) {
      throw invalid({
        where: this.where,
        prop: `targets["${loopback.name}"].rpcUrl`,
        value: loopback.rpcUrl,
        allowed: 'an address the controller pod can reach; a loopback address is only reachable on the host network',
        fix: 'give the storage node\'s address, or set controllerHostNetwork: true and run the controller on the SPDK host',
      });
    }
  }

  /**
   * Namespaces every cluster has are not ours to emit: a GitOps tool would
   * take them over (and prune them with the app), and the Pod Security labels
   * would loosen them for every workload already there.
   */
  private refuseClusterNamespace(): void {
    if (this.namespaceName === 'default' || this.namespaceName.startsWith('kube-')) {
      throw invalid({
        where: this.where,
        prop: 'namespaceName',
        value: this.namespaceName,
        allowed: 'a namespace of the driver\'s own, or createNamespace: false: the library never emits or relabels a namespace it did not create (default, kube-system, kube-public, kube-node-lease)',
        fix: `use the default namespace "spdk-csi", or set createNamespace: false and make sure "${this.namespaceName}" admits privileged pods`,
      });
    }
  }

  private renderNamespace(): void {
    const pss = { enforce: 'privileged', audit: 'privileged', warn: 'privileged' };
    this.clusterScoped(typedKubeObject(this, 'Namespace', k8s.KubeNamespace.GVK, k8s.toJson_KubeNamespaceProps, {
      metadata: {
        name: this.namespaceName,
        // The node plugin is privileged, uses host paths and the host network.
        labels: Object.fromEntries(Object.entries(pss).map(([mode, level]) => [`pod-security.kubernetes.io/${mode}`, level])),
      },
    }), 'Namespace');
  }

  private renderRbac(snapshots: boolean): void {
    const controllerSa = 'spdkcsi-controller-sa';
    for (const [cid, name] of [['ControllerServiceAccount', controllerSa], ['NodeServiceAccount', 'spdkcsi-node-sa']]) {
      typedKubeObject(this, cid, k8s.KubeServiceAccount.GVK, k8s.toJson_KubeServiceAccountProps, {
        metadata: { name, namespace: this.namespaceName },
      });
    }
    const subjects = [{ kind: 'ServiceAccount', name: controllerSa, namespace: this.namespaceName }];
    this.clusterScoped(typedKubeObject(this, 'ClusterRole', k8s.KubeClusterRole.GVK, k8s.toJson_KubeClusterRoleProps, {
      metadata: { name: 'spdkcsi-provisioner-role' }, rules: controllerClusterRules(snapshots),
    }), 'ClusterRole');
    this.clusterScoped(typedKubeObject(this, 'ClusterRoleBinding', k8s.KubeClusterRoleBinding.GVK, k8s.toJson_KubeClusterRoleBindingProps, {
      metadata: { name: 'spdkcsi-provisioner-binding' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'spdkcsi-provisioner-role' },
      subjects,
    }), 'ClusterRoleBinding');
    typedKubeObject(this, 'CredentialsRole', k8s.KubeRole.GVK, k8s.toJson_KubeRoleProps, {
      metadata: { name: 'spdkcsi-credentials-reader', namespace: this.namespaceName }, rules: [secretRule(this.secretName)],
    });
    typedKubeObject(this, 'CredentialsRoleBinding', k8s.KubeRoleBinding.GVK, k8s.toJson_KubeRoleBindingProps, {
      metadata: { name: 'spdkcsi-credentials-reader', namespace: this.namespaceName },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'spdkcsi-credentials-reader' },
      subjects,
    });
  }

  private renderSnapshotClass(deletionPolicy: ReclaimPolicy): IVolumeSnapshotClass {
    const snapshotClassName = 'csi-spdk-snapclass';
    this.clusterScoped(new ApiObject(this, 'SnapshotClass', {
      apiVersion: SNAPSHOT_API_VERSION,
      kind: 'VolumeSnapshotClass',
      metadata: { name: snapshotClassName },
      driver: SPDK_DRIVER,
      deletionPolicy,
      parameters: Object.fromEntries(csiSecretParameters('snapshotter', { name: this.secretName, namespace: this.namespaceName })),
    }), 'VolumeSnapshotClass');
    return { snapshotClassName, driver: SPDK_DRIVER };
  }

  /** A cluster-scoped object: one per app, never in the chart's namespace. */
  private clusterScoped(apiObject: ApiObject, kind: string): void {
    claimClusterObjectName(this, kind, apiObject.name, `${kind} name`,
      'a cluster runs one SPDK CSI driver: its CSIDriver "csi.spdk.io", ClusterRoles and snapshot class have fixed cluster-wide names. '
      + 'Create one SpdkCsiDriver (list every target in its targets) and make every claim from it with claim() or claimTemplate()');
    makeClusterScoped(apiObject);
  }
}
