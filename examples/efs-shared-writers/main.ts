import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { EfsAccessMode, EfsExistingVolume, EfsStorageClass, VolumeClaim } from 'cdk8s-storage';

/** Two pods appending to files on one EFS claim: once dynamically provisioned, once on an existing access point. */
export function buildApp(app = new App()): App {
  const chart = new Chart(app, 'efs-shared-writers', { namespace: 'shared' });

  // Dynamic: the class makes an access point (and a directory under /dynamic) for the claim.
  const efs = new EfsStorageClass(chart, 'efs', {
    fileSystemId: 'fs-06340e6a6f1ff9f8f',
    directoryPerms: '700',
    gidRange: { start: 50000, end: 60000 },
    basePath: '/dynamic',
  });
  const shared = efs.claim(chart, 'efs-claim', { accessMode: EfsAccessMode.READ_WRITE_MANY });
  writers(chart, 'dynamic', shared);

  // Static: an access point made outside Kubernetes, offered as one Retain PV.
  const existing = new EfsExistingVolume(chart, 'efs-static', { fileSystemId: 'fs-06340e6a6f1ff9f8f', accessPointId: 'fsap-068c22f0246419f75' });
  writers(chart, 'static', existing.claim(chart, 'static-claim', { accessMode: EfsAccessMode.READ_WRITE_MANY }));

  // Cross-account: a One Zone file system of the data account. The provisioner secret (awsRoleArn) is made
  // outside this app and referenced by name only; `az` picks the mount target every volume uses.
  new EfsStorageClass(chart, 'efs-data-account', {
    fileSystemId: 'fs-0a1b2c3d4e5f60718',
    crossAccountSecret: { name: 'x-account', namespaceName: 'kube-system' },
    az: 'eu-west-1a',
    enforceZoneAffinity: true,
  });
  // The same manifests for every cluster: each cluster's file system id is in a ConfigMap the driver reads.
  new EfsStorageClass(chart, 'efs-per-cluster', {
    fileSystemIdConfigMap: { namespaceName: 'kube-system', name: 'efs-config', key: 'fileSystemId' },
    enableTagging: true,
  });
  // A class the cluster already has (installed with the driver): claims are checked the same way.
  const clusterEfs = EfsStorageClass.fromStorageClassName('efs-sc', 'fs-06340e6a6f1ff9f8f');
  clusterEfs.claim(chart, 'efs-sc-claim');
  return app;
}

function writers(chart: Chart, variant: string, claim: VolumeClaim): void {
  for (const name of [`${variant}-writer-1`, `${variant}-writer-2`]) {
    const pod = new kplus.Pod(chart, name, {
      // cdk8s-plus requires a non-root user, and busybox runs as root: name one. An access point
      // writes with its own POSIX user, whatever the pod's, so uid 1000 can write its directory.
      containers: [{ image: 'busybox:1.36', command: ['sh', '-c', `while true; do date >> /data/${name}.txt; sleep 5; done`], securityContext: { user: 1000, group: 1000 } }],
    });
    pod.containers[0].mount('/data', claim);
  }
}

if (require.main === module) buildApp().synth();
