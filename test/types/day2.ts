/**
 * Compile-time guarantees of day-2 storage (type-checked by `npm test`, never run).
 */
import { Chart, Size } from 'cdk8s';
import {
  BlockAttributesClass, BlockCsiDriver, BlockProvider, BlockSnapshotClass, BlockSnapshotProvider, BlockStorageClass, BlockVolumeAttributes,
  EfsStorageClass, LocalSsdVolume, NfsCsiStorageClass, SpdkCsiDriver, VolumeSnapshot,
} from '../../src';

declare const chart: Chart;
const storage = Size.gibibytes(50);
const gp3 = new BlockStorageClass(chart, 'gp3', { provider: BlockProvider.ebs() });
const snapshots = new BlockSnapshotClass(chart, 'snapshots', { provider: BlockSnapshotProvider.ebs() });
const data = gp3.claim(chart, 'data', { storage });
const snap = VolumeSnapshot.ofClaim(chart, 'snap', { claim: data, snapshotClass: snapshots });

// A driver that cannot snapshot or clone has no way to ask for it.
declare const efs: EfsStorageClass;
declare const ssd: LocalSsdVolume;
declare const nfs: NfsCsiStorageClass;
declare const spdk: SpdkCsiDriver;
// @ts-expect-error EFS claims have no restoreFrom: the EFS driver takes no snapshots
efs.claim(chart, 'restored', { restoreFrom: snap });
// @ts-expect-error EFS claims have no cloneFrom
efs.claimTemplate('data', { cloneFrom: data });
// @ts-expect-error local volumes are hand-written PVs: nothing restores into them
ssd.claim(chart, 'restored', { storage, restoreFrom: snap });
// @ts-expect-error spdk-csi does not clone claims (no CLONE_VOLUME): SPDK claims have no cloneFrom
spdk.claim(chart, 'copy', { storage, cloneFrom: data });
// @ts-expect-error no snapshot provider for EFS
BlockSnapshotProvider.efs();
// @ts-expect-error OCI's driver does not modify volumes (no MODIFY_VOLUME): no VolumeAttributesClass for it
BlockVolumeAttributes.oci({ vpusPerGB: 20 });
// @ts-expect-error NFS claims take no VolumeAttributesClass (csi-driver-nfs has no MODIFY_VOLUME)
nfs.claim(chart, 'fast', { storage, attributesClass: new BlockAttributesClass(chart, 'a', { attributes: BlockVolumeAttributes.ebs({ iops: 4000 }) }) });

// The source of a restore is a snapshot, of a clone a claim: not the other way round.
// @ts-expect-error a claim is not a VolumeSnapshot
gp3.claim(chart, 'r', { storage, restoreFrom: data });
// @ts-expect-error a snapshot is not a claim
gp3.claim(chart, 'c', { storage, cloneFrom: snap });
// @ts-expect-error snapshots come from ofClaim, fromSnapshotHandle or StatefulStore.snapshotReplica
new VolumeSnapshot(chart, 's', { claim: data, snapshotClass: snapshots });

// What compiles.
gp3.claim(chart, 'restored', { storage, restoreFrom: snap });
gp3.claimTemplate('seeded', { storage, restoreFrom: snap, attributesClass: BlockAttributesClass.fromAttributesClassName('fast', BlockCsiDriver.EBS) });
