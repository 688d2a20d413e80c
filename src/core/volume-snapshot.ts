import { ApiObject, Chart, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { checkProps, checkScope } from './checks';
import { ClaimSource } from './claim-source';
import { makeClusterScoped } from './cluster-scoped';
import { describeChild, describeConstruct, invalid } from './errors';
import { KubeJson, KubeKind, kubeObject } from './kube-json';
import { claimClusterObjectName, claimObjectName } from './name-registry';
import { NameRule, nameOrId, validateName } from './names';
import { ALLOW_VOLUME_MODE_CHANGE_ANNOTATION, ReclaimPolicy, SNAPSHOT_API_VERSION, VolumeMode } from './policies';
import { protectFromPruning } from './prune-protection';
import { IVolumeSnapshotClass } from './snapshot-class-object';
import { IMPORTED_SNAPSHOT_PROPS, VOLUME_SNAPSHOT_PROPS } from './snapshot-schemas';
import { VolumeClaim } from './volume-claim';
import { NO_PROVISIONER } from './volume-driver';

const SNAPSHOT_KIND: KubeKind = { apiVersion: SNAPSHOT_API_VERSION, kind: 'VolumeSnapshot' };
const CONTENT_KIND: KubeKind = { apiVersion: SNAPSHOT_API_VERSION, kind: 'VolumeSnapshotContent' };


/**
 * Props of a `VolumeSnapshot` of a claim.
 */
export interface VolumeSnapshotProps {
  /** The claim to snapshot; it must be in the snapshot's namespace. */
  readonly claim: VolumeClaim;
  /**
   * The snapshot class, of the claim's driver. Only backends whose driver
   * takes snapshots have one (`BlockSnapshotClass`, `NfsSnapshotClass`,
   * `SpdkCsiDriver.snapshotClass`).
   */
  readonly snapshotClass: IVolumeSnapshotClass;
  /**
   * The VolumeSnapshot name (a DNS-1123 subdomain).
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * Props of a snapshot that exists outside this cluster (another cluster's
 * backup): imported as a VolumeSnapshotContent and a VolumeSnapshot bound to it.
 */
export interface ImportedVolumeSnapshotProps {
  /** The driver's id of the snapshot: `snap-0123456789abcdef0` (EBS), `projects/p/global/snapshots/s` (GCE), an Azure or OCI resource id. */
  readonly snapshotHandle: string;
  /** The snapshot class, of the driver that made the snapshot. */
  readonly snapshotClass: IVolumeSnapshotClass;
  /** The size of the volume the snapshot was taken of: a claim restored from it asks for at least this. */
  readonly restoreSize: Size;
  /**
   * The volume mode of the volume the snapshot was taken of
   * (`spec.sourceVolumeMode`, immutable): a restore in another mode is refused
   * unless `allowVolumeModeChange`.
   *
   * @default VolumeMode.FILESYSTEM
   */
  readonly sourceVolumeMode?: VolumeMode;
  /**
   * Let claims restored from the snapshot change its volume mode (the content's
   * `snapshot.storage.kubernetes.io/allow-volume-mode-change` annotation). A
   * Filesystem volume restored as Block hands its raw bytes to the pod.
   *
   * @default false
   */
  readonly allowVolumeModeChange?: boolean;
  /**
   * What happens to the snapshot in the cloud when the VolumeSnapshot is deleted.
   *
   * @default ReclaimPolicy.RETAIN - the snapshot is kept
   */
  readonly deletionPolicy?: ReclaimPolicy;
  /**
   * The VolumeSnapshot name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * The VolumeSnapshotContent name (cluster-scoped).
   *
   * @default - "<namespace>-<name>"
   */
  readonly contentName?: string;
}

/** @internal What a snapshot is taken of: a claim, or a StatefulStore replica's claim. */
export interface SnapshotSource {
  readonly claimName: string;
  readonly driver?: string;
  /** The size of the snapshotted volume, as its driver made it: a restore asks for at least this. */
  readonly storage: Size;
  readonly volumeMode: VolumeMode;
  /** The construct whose chart gives the claim's namespace. */
  readonly construct: Construct;
}

/**
 * A `VolumeSnapshot` (`snapshot.storage.k8s.io/v1`): a point-in-time copy of a
 * claim, taken by the claim's driver, or a snapshot imported from elsewhere
 * (`fromSnapshotHandle`). Claims restore from it with their backend's
 * `restoreFrom` option, which checks the driver, the size and the volume mode.
 *
 * The snapshot CRDs and the snapshot controller (kubernetes-csi/external-snapshotter)
 * must be installed in the cluster; most managed clusters ship them.
 *
 * ⚠️ A VolumeSnapshot's source is immutable; deleting a snapshot whose class
 * has `deletionPolicy: Delete` deletes the snapshot's data.
 */
export class VolumeSnapshot extends Construct {
  /**
   * A snapshot of a claim, taken by the claim's driver with `snapshotClass`.
   *
   * @param scope the parent construct; its chart must be the claim's namespace
   * @param id the construct id; lower-cased, the default snapshot name
   * @param props the claim and the class
   */
  public static ofClaim(scope: Construct, id: string, props: VolumeSnapshotProps): VolumeSnapshot {
    const checked = checkProps(describeChild(checkScope(scope, id, 'VolumeSnapshot'), id, 'VolumeSnapshot'), props, VOLUME_SNAPSHOT_PROPS, 'VolumeSnapshotProps');
    return new VolumeSnapshot(scope, id, { taken: ofClaim(checked) });
  }

  /**
   * A snapshot that exists outside this cluster, so a disaster-recovery
   * cluster can restore another cluster's backups: a VolumeSnapshotContent
   * naming the driver's snapshot, and a VolumeSnapshot bound to it. The
   * chart must have a namespace (the content names the snapshot's).
   */
  public static fromSnapshotHandle(scope: Construct, id: string, props: ImportedVolumeSnapshotProps): VolumeSnapshot {
    const checked = checkProps(describeChild(checkScope(scope, id, 'VolumeSnapshot'), id, 'VolumeSnapshot'), props, IMPORTED_SNAPSHOT_PROPS, 'ImportedVolumeSnapshotProps');
    return new VolumeSnapshot(scope, id, { imported: checked });
  }

  /** @internal A snapshot of a claim known by its facts (a StatefulStore replica's claim). */
  public static _ofSource(
    scope: Construct, id: string, source: SnapshotSource, snapshotClass: IVolumeSnapshotClass, name: string | undefined,
  ): VolumeSnapshot {
    return new VolumeSnapshot(checkScope(scope, id, 'VolumeSnapshot'), id, { taken: { source, snapshotClass, name } });
  }

  /** The VolumeSnapshot name. */
  public readonly name: string;
  /** The driver that takes (or took) the snapshot. */
  public readonly driver: string;
  /** The snapshot class name. */
  public readonly snapshotClassName: string;
  /** The size of the snapshotted volume: restores ask for at least this. */
  public readonly restoreSize: Size;
  /** The volume mode of the snapshotted volume. */
  public readonly sourceVolumeMode: VolumeMode;
  /** The VolumeSnapshot object. */
  public readonly apiObject: ApiObject;
  /** The VolumeSnapshotContent of an imported snapshot. */
  public readonly contentObject?: ApiObject;
  private readonly modeChangeAllowed: boolean;

  private constructor(scope: Construct, id: string, init: { readonly taken?: Taken; readonly imported?: ImportedVolumeSnapshotProps }) {
    super(scope, id);
    const where = describeConstruct(this, 'VolumeSnapshot');
    if (init.imported) {
      const imported = init.imported;
      this.name = this.nameOf(imported.name, where);
      this.driver = imported.snapshotClass.driver;
      this.snapshotClassName = imported.snapshotClass.snapshotClassName;
      this.restoreSize = imported.restoreSize;
      this.sourceVolumeMode = imported.sourceVolumeMode ?? VolumeMode.FILESYSTEM;
      this.modeChangeAllowed = imported.allowVolumeModeChange ?? false;
      this.contentObject = this.renderContent(imported, where);
      this.apiObject = this.renderSnapshot({ volumeSnapshotContentName: this.contentObject.name });
    } else {
      const { source, snapshotClass, name } = init.taken!;
      this.name = this.nameOf(name, where);
      this.driver = snapshotClass.driver;
      this.snapshotClassName = snapshotClass.snapshotClassName;
      this.restoreSize = source.storage;
      this.sourceVolumeMode = source.volumeMode;
      this.modeChangeAllowed = false;
      checkSource(this, source, snapshotClass, where);
      this.apiObject = this.renderSnapshot({ persistentVolumeClaimName: source.claimName });
    }
  }

  /**
   * @internal This snapshot as the source of a restore: the new volume is
   * made by the snapshot's driver, in the snapshot's volume mode, at least its size.
   */
  public _restoreSource(): ClaimSource {
    return {
      ref: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: this.name },
      isClone: false,
      driver: this.driver,
      storage: this.restoreSize,
      volumeMode: this.sourceVolumeMode,
      volumeModeChangeAllowed: this.modeChangeAllowed,
      construct: this,
    };
  }

  private nameOf(name: string | undefined, where: string): string {
    const checked = nameOrId(name, this.node.id, NameRule.DNS_SUBDOMAIN, where, 'name');
    claimObjectName(this, 'VolumeSnapshot', checked, 'name');
    return checked;
  }

  private renderSnapshot(source: KubeJson): ApiObject {
    const apiObject = kubeObject(this, 'Resource', SNAPSHOT_KIND, {
      metadata: { name: this.name },
      spec: { volumeSnapshotClassName: this.snapshotClassName, source },
    });
    protectFromPruning(apiObject);
    return apiObject;
  }

  /** The content of an imported snapshot, bound to this VolumeSnapshot (both sides name each other). */
  private renderContent(props: ImportedVolumeSnapshotProps, where: string): ApiObject {
    const namespace = Chart.of(this).namespace;
    if (namespace === undefined) {
      throw invalid({
        where,
        prop: 'scope',
        value: Chart.of(this).node.path,
        allowed: 'a chart with a namespace: the VolumeSnapshotContent names the namespace of the VolumeSnapshot it is bound to',
        fix: 'give the chart a namespace (new Chart(app, id, { namespace }))',
      });
    }
    const contentName = props.contentName === undefined
      ? validateName(`${namespace}-${this.name}`, NameRule.DNS_SUBDOMAIN, where, 'contentName', 'pass a shorter contentName')
      : validateName(props.contentName, NameRule.DNS_SUBDOMAIN, where, 'contentName');
    claimClusterObjectName(this, 'VolumeSnapshotContent', contentName, 'contentName');
    const content = kubeObject(this, 'Content', CONTENT_KIND, {
      metadata: props.allowVolumeModeChange ? { name: contentName, annotations: { [ALLOW_VOLUME_MODE_CHANGE_ANNOTATION]: 'true' } } : { name: contentName },
      spec: {
        deletionPolicy: props.deletionPolicy ?? ReclaimPolicy.RETAIN,
        driver: props.snapshotClass.driver,
        source: { snapshotHandle: props.snapshotHandle },
        sourceVolumeMode: this.sourceVolumeMode,
        volumeSnapshotClassName: props.snapshotClass.snapshotClassName,
        volumeSnapshotRef: { name: this.name, namespace },
      },
    });
    makeClusterScoped(content);
    protectFromPruning(content);
    return content;
  }
}

type Taken = { readonly source: SnapshotSource; readonly snapshotClass: IVolumeSnapshotClass; readonly name?: string };

function ofClaim(props: VolumeSnapshotProps): Taken {
  const claim = props.claim;
  return {
    source: {
      claimName: claim.name,
      driver: claim.driver,
      storage: claim._capacity,
      volumeMode: claim.volumeMode,
      construct: claim,
    },
    snapshotClass: props.snapshotClass,
    name: props.name,
  };
}

/**
 * The snapshot controller's rules: the class is of the claim's driver (the
 * snapshotter of another driver never acts on it, and the snapshot stays not
 * ready), and the claim is in the snapshot's namespace (spec.source names a
 * claim of the same namespace).
 */
function checkSource(snapshot: VolumeSnapshot, source: SnapshotSource, snapshotClass: IVolumeSnapshotClass, where: string): void {
  if (source.driver === NO_PROVISIONER) {
    throw invalid({
      where,
      prop: 'claim',
      value: source.claimName,
      allowed: 'a claim of a CSI driver that takes snapshots; this one binds a hand-written PV (local disk or NFS export), '
        + 'which the snapshot controller refuses ("cannot find CSI PersistentVolumeSource for volume")',
      fix: 'back up the data with a tool that reads the files (the volume has no driver to snapshot it)',
    });
  }
  if (source.driver !== undefined && source.driver !== snapshotClass.driver) {
    throw invalid({
      where,
      prop: 'snapshotClass',
      value: snapshotClass.snapshotClassName,
      allowed: `a snapshot class of the claim's driver ${source.driver}; "${snapshotClass.snapshotClassName}" is of ${snapshotClass.driver}`,
      fix: `use a snapshot class of ${source.driver} (a backend whose driver cannot take snapshots has none)`,
    });
  }
  const [mine, theirs] = [Chart.of(snapshot).namespace, Chart.of(source.construct).namespace];
  if (mine !== theirs) {
    throw invalid({
      where,
      prop: 'claim',
      value: source.claimName,
      allowed: `a claim in the snapshot's namespace (${mine ?? 'the namespace it is applied to'}); the claim is in ${theirs ?? 'the namespace it is applied to'}`,
      fix: 'make the snapshot in the claim\'s chart or namespace',
    });
  }
}
