import { Chart, Lazy, Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { renderAccessModes } from './access-mode';
import { makeClusterScoped } from './cluster-scoped';
import { PV_KIND, kubeObject } from './kube-json';
import { claimClusterObjectName } from './name-registry';
import { ReclaimPolicy, VolumeMode } from './policies';
import { protectFromPruning } from './prune-protection';
import { renderSize } from './quantity';

/** A PersistentVolume for a volume that already exists (an NFS export, an EFS file system, a cloud disk). */
export interface StaticVolumeSpec {
  readonly name: string;
  readonly capacity: Size;
  readonly accessMode: string;
  /** The volume source: `{ nfs: ... }` or `{ csi: ... }`. */
  readonly source: Pick<k8s.PersistentVolumeSpec, 'nfs' | 'csi'>;
  readonly mountOptions?: string[];
  readonly labels?: { [key: string]: string };
  /** Filesystem unless the volume is a raw device. */
  readonly volumeMode?: VolumeMode;
  /** Where the volume can be attached (a zonal disk: its zone). */
  readonly nodeAffinity?: k8s.VolumeNodeAffinity;
}

/**
 * Creates the PV of an existing volume: Retain (the data is not ours to
 * delete), no StorageClass (so only claims with `storageClassName: ""` bind
 * to it, and no default class provisions something else), and, once a claim
 * is bound to it with `reserveFor`, a `claimRef` so no other claim takes it.
 */
export class StaticVolume {
  private claim?: { name: string; namespace?: string };
  private readonly capacity: string;
  private readonly accessModes: string[];

  public constructor(scope: IConstruct, id: string, private readonly spec: StaticVolumeSpec, where: string) {
    this.capacity = renderSize(spec.capacity, where, 'capacity');
    this.accessModes = renderAccessModes([spec.accessMode], where, 'accessMode');
    claimClusterObjectName(scope, 'PersistentVolume', spec.name, 'name');
    const pv = kubeObject(scope, id, PV_KIND, {
      metadata: { name: spec.name, labels: spec.labels },
      // Lazy: the claimRef is only known once a claim is bound to the PV.
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    makeClusterScoped(pv);
    protectFromPruning(pv);
  }

  public get name(): string {
    return this.spec.name;
  }

  /** Reserves the PV for one claim (claimRef needs the claim's namespace, so only when the chart has one). */
  public reserveFor(claimName: string, claimScope: IConstruct): void {
    this.claim = { name: claimName, namespace: Chart.of(claimScope).namespace };
  }

  /** Few objects (one per existing volume), so the typed sources go through cdk8s-plus-27's converter. */
  private renderSpec() {
    return k8s.toJson_PersistentVolumeSpec({
      capacity: { storage: k8s.Quantity.fromString(this.capacity) },
      accessModes: this.accessModes,
      volumeMode: this.spec.volumeMode ?? VolumeMode.FILESYSTEM,
      persistentVolumeReclaimPolicy: ReclaimPolicy.RETAIN,
      mountOptions: this.spec.mountOptions,
      nodeAffinity: this.spec.nodeAffinity,
      claimRef: this.claim?.namespace ? { name: this.claim.name, namespace: this.claim.namespace } : undefined,
      ...this.spec.source,
    });
  }
}
