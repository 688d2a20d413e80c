import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { NfsAccessMode } from './nfs-access-mode';
import { checkNfsPath, checkNfsServer } from './nfs-export';
import { ClaimRequest } from '../core/claim-request';
import { ClaimTemplate } from '../core/claim-template';
import { describeChild, describeConstruct, invalid } from '../core/errors';
import { NameRule, nameFromId, validateName } from '../core/names';
import { VolumeMode } from '../core/policies';
import { sizeInBytes } from '../core/quantity';
import { StaticVolume } from '../core/static-volume';
import { VolumeClaim } from '../core/volume-claim';

/** The PV labels that claims select: the share, and for templates the template. */
const SHARE_LABEL = 'nfs.cdk8s-storage.io/share';
const TEMPLATE_LABEL = 'nfs.cdk8s-storage.io/template';

/**
 * Props of an `NfsShare`.
 */
export interface NfsShareProps {
  /** The NFS server: a host name or an IP address, without scheme or port. */
  readonly server: string;
  /** The exported path, absolute. */
  readonly path: string;
  /** The size of the export; claims may ask for at most this much. */
  readonly capacity: Size;
  /**
   * NFS mount options (for example `nfsvers=4.1`, `hard`). Not validated by
   * Kubernetes: a bad option fails when the pod mounts the volume.
   *
   * @default - the node's defaults
   */
  readonly mountOptions?: string[];
  /**
   * The export is read-only: claims may only be `ReadOnlyMany`.
   *
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * The name of the PersistentVolume that `claim` binds.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * Options of a claim on an NFS export.
 */
export interface NfsClaimOptions {
  /**
   * The access mode.
   *
   * @default - NfsAccessMode.READ_WRITE_MANY, or READ_ONLY_MANY for a read-only export
   */
  readonly accessMode?: NfsAccessMode;
  /**
   * The storage requested, at most the export's capacity.
   *
   * @default - the export's capacity
   */
  readonly storage?: Size;
}

/**
 * Props of a claim on an NFS export.
 */
export interface NfsClaimProps extends NfsClaimOptions {
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * Options of a claim template on an NFS export.
 */
export interface NfsClaimTemplateOptions extends NfsClaimOptions {
  /**
   * How many replicas will use the template. A PV binds one claim, so the
   * share makes this many PVs of the same export: every replica then mounts
   * the same files.
   */
  readonly replicas: number;
}

/** Options of an inline NFS pod volume. */
export interface NfsInlineVolumeOptions {
  /**
   * The pod volume name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Mount read-only.
   *
   * @default - the export's readOnly
   */
  readonly readOnly?: boolean;
}

/**
 * An existing NFS export, offered through a static PersistentVolume (in-tree
 * `nfs` plugin) that exactly one claim binds: `volumeName`, a label selector
 * and `claimRef` tie them together, and `storageClassName: ""` keeps a default
 * StorageClass from provisioning a different, empty volume instead.
 *
 * The PV is `Retain`: the export's data is not this cluster's to delete.
 *
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#nfs
 */
export class NfsShare extends Construct {
  /** The NFS server. */
  public readonly server: string;
  /** The exported path. */
  public readonly path: string;
  /** The size of the export. */
  public readonly capacity: Size;
  /** Whether the export is read-only. */
  public readonly readOnly: boolean;
  private readonly where: string;
  private readonly pvName: string;
  private readonly mountOptions?: string[];
  private claimed?: string;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default PV name
   * @param props see `NfsShareProps`
   */
  public constructor(scope: Construct, id: string, props: NfsShareProps) {
    super(scope, id);
    this.where = describeConstruct(this, 'NfsShare');
    this.server = checkNfsServer(props.server, this.where);
    this.path = checkNfsPath(props.path, this.where);
    this.capacity = props.capacity;
    sizeInBytes(props.capacity, this.where, 'capacity');
    this.readOnly = props.readOnly ?? false;
    this.pvName = validateName(props.name ?? nameFromId(id), NameRule.DNS_SUBDOMAIN, this.where, 'name');
    if (props.mountOptions?.some(o => o.trim() === '')) {
      throw invalid({ where: this.where, prop: 'mountOptions', value: props.mountOptions, allowed: 'non-empty options', fix: 'remove the empty entries' });
    }
    this.mountOptions = props.mountOptions;
  }

