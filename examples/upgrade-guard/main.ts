import { App, Chart, Size } from 'cdk8s';
import { AccessMode, StatefulStore, StorageClass } from 'cdk8s-storage';

/** Two releases of one app: v2 gives each replica a bigger volume, which a StatefulSet cannot take. */
export function buildApp(app = new App(), version: 'v1' | 'v2' = 'v2'): App {
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });
  new StatefulStore(chart, 'orders-db', {
    image: 'postgres:16.4',
    replicas: version === 'v1' ? 2 : 3,
    ports: [{ number: 5432, name: 'postgres' }],
    volumes: [{
      mountPath: '/var/lib/postgresql/data',
      claim: standard.claimTemplate('data', { storage: Size.gibibytes(version === 'v1' ? 10 : 20) }),
    }],
  });
  return app;
}

if (require.main === module) {
  const version = process.argv[2] === 'v1' ? 'v1' : 'v2';
  buildApp(new App({ outdir: `dist/${version}` }), version).synth();
}
