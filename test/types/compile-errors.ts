/**
 * Compile-time guarantees. This file is never run: `tsc --noEmit -p
 * test/tsconfig.json` (the first step of `npm test`) type-checks it, and each
 * `@ts-expect-error` fails the build if the line below it ever compiles.
 */
import { Chart, Size } from 'cdk8s';
import { AccessMode, ClaimRetention, ClaimTemplate, ReclaimPolicy, StatefulStore, StorageClass, VolumeClaim } from '../../src';

declare const chart: Chart;
const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });

// A string where an access-mode enum is required.
// @ts-expect-error 'ReadWriteOnce' is not an AccessMode
StorageClass.fromStorageClassName('standard', { accessModes: ['ReadWriteOnce'] });
// @ts-expect-error 'ReadWriteMany' is not an AccessMode
standard.claim(chart, 'data', { storage: Size.gibibytes(1), accessMode: 'ReadWriteMany' });

// A size must be a cdk8s Size, never a string that could be "10GB".
// @ts-expect-error a string is not a Size
standard.claimTemplate('www', { storage: '10Gi' });

// Claims come from backends only: they have no public constructor.
// @ts-expect-error VolumeClaim's constructor is private
new VolumeClaim(chart, 'x', { storageClassName: 'x', accessMode: AccessMode.READ_WRITE_MANY, storage: Size.gibibytes(1) });
// Nor subclasses: every backend's claim is a plain VolumeClaim.
// @ts-expect-error Cannot extend a class whose constructor is private
export class OwnClaim extends VolumeClaim {}
// @ts-expect-error ClaimTemplate's constructor is private
new ClaimTemplate('www', {});

// Recycle does not exist, and reclaim policies are enums.
// @ts-expect-error there is no RECYCLE
new StorageClass(chart, 'sc', { provisioner: 'p.io', reclaimPolicy: ReclaimPolicy.RECYCLE });
// @ts-expect-error 'Delete' is not a ReclaimPolicy
new StorageClass(chart, 'sc', { provisioner: 'p.io', reclaimPolicy: 'Delete' });

// A StatefulStore's claim retention is its own enum, not a string or a reclaim policy.
// @ts-expect-error 'Delete' is not a ClaimRetention
new StatefulStore(chart, 'db', { image: 'x', claimRetentionWhenDeleted: 'Delete' });
// @ts-expect-error a ReclaimPolicy is not a ClaimRetention
new StatefulStore(chart, 'db', { image: 'x', claimRetentionWhenScaled: ReclaimPolicy.DELETE });
new StatefulStore(chart, 'db', { image: 'x', claimRetentionWhenScaled: ClaimRetention.DELETE });
