import { App, Chart, Size } from 'cdk8s';
import {
  BlockProvider, BlockStorageClass, EbsVolumeType, LocalAccessMode, LocalSsdVolume, StatefulStore, VolumeMode,
} from 'cdk8s-storage';

/**
 * Cassandra on EKS storage-optimised nodes: the data on each node's local
 * NVMe instance store (fast; rebuilt from the other replicas if a node dies),
 * the commit log on a durable EBS gp3 volume.
 */
export function buildApp(app = new App()): App {
  const chart = new Chart(app, 'cassandra', { namespace: 'cassandra' });

  const nodes = ['ip-10-0-1-11.eu-west-1.compute.internal', 'ip-10-0-2-12.eu-west-1.compute.internal', 'ip-10-0-3-13.eu-west-1.compute.internal'];
  const nvme = new LocalSsdVolume(chart, 'nvme', {
    storageClassName: 'local-nvme',
    accessMode: LocalAccessMode.READ_WRITE_ONCE_POD,
    disks: nodes.map(node => ({ node, path: '/mnt/nvme0', capacity: Size.gibibytes(2328), labels: { 'storage.example.com/media': 'nvme' } })),
  });
  const gp3 = new BlockStorageClass(chart, 'commitlog-gp3', {
    provider: BlockProvider.ebs({ volumeType: EbsVolumeType.GP3, iops: 6000, throughput: 250, encrypted: true }),
  });

  new StatefulStore(chart, 'cassandra', {
    image: 'cassandra:5.0',
    replicas: 3,
    ports: [{ number: 9042, name: 'cql' }, { number: 7000, name: 'intra-node' }],
    publishNotReadyAddresses: true,
    volumes: [
      {
        mountPath: '/var/lib/cassandra/data',
        claim: nvme.claimTemplate('data', {
          storage: Size.gibibytes(2000),
          accessMode: LocalAccessMode.READ_WRITE_ONCE_POD,
          diskSelector: { 'storage.example.com/media': 'nvme' },
        }),
      },
      { mountPath: '/var/lib/cassandra/commitlog', claim: gp3.claimTemplate('commitlog', { storage: Size.gibibytes(100), volumeMode: VolumeMode.FILESYSTEM }) },
    ],
  });
  return app;
}

if (require.main === module) buildApp().synth();
