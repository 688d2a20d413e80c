import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { LocalSsdVolume } from 'cdk8s-storage';

/** A k3s cluster of Raspberry Pis, each with a 400Gi SSD mounted at /mnt/ssd, and a pod that writes to one. */
export function buildApp(app = new App()): App {
  const chart = new Chart(app, 'local-ssd');
  const ssd = new LocalSsdVolume(chart, 'ssd', {
    storageClassName: 'local-storage',
    disks: [
      { node: 'raspberrypi-1', path: '/mnt/ssd', capacity: Size.gibibytes(400) },
      { node: 'raspberrypi-2', path: '/mnt/ssd', capacity: Size.gibibytes(400) },
    ],
  });
  const claim = ssd.claim(chart, 'test-pvc', { storage: Size.gibibytes(400) });

  const writer = new kplus.Pod(chart, 'writer', {
    containers: [{
      image: 'busybox:1.36',
      command: ['sh', '-c', 'date >> /mnt/ssd/written-by-pod && sleep 3600'],
      securityContext: { user: 1000, group: 1000 },
    }],
    securityContext: { fsGroup: 1000 },
  });
  writer.containers[0].mount('/mnt/ssd', claim);
  return app;
}

if (require.main === module) buildApp().synth();
