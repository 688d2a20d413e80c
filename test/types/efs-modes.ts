/**
 * Compile-time guarantees of EFS (type-checked by `npm test`, never run).
 */
import { Chart } from 'cdk8s';
import { AccessMode, EfsAccessMode, EfsExistingVolume, EfsStorageClass, VolumeMode } from '../../src';

declare const chart: Chart;
const efs = new EfsStorageClass(chart, 'efs', { fileSystemId: 'fs-06340e6a6f1ff9f8f' });

// The driver rejects ReadOnlyMany ("invalid access mode").
// @ts-expect-error EfsAccessMode has no READ_ONLY_MANY member
efs.claim(chart, 'ro', { accessMode: EfsAccessMode.READ_ONLY_MANY });
// @ts-expect-error ReadOnlyMany is not an EfsAccessMode
efs.claimTemplate('ro', { accessMode: AccessMode.READ_ONLY_MANY });
// @ts-expect-error a string is not an EfsAccessMode
efs.claim(chart, 'rw', { accessMode: 'ReadWriteMany' });
// The driver serves no raw block: EFS claims take no volumeMode.
// @ts-expect-error no volumeMode on EFS claims
efs.claim(chart, 'raw', { volumeMode: VolumeMode.BLOCK });
// A gid range has both ends or none.
// @ts-expect-error end is missing
new EfsStorageClass(chart, 'half', { fileSystemId: 'fs-06340e6a6f1ff9f8f', gidRange: { start: 50000 } });

efs.claim(chart, 'shared', { accessMode: EfsAccessMode.READ_WRITE_MANY });

// A template on an existing file system makes a PV per replica, so it needs their number.
const existing = new EfsExistingVolume(chart, 'existing', { fileSystemId: 'fs-06340e6a6f1ff9f8f' });
// @ts-expect-error replicas is required
existing.claimTemplate('shared', {});
existing.claimTemplate('shared', { replicas: 2 });
