import { App, Chart, Size } from 'cdk8s';
import { AccessMode, BlockProvider, BlockStorageClass, EfsStorageClass, LocalSsdVolume, NfsCsiStorageClass, SpdkCsiDriver, SpdkTargetType, StorageCheck, StorageClass } from '../src';
import { synthValid } from './helpers/manifests';

const DEFAULT = 'storageclass.kubernetes.io/is-default-class';
const target = { name: 't1', rpcUrl: 'http://10.0.0.1:9009', targetType: SpdkTargetType.NVME_TCP, targetAddress: '10.0.0.1' };

/** Each construct that makes a StorageClass, asked to make the default one. */
const MAKERS: Array<[string, (c: Chart) => unknown]> = [
  ['StorageClass', c => new StorageClass(c, 'sc', { provisioner: 'example.com/x', accessModes: [AccessMode.READ_WRITE_ONCE], isDefault: true })],
  ['BlockStorageClass', c => new BlockStorageClass(c, 'sc', { provider: BlockProvider.ebs(), isDefault: true })],
  ['NfsCsiStorageClass', c => new NfsCsiStorageClass(c, 'sc', { server: '10.0.0.5', share: '/exports', isDefault: true })],
  ['EfsStorageClass', c => new EfsStorageClass(c, 'sc', { fileSystemId: 'fs-0123456789abcdef0', isDefault: true })],
  ['LocalSsdVolume', c => new LocalSsdVolume(c, 'sc', { disks: [{ node: 'n1', path: '/mnt/a', capacity: Size.gibibytes(10) }], isDefault: true })],
  ['SpdkCsiDriver', c => new SpdkCsiDriver(c, 'sc', { targets: [target], isDefault: true })],
];

describe('isDefault marks the class the cluster\'s default', () => {
  test.each(MAKERS)('%s', (_, make) => {
    const chart = new Chart(new App(), 'test');
    make(chart);
    const classes = synthValid(chart).filter(m => m.kind === 'StorageClass');
    expect(classes.map(c => c.metadata.annotations[DEFAULT])).toEqual(['true']);
    // The prune protection is still there beside it.
    expect(classes[0].metadata.annotations['argocd.argoproj.io/sync-options']).toBe('Prune=false,Delete=false');
  });

  test('without it, no class is marked', () => {
    const chart = new Chart(new App(), 'test');
    new BlockStorageClass(chart, 'sc', { provider: BlockProvider.ebs() });
    expect(synthValid(chart).find(m => m.kind === 'StorageClass')!.metadata.annotations[DEFAULT]).toBeUndefined();
  });

  test('a second default in one app is refused, naming the first; two apps (two clusters) may each have one', () => {
    const app = new App();
    new BlockStorageClass(new Chart(app, 'a'), 'gp3', { provider: BlockProvider.ebs(), isDefault: true });
    expect(() => new NfsCsiStorageClass(new Chart(app, 'b'), 'nfs', { server: '10.0.0.5', share: '/exports', isDefault: true })).toThrow(
      'b/nfs (NfsCsiStorageClass): invalid isDefault true. Allowed: one default class per app, and a/gp3 already makes "gp3" the default. '
      + 'Fix: keep isDefault on one class, and name the class in claims that need another');
    expect(() => new BlockStorageClass(new Chart(new App(), 'c'), 'gp3', { provider: BlockProvider.ebs(), isDefault: true })).not.toThrow();
  });

  test('check agrees: one default class, and claims that name none are given it (no claim-default-class finding)', () => {
    const chart = new Chart(new App(), 'test');
    const gp3 = new BlockStorageClass(chart, 'gp3', { provider: BlockProvider.ebs(), isDefault: true });
    gp3.claim(chart, 'data', { storage: Size.gibibytes(10) });
    const unnamed = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'legacy' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    const ids = StorageCheck.check([...synthValid(chart), unnamed]).map(f => f.ruleId);
    expect(ids).not.toContain('default-class-ambiguous');
    expect(ids).not.toContain('claim-default-class');
  });

  test('a value that is not a boolean is refused', () => {
    expect(() => new BlockStorageClass(new Chart(new App(), 'test'), 'gp3', { provider: BlockProvider.ebs(), isDefault: 'yes' as any })).toThrow('invalid isDefault "yes". Allowed: true or false');
  });
});
