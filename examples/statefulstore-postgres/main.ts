import { App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { AccessMode, PodVolume, StatefulStore, StorageClass, VolumeClaim } from 'cdk8s-storage';

/**
 * A three-replica PostgreSQL cluster (one primary, two streaming replicas, as
 * an operator or Patroni would run it): data and WAL on separate per-replica
 * volumes, its configuration from a ConfigMap, its password from a Secret that
 * is created outside Git, and a metrics exporter beside each database.
 */
export function buildApp(app = new App()): App {
  const chart = new Chart(app, 'postgres', { namespace: 'databases' });

  // gp3 volumes for the data, and faster io2 volumes for the write-ahead log.
  const gp3 = StorageClass.fromStorageClassName('gp3', { accessModes: [AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD] });
  const io2 = StorageClass.fromStorageClassName('io2', { accessModes: [AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD] });
  const data = gp3.claimTemplate('data', { storage: Size.gibibytes(100), accessMode: AccessMode.READ_WRITE_ONCE_POD });
  const wal = io2.claimTemplate('wal', { storage: Size.gibibytes(20), accessMode: AccessMode.READ_WRITE_ONCE_POD });
  const config = PodVolume.configMap('config', 'postgres-config');

  const password = kplus.Secret.fromSecretName(chart, 'password', 'postgres-superuser');
  const db = new StatefulStore(chart, 'postgres', {
    image: 'postgres:16.4',
    replicas: 3,
    ports: [{ number: 5432, name: 'postgres' }],
    // Replicas find the primary by its stable DNS name before they are ready.
    publishNotReadyAddresses: true,
    podManagementPolicy: kplus.PodManagementPolicy.ORDERED_READY,
    terminationGracePeriod: Duration.seconds(60),
    args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
    env: {
      PGDATA: kplus.EnvValue.fromValue('/var/lib/postgresql/data/pgdata'),
      POSTGRES_PASSWORD: kplus.EnvValue.fromSecretValue({ secret: password, key: 'password' }),
    },
    resources: {
      requests: { cpu: k8s.Quantity.fromString('500m'), memory: k8s.Quantity.fromString('2Gi') },
      limits: { memory: k8s.Quantity.fromString('2Gi') },
    },
    readinessProbe: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 5 },
    podSecurityContext: { fsGroup: 999 },
    volumes: [
      { mountPath: '/var/lib/postgresql/data', claim: data },
      { mountPath: '/var/lib/postgresql/wal', claim: wal },
      { mountPath: '/etc/postgresql', volume: config, readOnly: true },
    ],
    sidecars: [{
      name: 'exporter',
      image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0',
      ports: [{ number: 9187, name: 'metrics' }],
      env: { DATA_SOURCE_URI: kplus.EnvValue.fromValue('localhost:5432/postgres?sslmode=disable') },
    }],
  });
  // A scratch area for sorts that spill to disk, added after construction.
  db.addVolume({ mountPath: '/tmp', volume: PodVolume.emptyDir('tmp', { sizeLimit: Size.gibibytes(4) }) });

  // Backups go to one shared claim that a nightly job mounts.
  const backups: VolumeClaim = gp3.claim(chart, 'backups', { storage: Size.gibibytes(500) });
  // The postgres image's entrypoint user is root; run the job as its postgres user (999), which owns /backups through fsGroup.
  const job = new kplus.Job(chart, 'backup', {
    containers: [{ image: 'postgres:16.4', command: ['pg_basebackup', '-D', '/backups/latest', '-h', 'postgres-0.postgres'], securityContext: { user: 999, group: 999 } }],
    securityContext: { fsGroup: 999 },
  });
  job.containers[0].mount('/backups', backups);
  return app;
}

if (require.main === module) buildApp().synth();
