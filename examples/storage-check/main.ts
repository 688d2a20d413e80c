import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { BlockProvider, BlockStorageClass, EbsVolumeType } from 'cdk8s-storage';

/**
 * A web app whose upload volume is a ReadWriteOnce EBS claim. `cdk8s synth`
 * runs StorageCheckPlugin (named in cdk8s.yaml) over the output: with
 * cdk8s-plus's default RollingUpdate the check reports that a rollout can
 * hang on the volume (write-once-claim-rolling-update), so the Deployment
 * updates by Recreate.
 */
export function buildApp(app = new App()): App {
  const chart = new Chart(app, 'storage-check', { namespace: 'shop' });
  const gp3 = new BlockStorageClass(chart, 'uploads-gp3', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.GP3 }) });
  const uploads = gp3.claim(chart, 'uploads', { storage: Size.gibibytes(20) });
  const web = new kplus.Deployment(chart, 'web', {
    replicas: 1,
    strategy: kplus.DeploymentStrategy.recreate(),
    containers: [{ image: 'nginxinc/nginx-unprivileged:1.27', ports: [{ number: 8080 }], securityContext: { user: 101, readOnlyRootFilesystem: false } }],
  });
  web.containers[0].mount('/usr/share/nginx/html/uploads', uploads);
  return app;
}

if (require.main === module) buildApp().synth();
