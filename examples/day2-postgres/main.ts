import { App, Chart, Size } from 'cdk8s';
import {
  BlockAttributesClass, BlockProvider, BlockSnapshotClass, BlockSnapshotProvider, BlockStorageClass, BlockVolumeAttributes, PodVolume, StatefulStore,
} from 'cdk8s-storage';

/**
 * Day 2 of a PostgreSQL StatefulStore on EBS, as two releases of one app:
 * v1 runs it; v2 upgrades PostgreSQL after a snapshot of replica 0, starts a
 * staging copy restored from that snapshot, and raises the IOPS of the
 * reporting volume in place by moving its claim to another
 * VolumeAttributesClass. `guard` compares the two releases.
 */
export function buildApp(app = new App(), version: 'v1' | 'v2' = 'v2'): App {
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const gp3 = new BlockStorageClass(chart, 'gp3', { provider: BlockProvider.ebs({ iops: 3000, throughput: 125 }) });
  const snapshots = new BlockSnapshotClass(chart, 'ebs-snapshots', { provider: BlockSnapshotProvider.ebs({ tags: { team: 'orders' } }) });
  // Performance tiers: a claim moves between them without a new volume (EC2 ModifyVolume).
  const baseline = new BlockAttributesClass(chart, 'gp3-baseline', { attributes: BlockVolumeAttributes.ebs({ iops: 3000, throughput: 125 }) });
  const fast = new BlockAttributesClass(chart, 'gp3-fast', { attributes: BlockVolumeAttributes.ebs({ iops: 6000, throughput: 500 }) });

  const data = gp3.claimTemplate('data', { storage: Size.gibibytes(50) });
  const db = new StatefulStore(chart, 'orders-db', {
    image: version === 'v1' ? 'postgres:16.4' : 'postgres:17.2',
    replicas: 3,
    ports: [{ number: 5432, name: 'postgres' }],
    env: {},
    podSecurityContext: { fsGroup: 999 },
    volumes: [{ mountPath: '/var/lib/postgresql/data', claim: data }],
  });

  // A reporting database on one volume, tuned in place in v2.
  const reports = gp3.claim(chart, 'reports', { storage: Size.gibibytes(200), attributesClass: version === 'v1' ? baseline : fast });
  new StatefulStore(chart, 'reports-db', {
    image: 'postgres:17.2',
    ports: [{ number: 5432, name: 'postgres' }],
    podSecurityContext: { fsGroup: 999 },
    volumes: [{ mountPath: '/var/lib/postgresql/data', volume: PodVolume.fromClaim(reports) }],
  });

  if (version === 'v2') {
    // Before the upgrade: a snapshot of the primary's volume, kept when the VolumeSnapshot is deleted (Retain).
    const beforeUpgrade = db.snapshotReplica(chart, 'orders-db-before-17', { template: data, ordinal: 0, snapshotClass: snapshots });
    // A staging copy of the database, every replica restored from that snapshot.
    new StatefulStore(chart, 'orders-db-staging', {
      image: 'postgres:17.2',
      ports: [{ number: 5432, name: 'postgres' }],
      podSecurityContext: { fsGroup: 999 },
      volumes: [{ mountPath: '/var/lib/postgresql/data', claim: gp3.claimTemplate('data', { storage: Size.gibibytes(50), restoreFrom: beforeUpgrade }) }],
    });
  }
  return app;
}

if (require.main === module) {
  const version = process.argv[2] === 'v1' ? 'v1' : 'v2';
  buildApp(new App({ outdir: version === 'v1' ? 'dist/v1' : 'dist' }), version).synth();
}
