/**
 * Claims mount from the cdk8s-plus of the user's app. `cdk8s init
 * typescript-app` installs cdk8s-plus-33, whose `IStorage` wants its own
 * `Volume` class (separate private declarations: TS2345, see
 * test/types/plus-versions.ts); its `Volume.fromPersistentVolumeClaim` takes an
 * `IPersistentVolumeClaim`, an interface without private members, identical in
 * cdk8s-plus-27 to -34, which every claim implements.
 */
import { Size } from 'cdk8s';
import * as plus27 from 'cdk8s-plus-27';
import * as plus33 from 'cdk8s-plus-33';
import * as plus34 from 'cdk8s-plus-34';
import { AccessMode, Severity, StorageCheck, StorageClass, VolumeMode } from '../src';
import { find, newChart, synthValid } from './helpers/manifests';

const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD] });

/** The versions after this library's peer, whose own Volume mounts a claim: the one `cdk8s init` installs today, and the newest. */
const LATER: Array<[string, typeof plus33]> = [['cdk8s-plus-33', plus33], ['cdk8s-plus-34', plus34 as unknown as typeof plus33]];

describe('claims mount from cdk8s-plus-27 to -34', () => {
  test.each(LATER)('%s: Volume.fromPersistentVolumeClaim(scope, id, claim) names the claim', (_, plus) => {
    const chart = newChart();
    const claim = standard.claim(chart, 'data', { storage: Size.gibibytes(5) });
    const web = new plus.Deployment(chart, 'web', { replicas: 1, containers: [{ image: 'nginx', securityContext: { user: 1000 } }] });
    web.containers[0].mount('/data', plus.Volume.fromPersistentVolumeClaim(chart, 'data-volume', claim), { readOnly: true });
    const manifests = synthValid(chart);
    const pod = find(manifests, 'Deployment').spec.template.spec;
    expect(pod.volumes).toEqual([{ name: 'pvc-data', persistentVolumeClaim: { claimName: 'data', readOnly: false } }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ mountPath: '/data', name: 'pvc-data', readOnly: true }]);
    expect(find(manifests, 'PersistentVolumeClaim', 'data').spec.resources).toEqual({ requests: { storage: '5Gi' } });
  });

  test('cdk8s-plus-27: the same call gives the same volume as mount(path, claim)', () => {
    const chart = newChart();
    const claim = standard.claim(chart, 'data', { storage: Size.gibibytes(5) });
    const direct = new plus27.Pod(chart, 'direct', { containers: [{ image: 'busybox', securityContext: { user: 1000 } }] });
    direct.containers[0].mount('/data', claim);
    const viaVolume = new plus27.Pod(chart, 'via-volume', { containers: [{ image: 'busybox', securityContext: { user: 1000 } }] });
    viaVolume.containers[0].mount('/data', plus27.Volume.fromPersistentVolumeClaim(chart, 'data-volume', claim));
    const pods = synthValid(chart).filter(m => m.kind === 'Pod').map(m => m.spec);
    expect(pods).toHaveLength(2);
    expect(pods[1].volumes).toEqual(pods[0].volumes);
    expect(pods[1].containers[0].volumeMounts).toEqual(pods[0].containers[0].volumeMounts);
  });

  test('a claim is an IPersistentVolumeClaim: the RBAC fields cdk8s-plus reads', () => {
    const claim = standard.claim(newChart(), 'data', { storage: Size.gibibytes(5) });
    const asPlus33: plus33.IPersistentVolumeClaim = claim;
    const asPlus34: plus34.IPersistentVolumeClaim = claim;
    expect(pick(asPlus34)).toEqual(pick(asPlus33));
    expect({ ...pick(asPlus33) }).toEqual({
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', apiGroup: '', resourceType: 'persistentvolumeclaims', resourceName: 'data', name: 'data',
    });
  });

  test.each(LATER)('%s grants a Role access to the claim by name', (_, plus) => {
    const chart = newChart();
    const claim = standard.claim(chart, 'data', { storage: Size.gibibytes(5) });
    const role = new plus.Role(chart, 'reader');
    role.allowRead(claim);
    const rules = find(synthValid(chart), 'Role').rules;
    expect(rules).toEqual([{ apiGroups: [''], resourceNames: ['data'], resources: ['persistentvolumeclaims'], verbs: ['get', 'list', 'watch'] }]);
  });
});

test.each(LATER)('a Block claim mounted at a path through %s is caught by StorageCheck (volume-mode-mismatch), as asVolume() refuses it with plus-27', (_, plus) => {
  const chart = newChart();
  const raw = StorageClass.fromStorageClassName('raw', { accessModes: [AccessMode.READ_WRITE_ONCE], volumeModes: [VolumeMode.BLOCK] });
  const claim = raw.claim(chart, 'disk', { storage: Size.gibibytes(5), volumeMode: VolumeMode.BLOCK });
  const web = new plus.Deployment(chart, 'web', { replicas: 1, strategy: plus.DeploymentStrategy.recreate(), containers: [{ image: 'nginx', securityContext: { user: 1000 } }] });
  web.containers[0].mount('/data', plus.Volume.fromPersistentVolumeClaim(chart, 'disk-volume', claim));
  const findings = StorageCheck.check(synthValid(chart)).filter(f => f.severity !== Severity.INFO);
  expect(findings.map(f => [f.ruleId, f.field])).toEqual([['volume-mode-mismatch', 'spec.template.spec.containers[0].volumeMounts[0]']]);
  expect(() => claim.asVolume()).toThrow(/invalid volumeMode "Block"/);
});

function pick(c: plus33.IPersistentVolumeClaim) {
  return { apiVersion: c.apiVersion, kind: c.kind, apiGroup: c.apiGroup, resourceType: c.resourceType, resourceName: c.resourceName, name: c.name };
}