  /**
   * The one claim bound to this export's PV, mountable in any cdk8s-plus workload.
   */
  public claim(scope: Construct, id: string, props: NfsClaimProps = {}): VolumeClaim {
    const where = `${describeChild(scope, id, 'VolumeClaim')} on ${this.where}`;
    if (this.claimed) {
      throw invalid({
        where,
        prop: 'claim',
        value: id,
        allowed: `one claim per NfsShare: a PV binds one claim, and ${this.claimed} already binds this one`,
        fix: 'share that claim between workloads, or make another NfsShare (another PV) for the same export',
      });
    }
    const accessMode = this.accessMode(props, where);
    const labels = { [SHARE_LABEL]: this.pvName };
    const pv = new StaticVolume(this, 'PersistentVolume', { ...this.volumeSpec(this.pvName, accessMode), labels }, this.where);
    // Both volumeName and the label selector must match: the claim binds this PV and no other.
    const request = { ...this.request(props, accessMode, where), volumeName: pv.name, selectorLabels: labels };
    const claim = VolumeClaim._mint(scope, id, props.name, request);
    pv.reserveFor(claim.name, claim);
    this.claimed = claim.node.path;
    return claim;
  }

  /**
   * A claim template for a StatefulStore whose replicas all mount this export.
   * Every replica gets its own claim, so the share makes `replicas` PVs of the
   * same export, labelled for this template, and the template selects them.
   */
  public claimTemplate(name: string, options: NfsClaimTemplateOptions): ClaimTemplate {
    const where = `claim template "${name}" on ${this.where}`;
    if (!Number.isInteger(options.replicas) || options.replicas < 1) {
      throw invalid({ where, prop: 'replicas', value: options.replicas, allowed: 'an integer of at least 1', fix: 'pass the replicas of the StatefulStore' });
    }
    const accessMode = this.accessMode(options, where);
    const labels = { [SHARE_LABEL]: this.pvName, [TEMPLATE_LABEL]: name };
    for (let i = 0; i < options.replicas; i++) {
      const spec = { ...this.volumeSpec(`${this.pvName}-${name}-${i}`, accessMode), labels };
      new StaticVolume(this, `${name}-${i}`, spec, this.where);
    }
    return ClaimTemplate._mint(name, {
      ...this.request(options, accessMode, where),
      where,
      selectorLabels: labels,
      bindingProblem: count => count <= options.replicas ? undefined
        : `need ${count} PVs of the export, and the template was made for ${options.replicas}. Fix: pass replicas: ${count} to claimTemplate`,
    });
  }

  /**
   * The export as an inline pod volume (no PV or claim). Inline `nfs` volumes
   * are not allowed under the restricted Pod Security Standard, and cannot
   * carry mount options.
   */
  public inlineVolume(scope: Construct, id: string, options: NfsInlineVolumeOptions = {}): kplus.Volume {
    const name = validateName(options.name ?? nameFromId(id), NameRule.DNS_LABEL, describeChild(scope, id, 'Volume'), 'name');
    return kplus.Volume.fromNfs(scope, id, name, { server: this.server, path: this.path, readOnly: options.readOnly ?? this.readOnly });
  }

  private accessMode(options: NfsClaimOptions, where: string): NfsAccessMode {
    const mode = options.accessMode ?? (this.readOnly ? NfsAccessMode.READ_ONLY_MANY : NfsAccessMode.READ_WRITE_MANY);
    if (this.readOnly && mode !== NfsAccessMode.READ_ONLY_MANY) {
      throw invalid({ where, prop: 'accessMode', value: mode, allowed: 'ReadOnlyMany: the export is read-only', fix: 'omit accessMode, or use NfsAccessMode.READ_ONLY_MANY' });
    }
    return mode;
  }

  private request(options: NfsClaimOptions, accessMode: NfsAccessMode, where: string): Omit<ClaimRequest, 'where'> {
    const storage = options.storage ?? this.capacity;
    if (sizeInBytes(storage, where, 'storage') > sizeInBytes(this.capacity, where, 'capacity')) {
      throw invalid({
        where,
        prop: 'storage',
        value: storage.asString(),
        allowed: `at most the export's capacity, ${this.capacity.asString()}`,
        fix: 'ask for less, or omit storage to ask for the whole export',
      });
    }
    // storageClassName "": bind only to class-less (static) PVs, never to a default class.
    return { storageClassName: '', accessMode, storage, volumeMode: VolumeMode.FILESYSTEM };
  }

  private volumeSpec(name: string, accessMode: NfsAccessMode) {
    return {
      name,
      capacity: this.capacity,
      accessMode,
      mountOptions: this.mountOptions,
      source: { nfs: { server: this.server, path: this.path, readOnly: this.readOnly || undefined } },
    };
  }
}
