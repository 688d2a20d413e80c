import { IConstruct } from 'constructs';
import { BackendRequest } from './backend-claims';
import { requireInteger } from './checks';
import { ClaimRequest } from './claim-request';
import { ClaimTemplate } from './claim-template';
import { invalid } from './errors';
import { NameRule, nameOrId } from './names';
import { StaticVolume, StaticVolumeSpec } from './static-volume';
import { VolumeClaim } from './volume-claim';

/** What the PV of an existing volume holds; its name and labels come from the binding. */
export type StaticVolumeContent = Omit<StaticVolumeSpec, 'name' | 'labels'>;

/** How a backend of existing volumes binds its claims. */
export interface StaticBindingOptions {
  /** The owner's `name` prop: the name of its PV, and the prefix of its template PVs; by default the owner's construct id. */
  readonly name?: string;
  /** The backend's label domain, e.g. `nfs.cdk8s-storage.io`: the PV's label that its claim selects. */
  readonly labelDomain: string;
  /** The volume is a disk: one claim or one single-replica template (a disk attaches to one claim). */
  readonly oneVolume?: boolean;
}

/**
 * Claims on an existing volume (an NFS export, an EFS file system, a cloud disk) that is
 * offered through static PVs. A PV binds exactly one claim, so:
 * - `bindClaim` makes the owner's one PV and the one claim bound to it
 *   (`volumeName`, a label selector and `claimRef` all point at each other);
 * - `bindTemplate` makes one PV per replica, labelled for the template, which
 *   the template selects; a StatefulStore with more replicas fails synthesis.
 * Claims use `storageClassName: ""`, so no default class provisions another volume.
 *
 * A disk (`oneVolume`) can be attached by one claim only: it gets one claim or
 * one template of a single replica, never both (two PVs of one disk would let
 * two claims write one filesystem).
 */
export class StaticBinding {
  private boundBy?: string;
  private readonly pvName: string;
  private readonly labelPrefix: string;
  private readonly oneVolume: boolean;

  /**
   * @param owner the construct the PVs belong to
   * @param where the owner, for messages
   * @param options the PV's name, the backend's label domain, and whether the volume is a disk
   */
  public constructor(private readonly owner: IConstruct, private readonly where: string, options: StaticBindingOptions) {
    this.pvName = nameOrId(options.name, owner.node.id, NameRule.DNS_SUBDOMAIN, where, 'name');
    this.labelPrefix = options.labelDomain;
    this.oneVolume = options.oneVolume ?? false;
  }

  /** The one claim on the owner's PV; `mint` makes the claim object. */
  public bindClaim(where: string, id: string, request: BackendRequest, mint: (request: Omit<ClaimRequest, 'where'>) => VolumeClaim): VolumeClaim {
    this.reserve(where, 'claim', id, this.oneVolume
      ? 'share that claim between the workloads that need the disk (it attaches to one node at a time)'
      : 'share that claim between workloads, or declare the volume again (another PV) under another name');
    const labels = { [`${this.labelPrefix}/volume`]: this.pvName };
    const pv = new StaticVolume(this.owner, 'PersistentVolume', { ...this.content(request), name: this.pvName, labels }, this.where);
    const claim = mint({ ...classless(request), volumeName: pv.name, selectorLabels: labels });
    pv.reserveFor(claim.name, claim);
    this.boundBy = claim.node.path;
    return claim;
  }

  /** A claim template whose `replicas` claims each bind one PV of the same volume. */
  public bindTemplate(name: string, request: BackendRequest, where: string, replicasOfTemplate: number | undefined): ClaimTemplate {
    const replicas = this.oneVolume ? 1 : replicasOfTemplate;
    if (this.oneVolume) {
      this.reserve(where, 'claimTemplate', name, 'use that template in one StatefulStore of one replica, or give each replica a disk of its own');
      this.boundBy = `the claim template "${name}"`;
    }
    if (replicas === undefined) throw new Error(`${where}: a template on a shared existing volume needs replicas (the options schema requires it)`);
    requireInteger(where, 'replicas', replicas, { min: 1, fix: 'pass the replicas of the StatefulStore: each replica needs a PV of its own' });
    const labels = { [`${this.labelPrefix}/volume`]: this.pvName, [`${this.labelPrefix}/template`]: name };
    for (let i = 0; i < replicas; i++) {
      new StaticVolume(this.owner, `${name}-${i}`, { ...this.content(request), name: `${this.pvName}-${name}-${i}`, labels }, this.where);
    }
    return ClaimTemplate._mint(name, {
      ...classless(request),
      where,
      selectorLabels: labels,
      bindingProblem: count => count <= replicas ? undefined : {
        why: `${count} PVs of the volume, and the template was made for ${replicas}`,
        fix: this.oneVolume
          ? 'give the StatefulStore one replica, or make a disk per replica with a dynamic class (a disk attaches to one claim)'
          : `pass replicas: ${count} to claimTemplate`,
      },
    });
  }

  private reserve(where: string, prop: string, value: string, fix: string): void {
    if (!this.boundBy) return;
    throw invalid({
      where,
      prop,
      value,
      allowed: `one ${this.oneVolume ? 'claim or claim template per disk' : 'claim per PV'}, and ${this.boundBy} already binds ${this.pvName}`,
      fix,
    });
  }

  private content(request: BackendRequest): StaticVolumeContent {
    if (!request.volume) throw new Error(`${this.where}: a backend of existing volumes must say what its PV holds`);
    return request.volume;
  }
}

/** Claims on existing volumes name no class, so no default class provisions another volume. */
function classless(request: BackendRequest): Omit<ClaimRequest, 'where'> {
  return {
    storageClassName: '',
    accessMode: request.accessMode,
    storage: request.storage,
    volumeMode: request.volumeMode,
  };
}
