/**
 * Compile-time guarantees of LocalSsdVolume (type-checked by `npm test`, never run).
 */
import { Chart, Size } from 'cdk8s';
import { AccessMode, LocalAccessMode, LocalSsdVolume } from '../../src';

declare const chart: Chart;
declare const ssd: LocalSsdVolume;
const storage = Size.gibibytes(10);

// A local disk is attached to one node: modes for many nodes do not exist here.
// @ts-expect-error ReadWriteMany is not a LocalAccessMode
ssd.claim(chart, 'shared', { storage, accessMode: AccessMode.READ_WRITE_MANY });
// @ts-expect-error ReadOnlyMany is not a LocalAccessMode
ssd.claimTemplate('data', { storage, accessMode: AccessMode.READ_ONLY_MANY });
// @ts-expect-error LocalAccessMode has no READ_WRITE_MANY member
ssd.claim(chart, 'shared', { storage, accessMode: LocalAccessMode.READ_WRITE_MANY });
// @ts-expect-error nor a READ_ONLY_MANY one
new LocalSsdVolume(chart, 'ro', { accessMode: LocalAccessMode.READ_ONLY_MANY });

// A string is never an access mode, not even a valid one.
// @ts-expect-error 'ReadWriteOnce' is not a LocalAccessMode
ssd.claim(chart, 'data', { storage, accessMode: 'ReadWriteOnce' });
// @ts-expect-error 'ReadWriteOnce' is not a LocalAccessMode
new LocalSsdVolume(chart, 'disks', { disks: [{ node: 'n1', path: '/mnt/ssd', capacity: storage, accessMode: 'ReadWriteOnce' }] });

// What compiles: the backend's own enum.
ssd.claim(chart, 'data', { storage, accessMode: LocalAccessMode.READ_WRITE_ONCE_POD });
