/**
 * The backend that docs/adding-a-backend.md walks through, built from the core
 * helpers only, and held to what every backend of the library guarantees.
 * It is an example of the shape, not a shipped backend.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { AccessMode, ClaimTemplate, DriverFacts, DriverRegistry, ReclaimPolicy, StatefulStore, StorageCheck, VolumeBindingMode, VolumeClaim, VolumeMode } from '../src';
import { find, newChart, synthValid } from './helpers/manifests';
import { BackendClaims, BackendRequest } from '../src/core/backend-claims';
import { Schema, checkScope, enumOf, enumValues, integer, openConstruct, optional, size } from '../src/core/checks';
import { NAME } from '../src/core/schemas';
import { addStorageClass } from '../src/core/storage-class-object';

// --- the backend: what docs/adding-a-backend.md shows ---

/** The access modes the driver serves (values of AccessMode). */
export enum LonghornAccessMode {
  READ_WRITE_ONCE = AccessMode.READ_WRITE_ONCE,
}

export interface LonghornStorageClassProps {
  readonly storageClassName?: string;
  readonly numberOfReplicas?: number;
}

export interface LonghornClaimOptions {
  readonly storage: Size;
  readonly accessMode?: LonghornAccessMode;
}

export interface LonghornClaimProps extends LonghornClaimOptions {
  readonly name?: string;
}

const LONGHORN_STORAGE_CLASS_PROPS: Schema<LonghornStorageClassProps> = { storageClassName: NAME, numberOfReplicas: optional(integer(1, 20)) };
const LONGHORN_CLAIM_OPTIONS: Schema<LonghornClaimOptions> = { storage: size(), accessMode: optional(enumOf(LonghornAccessMode, 'LonghornAccessMode')) };

export class LonghornStorageClass extends Construct {
  public readonly storageClassName: string;
  private readonly claims: BackendClaims<LonghornClaimOptions>;

  public constructor(scope: Construct, id: string, props: LonghornStorageClassProps = {}) {
    super(checkScope(scope, id, 'LonghornStorageClass'), id);
    const { where, props: checked } = openConstruct(this, 'LonghornStorageClass', props, LONGHORN_STORAGE_CLASS_PROPS);
    this.storageClassName = addStorageClass(this, where, {
      storageClassName: checked.storageClassName,
      provisioner: 'driver.longhorn.io',
      parameters: { numberOfReplicas: String(checked.numberOfReplicas ?? 3) },
      reclaimPolicy: ReclaimPolicy.RETAIN,
      volumeBindingMode: VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER,
      allowVolumeExpansion: true,
    }).name;
    this.claims = new BackendClaims(where, { schema: LONGHORN_CLAIM_OPTIONS, optionsType: 'LonghornClaimOptions', propsType: 'LonghornClaimProps' },
      options => this.request(options));
  }

