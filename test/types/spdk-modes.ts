/**
 * Compile-time guarantees of SPDK (type-checked by `npm test`, never run).
 */
import { Chart, Size } from 'cdk8s';
import { AccessMode, SpdkAccessMode, SpdkCsiDriver, SpdkTargetType, VolumeMode } from '../../src';

declare const chart: Chart;
declare const spdk: SpdkCsiDriver;
const storage = Size.mebibytes(256);

// The driver advertises SINGLE_NODE_WRITER only: RWX would bind and then fail at mount.
// @ts-expect-error ReadWriteMany is not an SpdkAccessMode
spdk.claim(chart, 'shared', { storage, accessMode: AccessMode.READ_WRITE_MANY });
// @ts-expect-error SpdkAccessMode has no READ_WRITE_MANY member
spdk.claimTemplate('data', { storage, accessMode: SpdkAccessMode.READ_WRITE_MANY });
// The driver formats every volume: no raw block.
// @ts-expect-error no volumeMode on SPDK claims
spdk.claim(chart, 'raw', { storage, volumeMode: VolumeMode.BLOCK });
// A target type is an enum, never a string.
// @ts-expect-error 'nvme-tcp' is not an SpdkTargetType
new SpdkCsiDriver(chart, 'spdk', { targets: [{ name: 'spdk-1', rpcUrl: 'http://10.0.0.1:9009', targetType: 'nvme-tcp', targetAddress: '10.0.0.1' }] });

new SpdkCsiDriver(chart, 'ok', { targets: [{ name: 'spdk-1', rpcUrl: 'http://10.0.0.1:9009', targetType: SpdkTargetType.NVME_TCP, targetAddress: '10.0.0.1' }] });
