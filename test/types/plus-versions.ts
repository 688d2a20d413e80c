/**
 * Which cdk8s-plus calls compile with a claim (type-checked by `tsc --noEmit
 * -p test/tsconfig.json`; see test/plus-compat.test.ts for what they synthesize).
 */
import { Chart, Size } from 'cdk8s';
import * as plus27 from 'cdk8s-plus-27';
import * as plus33 from 'cdk8s-plus-33';
import * as plus34 from 'cdk8s-plus-34';
import { AccessMode, StorageClass } from '../../src';

declare const chart: Chart;
const claim = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] }).claim(chart, 'data', { storage: Size.gibibytes(1) });

// cdk8s-plus-27, this library's peer: a claim is an IStorage.
new plus27.Deployment(chart, 'web27').addContainer({ image: 'nginx' }).mount('/data', claim);

// cdk8s-plus-33: its IStorage wants its own Volume class, so a claim is not one
// (TS2345: separate declarations of a private property)...
// @ts-expect-error a cdk8s-plus-27 Volume is not a cdk8s-plus-33 Volume
new plus33.Deployment(chart, 'web33').addContainer({ image: 'nginx' }).mount('/data', claim);
// ...but a claim is its IPersistentVolumeClaim, so its own Volume mounts it.
new plus33.Deployment(chart, 'web33b').addContainer({ image: 'nginx' }).mount('/data', plus33.Volume.fromPersistentVolumeClaim(chart, 'data', claim));

// cdk8s-plus-34 (August 2026): the same as -33.
// @ts-expect-error a cdk8s-plus-27 Volume is not a cdk8s-plus-34 Volume
new plus34.Deployment(chart, 'web34').addContainer({ image: 'nginx' }).mount('/data', claim);
new plus34.Deployment(chart, 'web34b').addContainer({ image: 'nginx' }).mount('/data', plus34.Volume.fromPersistentVolumeClaim(chart, 'data', claim));
