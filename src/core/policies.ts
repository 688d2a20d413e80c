/**
 * What happens to a volume when its claim is deleted.
 *
 * `Recycle` is deprecated upstream and does not exist in this library.
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming
 */
export enum ReclaimPolicy {
  /** Keep the volume and its data; an administrator reclaims it by hand. The safe default. */
  RETAIN = 'Retain',
  /** Delete the volume and its data with the claim. */
  DELETE = 'Delete',
}

/**
 * When a claim is bound to a volume.
 *
 * @see https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode
 */
export enum VolumeBindingMode {
  /** Bind (and provision) as soon as the claim exists, before any pod is scheduled. */
  IMMEDIATE = 'Immediate',
  /** Bind (and provision) when a pod using the claim is scheduled, honouring the pod's constraints. */
  WAIT_FOR_FIRST_CONSUMER = 'WaitForFirstConsumer',
}

/**
 * Whether a volume is presented to the pod as a filesystem or a raw block device.
 *
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#volume-mode
 */
export enum VolumeMode {
  /** A formatted filesystem, mounted at a path (`volumeMounts`). */
  FILESYSTEM = 'Filesystem',
  /** A raw block device, exposed at a device path (`volumeDevices`). */
  BLOCK = 'Block',
}

/**
 * The VolumeSnapshot API version to write. external-snapshotter 4.1 made v1
 * the storage version and deprecated v1beta1; 6.0 removed v1beta1 from the
 * CRDs and the controller (CHANGELOG-6.0, "API Removal", kubernetes-csi/external-snapshotter#709).
 */
export const SNAPSHOT_API_VERSION = 'snapshot.storage.k8s.io/v1';

/**
 * The annotation of a VolumeSnapshotContent that lets a claim restored from it
 * change the volume mode (external-snapshotter KEP-3141; read by
 * external-provisioner, whose --prevent-volume-mode-conversion is on by default).
 */
export const ALLOW_VOLUME_MODE_CHANGE_ANNOTATION = 'snapshot.storage.kubernetes.io/allow-volume-mode-change';
