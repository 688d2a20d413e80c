import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { SpdkAccessMode, SpdkCredentials, SpdkCsiDriver, SpdkTargetType, StatefulStore } from 'cdk8s-storage';

/** The SPDK CSI driver against one NVMe/TCP storage node, a test pod on a 256Mi volume, and a database on SPDK volumes. */
export function buildApp(app = new App()): App {
  const chart = new Chart(app, 'spdk');
  const spdk = new SpdkCsiDriver(chart, 'spdk', {
    namespaceName: 'spdk-csi',
    targets: [{ name: 'spdk-1', rpcUrl: 'http://192.168.10.118:9009', targetType: SpdkTargetType.NVME_TCP, targetAddress: '192.168.10.118' }],
    credentials: SpdkCredentials.fromExistingSecret('spdkcsi-secret'),
    // The upstream deployment's class name (by default, the construct id: "spdk").
    storageClassName: 'spdkcsi-sc',
  });
  const claim = spdk.claim(chart, 'spdkcsi-pvc', { storage: Size.mebibytes(256) });
  // busybox runs as root, which cdk8s-plus refuses: run as uid 1000, and let fsGroup make the new filesystem writable for it.
  const pod = new kplus.Pod(chart, 'spdkcsi-test', {
    containers: [{ image: 'busybox:1.36', command: ['sh', '-c', 'echo hello > /spdkvol/hello && sleep 3600'], securityContext: { user: 1000, group: 1000 } }],
    securityContext: { fsGroup: 1000 },
  });
  pod.containers[0].mount('/spdkvol', claim);

  // A database in its own namespace, one SPDK volume per replica.
  const apps = new Chart(app, 'db', { namespace: 'apps' });
  new StatefulStore(apps, 'db', {
    image: 'postgres:16.4',
    replicas: 2,
    ports: [{ number: 5432, name: 'postgres' }],
    volumes: [{
      mountPath: '/var/lib/postgresql/data',
      claim: spdk.claimTemplate('data', { storage: Size.gibibytes(20), accessMode: SpdkAccessMode.READ_WRITE_ONCE_POD }),
    }],
  });
  return app;
}

if (require.main === module) buildApp().synth();
