import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { NfsAccessMode, NfsShare } from 'cdk8s-storage';

/** Two writer pods sharing one ReadWriteMany claim, bound to exactly one labelled NFS PV. */
export function buildApp(app = new App()): App {
  const chart = new Chart(app, 'nfs-static-binding', { namespace: 'jobs' });
  const scratch = new NfsShare(chart, 'scratch', {
    server: 'nas.example.internal',
    path: '/exports/scratch',
    capacity: Size.gibibytes(200),
    mountOptions: ['nfsvers=4.2', 'hard', 'noatime'],
  });
  const shared = scratch.claim(chart, 'scratch-claim', { accessMode: NfsAccessMode.READ_WRITE_MANY });

  for (const writer of ['writer-a', 'writer-b']) {
    const pod = new kplus.Pod(chart, writer, {
      containers: [{
        image: 'busybox:1.36',
        command: ['sh', '-c', `while true; do date >> /scratch/${writer}.log; sleep 10; done`],
        securityContext: { user: 1000, group: 1000 },
      }],
    });
    pod.containers[0].mount('/scratch', shared);
  }
  return app;
}

if (require.main === module) buildApp().synth();