  public claim(scope: Construct, id: string, props: LonghornClaimProps): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  public claimTemplate(name: string, options: LonghornClaimOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  private request(options: LonghornClaimOptions): BackendRequest {
    return {
      storageClassName: this.storageClassName,
      accessMode: options.accessMode ?? LonghornAccessMode.READ_WRITE_ONCE,
      storage: options.storage,
      volumeMode: VolumeMode.FILESYSTEM,
    };
  }
}

/** What the driver serves, registered once, so that `check` judges claims on its classes. */
export const LONGHORN_DRIVER: DriverFacts = {
  label: 'Longhorn',
  provisioner: 'driver.longhorn.io',
  accessModes: enumValues(LonghornAccessMode),
};
DriverRegistry.register(LONGHORN_DRIVER);

// --- what it gets from the core helpers ---

describe('a backend made of the core helpers', () => {
  test('the class is the child Resource, named after the construct id, Retain, prune-protected', () => {
    const chart = newChart('apps');
    const longhorn = new LonghornStorageClass(chart, 'longhorn');
    longhorn.claim(chart, 'data', { storage: Size.mebibytes(512) });
    new StatefulStore(chart, 'db', { image: 'postgres:16', volumes: [{ mountPath: '/data', claim: longhorn.claimTemplate('pgdata', { storage: Size.gibibytes(20) }) }] });
    const manifests = synthValid(chart);
    expect(longhorn.node.defaultChild?.node.id).toBe('Resource');
    expect(find(manifests, 'StorageClass')).toMatchObject({
      metadata: { name: 'longhorn' },
      provisioner: 'driver.longhorn.io',
      parameters: { numberOfReplicas: '3' },
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    expect(find(manifests, 'StorageClass').metadata.namespace).toBeUndefined();
    expect(find(manifests, 'PersistentVolumeClaim').spec).toEqual({
      storageClassName: 'longhorn', accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem', resources: { requests: { storage: '512Mi' } },
    });
    expect(find(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].spec.storageClassName).toBe('longhorn');
  });

  test('its props, claims and templates are checked, with the library\'s messages', () => {
    const chart = newChart();
    expect(() => new LonghornStorageClass(chart, 'bad', { numberOfReplicas: 0 })).toThrow(
      'test/bad (LonghornStorageClass): invalid numberOfReplicas 0. Allowed: an integer from 1 to 20. Fix: pass an integer from 1 to 20');
    const longhorn = new LonghornStorageClass(chart, 'longhorn');
    expect(() => longhorn.claim(chart, 'data', { storage: Size.gibibytes(1), accessMode: 'ReadWriteMany' as any })).toThrow(
      /^test\/data \(VolumeClaim\) on test\/longhorn \(LonghornStorageClass\): invalid accessMode "ReadWriteMany". Allowed: one of LonghornAccessMode.READ_WRITE_ONCE \("ReadWriteOnce"\)/);
    expect(() => longhorn.claimTemplate('data', { storage: 10 as any })).toThrow(
      'claim template "data" on test/longhorn (LonghornStorageClass): invalid storage 10. Allowed: a cdk8s Size');
    expect(() => new LonghornStorageClass(chart, 'other', { storageClassName: 'longhorn' })).toThrow(
      /^test\/other \(LonghornStorageClass\): invalid storageClassName "longhorn". Allowed: a StorageClass name \(a cluster holds one StorageClass per name\) that no other construct of the app uses/);
  });
});

describe('check knows the new driver from the registry, with no edit in src/check', () => {
  const claim = (accessMode: string) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'shared', namespace: 'apps' },
    spec: { storageClassName: 'longhorn', accessModes: [accessMode], resources: { requests: { storage: '1Gi' } } },
  });
  const manifests = (accessMode: string) => {
    const chart = newChart('apps');
    new LonghornStorageClass(chart, 'longhorn');
    return [...synthValid(chart), claim(accessMode)];
  };

  test('a ReadWriteMany claim on a Longhorn class is access-mode-unserved, in the driver\'s words', () => {
    const [finding] = StorageCheck.check(manifests(AccessMode.READ_WRITE_MANY)).filter(f => f.ruleId === 'access-mode-unserved');
    expect(finding).toMatchObject({ kind: 'PersistentVolumeClaim', name: 'shared', field: 'spec.accessModes', severity: 'error' });
    expect(finding.message).toMatch(/^claim shared asks for ReadWriteMany from class "longhorn" \(Longhorn\), which serves ReadWriteOnce for Filesystem volumes/);
  });

  test('a claim the driver serves is clean, and the registry lists the driver', () => {
    expect(StorageCheck.check(manifests(AccessMode.READ_WRITE_ONCE)).filter(f => f.ruleId === 'access-mode-unserved')).toEqual([]);
    expect(DriverRegistry.drivers()).toContainEqual(LONGHORN_DRIVER);
  });

  test('a driver registers once, and its facts are checked', () => {
    expect(() => DriverRegistry.register(LONGHORN_DRIVER)).toThrow(
      'DriverRegistry.register: invalid facts.provisioner "driver.longhorn.io". Allowed: a provisioner no other driver registered. Fix: register each driver once');
    expect(() => DriverRegistry.register({ label: 'x', provisioner: 'ebs.csi.aws.com', accessModes: ['ReadWriteOnce'] })).toThrow(/invalid facts.provisioner "ebs.csi.aws.com"/);
    expect(() => DriverRegistry.register({ label: 'x', provisioner: 'x.example.com', accessModes: ['ReadWriteSometimes'] })).toThrow(
      /^DriverRegistry.register: invalid facts.accessModes\[0\] "ReadWriteSometimes". Allowed: one of AccessMode.READ_WRITE_ONCE/);
    expect(() => DriverRegistry.register({ label: 'x', provisioner: '', accessModes: ['ReadWriteOnce'] })).toThrow(/invalid facts.provisioner ""/);
    expect(() => DriverRegistry.register(null as any)).toThrow(/^DriverRegistry.register: invalid facts null/);
    expect(() => DriverRegistry.register({ label: 'x', provisioner: 'y.example.com', accessModes: ['ReadWriteOnce'], inTreeProvisioners: 'kubernetes.io/y' as any })).toThrow(
      /^DriverRegistry.register: invalid facts.inTreeProvisioners "kubernetes.io\/y". Allowed: a list of provisioner names/);
  });
});

test('docs/adding-a-backend.md shows this backend, line for line', () => {
  const doc = readFileSync(join(__dirname, '..', 'docs', 'adding-a-backend.md'), 'utf-8');
  const source = readFileSync(__filename, 'utf-8');
  const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, block]) => block);
  expect(blocks).toHaveLength(2);
  for (const line of blocks.join('\n').split('\n').filter(l => l.trim() !== '')) {
    expect({ line, found: source.includes(line) }).toEqual({ line, found: true });
  }
});
