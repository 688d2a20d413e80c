import { LocalAccessMode } from './local-access-mode';
import { enumValues } from '../core/checks';
import { DriverFacts } from '../core/driver-facts';
import { ReclaimPolicy, VolumeBindingMode } from '../core/policies';
import { fixedDriver, NO_PROVISIONER, VolumeDriver } from '../core/volume-driver';

/**
 * Local volumes: statically provisioned PVs under a class without a provisioner.
 * @see https://kubernetes.io/docs/concepts/storage/storage-classes/#local
 */
export const LOCAL_DRIVER: DriverFacts = {
  label: 'local volume',
  provisioner: NO_PROVISIONER,
  accessModes: enumValues(LocalAccessMode),
  // No CSI driver: the snapshot controller refuses a snapshot of a local PV ("cannot find CSI
  // PersistentVolumeSource for volume"), and no provisioner restores, clones or modifies one.
  snapshots: false,
  cloning: false,
  modifiesVolumes: false,
};

/**
 * The binding mode a local class needs: with Immediate, a claim binds to a PV
 * before its pod is scheduled, and the pod is then pinned to that PV's node
 * whatever its other constraints ("delaying volume binding allows the scheduler
 * to consider all of a Pod's scheduling constraints", Kubernetes docs, Storage Classes, Local).
 */
export const LOCAL_BINDING_MODE = VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER;

/**
 * The reclaim policy of local PVs: nothing deletes a local volume's data on
 * Delete (no deleter plugin serves `local`, so the PV goes Failed), and the
 * local static provisioner copies its class's Delete to the PVs it makes and
 * then wipes the disk when the claim goes (sig-storage-local-static-provisioner docs/faqs.md).
 */
export const LOCAL_RECLAIM_POLICY = ReclaimPolicy.RETAIN;

/**
 * Local volumes in the registry that `check` reads. A class without a
 * provisioner is taken for local volumes only when its PVs in the manifests
 * are all local (hand-written NFS PVs use such classes too).
 */
export const LOCAL_VOLUME_DRIVER: VolumeDriver = fixedDriver(
  { ...LOCAL_DRIVER, requiredBindingMode: LOCAL_BINDING_MODE, safeReclaimPolicy: LOCAL_RECLAIM_POLICY },
  { claimsClassWith: volumes => volumes.length > 0 && volumes.every(pv => pv.spec?.local !== undefined) },
);
