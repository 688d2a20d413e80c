import { LocalAccessMode } from './local-access-mode';
import { enumValues } from '../core/checks';
import { DriverFacts } from '../core/driver-facts';
import { ReclaimPolicy, VolumeBindingMode } from '../core/policies';

/**
 * Local volumes: statically provisioned PVs under a class without a provisioner.
 * @see https://kubernetes.io/docs/concepts/storage/storage-classes/#local
 */
export const LOCAL_DRIVER: DriverFacts = {
  label: 'local volume',
  provisioner: 'kubernetes.io/no-provisioner',
  accessModes: enumValues(LocalAccessMode),
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
