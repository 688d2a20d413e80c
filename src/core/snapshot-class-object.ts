import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { makeClusterScoped } from './cluster-scoped';
import { assignDefined } from './defined';
import { invalid } from './errors';
import { KubeJson, KubeKind, kubeObject } from './kube-json';
import { claimClusterObjectName } from './name-registry';
import { NameRule, nameOrId } from './names';
import { ReclaimPolicy, SNAPSHOT_API_VERSION } from './policies';
import { protectFromPruning } from './prune-protection';

export const SNAPSHOT_CLASS_KIND: KubeKind = { apiVersion: SNAPSHOT_API_VERSION, kind: 'VolumeSnapshotClass' };

/**
 * The annotation that makes a VolumeSnapshotClass the default of its driver
 * (external-snapshotter pkg/utils/util.go IsDefaultAnnotation): a snapshot
 * that names no class gets it.
 */
export const DEFAULT_SNAPSHOT_CLASS_ANNOTATION = 'snapshot.storage.kubernetes.io/is-default-class';

/**
 * A VolumeSnapshotClass: made by this app (a backend's snapshot class) or one
 * the cluster has (`fromSnapshotClassName` on the backend's class). Only the
 * backends whose driver takes snapshots have one, so a snapshot of a volume
 * that cannot be snapshotted (EFS, local disks) cannot be written.
 */
export interface IVolumeSnapshotClass {
  /** The VolumeSnapshotClass name. */
  readonly snapshotClassName: string;
  /** The CSI driver that takes the snapshots: `ebs.csi.aws.com`. */
  readonly driver: string;
}

/** What a backend decided about its VolumeSnapshotClass, in Kubernetes terms. */
export interface SnapshotClassSettings {
  /** The user's `snapshotClassName` prop, if any; otherwise the construct id gives the name. */
  readonly snapshotClassName?: string;
  readonly driver: string;
  readonly parameters?: { [key: string]: string };
  readonly deletionPolicy: ReclaimPolicy;
  /** Marks the class the default of its driver. */
  readonly isDefault?: boolean;
}

/**
 * The one way this library writes a VolumeSnapshotClass: the child `Resource`
 * of the construct that owns it, cluster-scoped, named by the
 * `snapshotClassName` prop or the construct id, protected from pruning
 * (deleting the class leaves its snapshots without the parameters to delete
 * them with).
 */
export function addSnapshotClass(owner: Construct, where: string, settings: SnapshotClassSettings): { apiObject: ApiObject; name: string } {
  const name = nameOrId(settings.snapshotClassName, owner.node.id, NameRule.DNS_SUBDOMAIN, where, 'snapshotClassName');
  claimClusterObjectName(owner, 'VolumeSnapshotClass', name, 'snapshotClassName');
  if (settings.isDefault) claimDefaultSnapshotClass(owner, where, name, settings.driver);
  const apiObject = kubeObject(owner, 'Resource', SNAPSHOT_CLASS_KIND, assignDefined<KubeJson>({
    metadata: settings.isDefault ? { name, annotations: { [DEFAULT_SNAPSHOT_CLASS_ANNOTATION]: 'true' } } : { name },
    driver: settings.driver,
    deletionPolicy: settings.deletionPolicy,
  }, { parameters: checkedParameters(settings.parameters) }));
  makeClusterScoped(apiObject);
  protectFromPruning(apiObject);
  return { apiObject, name };
}

/** The default snapshot class of each driver, per app. */
const DEFAULT_SNAPSHOT_CLASSES = new WeakMap<IConstruct, Map<string, { readonly name: string; readonly path: string }>>();

/**
 * Records the default snapshot class of a driver, refusing a second: with two,
 * the snapshot controller refuses every snapshot of that driver that names no
 * class (external-snapshotter pkg/common-controller/snapshot_controller.go
 * SetDefaultSnapshotClass: "%d default snapshot classes were found").
 */
function claimDefaultSnapshotClass(owner: Construct, where: string, name: string, driver: string): void {
  const root = owner.node.root;
  let defaults = DEFAULT_SNAPSHOT_CLASSES.get(root);
  if (!defaults) DEFAULT_SNAPSHOT_CLASSES.set(root, defaults = new Map());
  const first = defaults.get(driver);
  if (first) {
    throw invalid({
      where,
      prop: 'isDefault',
      value: true,
      allowed: `one default snapshot class per driver, and ${first.path} already makes "${first.name}" the default of ${driver}`,
      fix: 'keep isDefault on one snapshot class of the driver, and name the class in snapshots that need another',
    });
  }
  defaults.set(driver, { name, path: owner.node.path });
}

/** The parameters, left out when there are none (the CRD sets no limits on them: the driver judges them). */
function checkedParameters(parameters: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  return parameters && Object.keys(parameters).length > 0 ? parameters : undefined;
}
