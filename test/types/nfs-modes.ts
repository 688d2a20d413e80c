/**
 * Compile-time guarantees of NFS (type-checked by `npm test`, never run).
 */
import { Chart, Size } from 'cdk8s';
import { AccessMode, NfsAccessMode, NfsCsiAccessMode, NfsCsiStorageClass, NfsShare, VolumeMode } from '../../src';

declare const chart: Chart;
const share = new NfsShare(chart, 'home', { server: '10.0.2.5', path: '/home/nfs', capacity: Size.gibibytes(1) });

// The in-tree nfs plugin does not serve ReadWriteOncePod (CSI only).
// @ts-expect-error NfsAccessMode has no READ_WRITE_ONCE_POD member
share.claim(chart, 'solo', { accessMode: NfsAccessMode.READ_WRITE_ONCE_POD });
// @ts-expect-error ReadWriteOncePod is not an NfsAccessMode
share.claim(chart, 'solo', { accessMode: AccessMode.READ_WRITE_ONCE_POD });
// @ts-expect-error a string is not an NfsAccessMode
share.claimTemplate('data', { replicas: 2, accessMode: 'ReadWriteMany' });
// @ts-expect-error a static share has no reclaim policy to choose: it is always Retain
new NfsShare(chart, 'retain', { server: '10.0.2.5', path: '/x', capacity: Size.gibibytes(1), reclaimPolicy: 'Delete' });

share.claim(chart, 'shared', { accessMode: NfsAccessMode.READ_ONLY_MANY });

// csi-driver-nfs serves no raw block: its claims take no volumeMode.
declare const nfsCsi: NfsCsiStorageClass;
// @ts-expect-error no volumeMode on csi-driver-nfs claims
nfsCsi.claim(chart, 'raw', { storage: Size.gibibytes(1), volumeMode: VolumeMode.BLOCK });
// @ts-expect-error onDelete is an enum, not a string
new NfsCsiStorageClass(chart, 'nfs', { server: 'nas', share: '/', onDelete: 'delete' });
nfsCsi.claim(chart, 'solo', { storage: Size.gibibytes(1), accessMode: NfsCsiAccessMode.READ_WRITE_ONCE_POD });
