import { App, Chart, ChartProps, Size } from 'cdk8s';
import { Deployment, DeploymentStrategy, Volume } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { AccessMode, StorageClass } from 'cdk8s-storage';

/**
 * A team's web app with an upload volume, written as `cdk8s init
 * typescript-app` sets an app up today: with cdk8s-plus-33. CI packs the
 * library, installs it into such a fresh app, and synthesizes this file there.
 */
export class WebChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const gp3 = StorageClass.fromStorageClassName('gp3', { accessModes: [AccessMode.READ_WRITE_ONCE] });
    const uploads = gp3.claim(this, 'uploads', { storage: Size.gibibytes(20) });
    const web = new Deployment(this, 'web', {
      replicas: 1,
      // One pod holds the ReadWriteOnce volume: a rolling update's new pod would wait for it.
      strategy: DeploymentStrategy.recreate(),
      // The new volume's filesystem is root's: the group lets user 101 write it.
      securityContext: { fsGroup: 101 },
      containers: [{ image: 'nginxinc/nginx-unprivileged:1.27', portNumber: 8080, securityContext: { user: 101, readOnlyRootFilesystem: false } }],
    });
    // cdk8s-plus-33 mounts a claim through its own Volume (a claim is its IPersistentVolumeClaim).
    web.containers[0].mount('/usr/share/nginx/html/uploads', Volume.fromPersistentVolumeClaim(this, 'uploads-volume', uploads));
  }
}

export function buildApp(app = new App()): App {
  // One chart per team, each in its own namespace: both claims may be named "uploads".
  new WebChart(app, 'team-a', { namespace: 'team-a' });
  new WebChart(app, 'team-b', { namespace: 'team-b' });
  return app;
}

if (require.main === module) buildApp().synth();
