import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { NfsAccessMode, NfsShare } from 'cdk8s-storage';

/** Apache httpd serving, read-only, the pages on an existing NFS export. */
export function buildApp(app = new App()): App {
  const chart = new Chart(app, 'nfs-httpd', { namespace: 'web' });
  const share = new NfsShare(chart, 'home', {
    server: '10.0.2.5',
    path: '/home/nfs',
    capacity: Size.gibibytes(1),
    mountOptions: ['nfsvers=4.1', 'hard'],
  });
  const claim = share.claim(chart, 'test-pvc', { accessMode: NfsAccessMode.READ_WRITE_MANY });
  const web = new kplus.Deployment(chart, 'httpd', {
    replicas: 2,
    containers: [{
      image: 'httpd:2.4',
      ports: [{ number: 80 }],
      // The httpd image starts as root to bind port 80 and writes its pid file under /usr/local/apache2/logs.
      securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
    }],
  });
  web.containers[0].mount('/usr/local/apache2/htdocs', claim, { readOnly: true });
  return app;
}

if (require.main === module) buildApp().synth();
