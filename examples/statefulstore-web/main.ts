import { App, Chart, Duration, Size } from 'cdk8s';
import { AccessMode, StatefulStore, StorageClass } from 'cdk8s-storage';

/** The StatefulSet basics example of the Kubernetes docs: nginx with one volume per replica. */
export function buildApp(app = new App()): App {
  const chart = new Chart(app, 'web');
  const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });
  new StatefulStore(chart, 'web', {
    image: 'registry.k8s.io/nginx-slim:0.8',
    replicas: 3,
    port: 80,
    terminationGracePeriod: Duration.seconds(10),
    volumes: [{ mountPath: '/usr/share/nginx/html', claim: standard.claimTemplate('www', { storage: Size.gibibytes(1) }) }],
  });
  return app;
}

if (require.main === module) buildApp().synth();
