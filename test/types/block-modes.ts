/**
 * Compile-time guarantees of block storage (type-checked by `npm test`, never run).
 */
import { Chart, Size } from 'cdk8s';
import { AccessMode, BlockAccessMode, BlockProvider, BlockStorageClass, EbsVolumeType, VolumeMode } from '../../src';

declare const chart: Chart;
const storage = Size.gibibytes(50);
const bv = BlockStorageClass.ociDefault();

// A filesystem on block storage is never shared between nodes.
// @ts-expect-error ReadWriteMany is not a BlockAccessMode
bv.claim(chart, 'shared', { storage, accessMode: AccessMode.READ_WRITE_MANY });
// @ts-expect-error ReadOnlyMany is not a BlockAccessMode
bv.claimTemplate('data', { storage, accessMode: AccessMode.READ_ONLY_MANY });
// @ts-expect-error BlockAccessMode has no READ_WRITE_MANY member
bv.claim(chart, 'shared', { storage, accessMode: BlockAccessMode.READ_WRITE_MANY });
// @ts-expect-error a string is not a BlockAccessMode
bv.claim(chart, 'data', { storage, accessMode: 'ReadWriteOnce' });

// Multi-attach is raw block only: its claims take no access or volume mode at all.
const io2 = new BlockStorageClass(chart, 'io2', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.IO2 }) });
// @ts-expect-error no volumeMode: multi-attach claims are always Block
io2.multiAttachClaim(chart, 'q', { storage, volumeMode: VolumeMode.FILESYSTEM });
// @ts-expect-error no accessMode: multi-attach claims are always ReadWriteMany
io2.multiAttachClaim(chart, 'q', { storage, accessMode: BlockAccessMode.READ_WRITE_ONCE });

// Provider parameters are enums, not strings.
// @ts-expect-error 'gp3' is not an EbsVolumeType
BlockProvider.ebs({ type: 'gp3' });

// What compiles.
io2.multiAttachClaim(chart, 'q', { storage });
bv.claim(chart, 'data', { storage, accessMode: BlockAccessMode.READ_WRITE_ONCE_POD, volumeMode: VolumeMode.BLOCK });
