import { Size } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ClaimRequest } from './claim-request';
import { ClaimTemplate } from './claim-template';
import { invalid } from './errors';
import { VolumeMode } from './policies';
import { StaticVolume, StaticVolumeSpec } from './static-volume';
import { VolumeClaim } from './volume-claim';

/** What a claim on an existing volume asks for. */
export interface StaticClaimRequest {
  readonly accessMode: string;
  readonly storage: Size;
  /** Filesystem unless the volume is a raw device. */
  readonly volumeMode?: VolumeMode;
}

/**
 * Claims on an existing volume (an NFS export, an EFS file system, a cloud disk) that is
 * offered through static PVs. A PV binds exactly one claim, so:
 * - `bindClaim` makes the owner's one PV and the one claim bound to it
 *   (`volumeName`, a label selector and `claimRef` all point at each other);
 * - `bindTemplate` makes one PV per replica, labelled for the template, which
 *   the template selects; a StatefulStore with more replicas fails synthesis.
 * Claims use `storageClassName: ""`, so no default class provisions another volume.
 */
export class StaticBinding {
  private claimedBy?: string;

  /**
   * @param owner the construct the PVs belong to
   * @param pvName the name of the owner's PV, and the prefix of its template PVs
   * @param labelPrefix the label domain of the backend, e.g. `nfs.cdk8s-storage.io`
   */
  public constructor(
    private readonly owner: IConstruct,
    private readonly where: string,
    private readonly pvName: string,
    private readonly labelPrefix: string,
  ) {}

  /** The one claim on the owner's PV; `mint` makes the claim object (a VolumeClaim or a subclass). */
  public bindClaim<T extends VolumeClaim>(
    claimWhere: string, id: string, volume: Omit<StaticVolumeSpec, 'name' | 'labels'>, request: StaticClaimRequest,
    mint: (request: Omit<ClaimRequest, 'where'>) => T,
  ): T {
    if (this.claimedBy) {
      throw invalid({
        where: claimWhere,
        prop: 'claim',
        value: id,
        allowed: `one claim per PV, and ${this.claimedBy} already binds ${this.pvName}`,
        fix: 'share that claim between workloads, or declare the volume again (another PV) under another name',
      });
    }
    const labels = { [`${this.labelPrefix}/volume`]: this.pvName };
    const pv = new StaticVolume(this.owner, 'PersistentVolume', { ...volume, name: this.pvName, labels }, this.where);
    const claim = mint({ ...this.request(request), volumeName: pv.name, selectorLabels: labels });
    pv.reserveFor(claim.name, claim);
    this.claimedBy = claim.node.path;
    return claim;
  }

  /** A claim template whose `replicas` claims each bind one PV of the same volume. */
  public bindTemplate(
    name: string, replicas: number, volume: Omit<StaticVolumeSpec, 'name' | 'labels'>, request: StaticClaimRequest, where: string,
  ): ClaimTemplate {
    if (!Number.isInteger(replicas) || replicas < 1) {
      throw invalid({
        where,
        prop: 'replicas',
        value: replicas,
        allowed: 'an integer of at least 1',
        fix: 'pass the replicas of the StatefulStore: each replica needs a PV of its own',
      });
    }
    const labels = { [`${this.labelPrefix}/volume`]: this.pvName, [`${this.labelPrefix}/template`]: name };
    for (let i = 0; i < replicas; i++) {
      new StaticVolume(this.owner, `${name}-${i}`, { ...volume, name: `${this.pvName}-${name}-${i}`, labels }, this.where);
    }
    return ClaimTemplate._mint(name, {
      ...this.request(request),
      where,
      selectorLabels: labels,
      bindingProblem: count => count <= replicas ? undefined
        : `need ${count} PVs of the volume, and the template was made for ${replicas}. Fix: pass replicas: ${count} to claimTemplate`,
    });
  }

  private request(request: StaticClaimRequest): Omit<ClaimRequest, 'where'> {
    return { storageClassName: '', accessMode: request.accessMode, storage: request.storage, volumeMode: request.volumeMode ?? VolumeMode.FILESYSTEM };
  }
}
