import { Size } from 'cdk8s';
import { AccessMode, PodVolume, StatefulStore, StorageCheck, StorageClass, VolumeMode } from '../src';
import { find, newChart, synthValid } from './helpers/manifests';

const fast = StorageClass.fromStorageClassName('fast', { accessModes: [AccessMode.READ_WRITE_ONCE], volumeModes: [VolumeMode.FILESYSTEM, VolumeMode.BLOCK] });

describe('PodVolume.ephemeral: scratch space from a backend\'s claim template, one claim per pod, deleted with it', () => {
  test('a StatefulStore mounts it: the pod spec holds the ephemeral volume with the template\'s claim spec', () => {
    const chart = newChart();
    new StatefulStore(chart, 'db', { image: 'postgres:17', replicas: 3, volumes: [{ volume: PodVolume.ephemeral(fast.claimTemplate('scratch', { storage: Size.gibibytes(50) })), mountPath: '/scratch' }] });
    const manifests = synthValid(chart);
    const pod = find(manifests, 'StatefulSet').spec.template.spec;
    expect(pod.volumes).toEqual([{
      name: 'scratch',
      ephemeral: { volumeClaimTemplate: { spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem', resources: { requests: { storage: '50Gi' } } } } },
    }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'scratch', mountPath: '/scratch' }]);
    // Each pod has its own claim: three replicas on a ReadWriteOnce template are fine, and the API server accepts the pod.
    expect(StorageCheck.check(manifests).filter(f => f.severity !== 'info' && f.severity !== 'warning')).toEqual([]);
  });

  test('a Block template is exposed as a device; the volume can be renamed', () => {
    const chart = newChart();
    const raw = fast.claimTemplate('raw', { storage: Size.gibibytes(10), volumeMode: VolumeMode.BLOCK });
    new StatefulStore(chart, 'db', { image: 'postgres:17', volumes: [{ volume: PodVolume.ephemeral(raw, { name: 'cache' }), mountPath: '/dev/cache' }] });
    const container = find(synthValid(chart), 'StatefulSet').spec.template.spec.containers[0];
    expect(container.volumeDevices).toEqual([{ name: 'cache', devicePath: '/dev/cache' }]);
    expect(container.volumeMounts).toBeUndefined();
  });

  test('bad input is refused, naming the call', () => {
    expect(() => PodVolume.ephemeral('scratch' as any)).toThrow('PodVolume.ephemeral: invalid template "scratch". Allowed: a ClaimTemplate');
    expect(() => PodVolume.ephemeral(fast.claimTemplate('scratch', { storage: Size.gibibytes(1) }), { name: 'Bad Name' })).toThrow(/^PodVolume.ephemeral\("scratch"\): invalid name "Bad Name"/);
  });
});
