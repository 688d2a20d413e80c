import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { BlockStorageClass } from 'cdk8s-storage';

/** nginx on Oracle Kubernetes Engine, serving from a 50Gi block volume of the pre-installed oci-bv class. */
export function buildApp(app = new App()): App {
  const chart = new Chart(app, 'oci-block-nginx');
  const bv = BlockStorageClass.ociDefault();
  const data = bv.claim(chart, 'csi-bvs-pvc', { storage: Size.gibibytes(50) });

  const nginx = new kplus.Deployment(chart, 'nginx', {
    replicas: 1,
    // A ReadWriteOnce volume is attached to one node: replace the pod instead of running two at once.
    strategy: kplus.DeploymentStrategy.recreate(),
    containers: [{
      image: 'nginx:1.27',
      ports: [{ number: 80 }],
      // The nginx image runs as root and writes its cache under /var/cache/nginx.
      securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
    }],
  });
  nginx.containers[0].mount('/usr/share/nginx/html', data);
  return app;
}

if (require.main === module) buildApp().synth();
