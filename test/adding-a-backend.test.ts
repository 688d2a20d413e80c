/**
 * The backend that docs/adding-a-backend.md walks through, built from the core
 * helpers only, and held to what every backend of the library guarantees.
 * It is an example of the shape, not a shipped backend.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { AccessMode, ClaimTemplate, ReclaimPolicy, StatefulStore, VolumeBindingMode, VolumeClaim, VolumeMode } from '../src';
import { find, newChart, synthValid } from './helpers/manifests';
import { BackendClaims, BackendRequest } from '../src/core/backend-claims';
import { Schema, checkScope, enumOf, integer, openConstruct, optional, size } from '../src/core/checks';
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

test('docs/adding-a-backend.md shows this backend, line for line', () => {
  const doc = readFileSync(join(__dirname, '..', 'docs', 'adding-a-backend.md'), 'utf-8');
  const source = readFileSync(__filename, 'utf-8');
  const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, block]) => block);
  expect(blocks).toHaveLength(1);
  for (const line of blocks[0].split('\n').filter(l => l.trim() !== '')) {
    expect({ line, found: source.includes(line) }).toEqual({ line, found: true });
  }
});
