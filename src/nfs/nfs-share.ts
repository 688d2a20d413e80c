import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { NfsAccessMode } from './nfs-access-mode';
import { checkNfsPath, checkNfsServer } from './nfs-export';
import { NFS_CLAIM_OPTIONS, NFS_INLINE_VOLUME_OPTIONS, NFS_SHARE_PROPS } from './schemas';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { checkProps, checkScope, openConstruct } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { describeChild, invalid } from '../core/errors';
import { checkMountOptions } from '../core/mount-options';
import { NameRule, nameOrId } from '../core/names';
import { VolumeMode } from '../core/policies';
import { sizeInBytes } from '../core/quantity';
import { StaticBinding } from '../core/static-binding';
import { VolumeClaim } from '../core/volume-claim';
import { NO_PROVISIONER } from '../core/volume-driver';

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
   * @default false - claims may write
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
  private readonly mountOptions?: string[];
  private readonly claims: BackendClaims<NfsClaimOptions>;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default PV name
   * @param props see `NfsShareProps`
   */
  public constructor(scope: Construct, id: string, props: NfsShareProps) {
    super(checkScope(scope, id, 'NfsShare'), id);
    const { where, props: checked } = openConstruct(this, 'NfsShare', props, NFS_SHARE_PROPS);
    this.server = checkNfsServer(checked.server, where);
    this.path = checkNfsPath(checked.path, where);
    this.capacity = checked.capacity;
    sizeInBytes(checked.capacity, where, 'capacity');
    this.readOnly = checked.readOnly ?? false;
    this.claims = new BackendClaims(where,
      { schema: NFS_CLAIM_OPTIONS, optionsType: 'NfsClaimOptions', propsType: 'NfsClaimProps', templateWithReplicasType: 'NfsClaimTemplateOptions' },
      (options, claimWhere) => this.request(options, claimWhere),
      { binding: new StaticBinding(this, where, { name: checked.name, labelDomain: 'nfs.cdk8s-storage.io' }) });
    this.mountOptions = checkMountOptions(checked.mountOptions, where);
  }

  /**
   * The one claim bound to this export's PV, mountable in any cdk8s-plus workload.
   */
  public claim(scope: Construct, id: string, props: NfsClaimProps = {}): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  /**
   * A claim template for a StatefulStore whose replicas all mount this export.
   * Every replica gets its own claim, so the share makes `replicas` PVs of the
   * same export, labelled for this template, and the template selects them.
   */
  public claimTemplate(name: string, options: NfsClaimTemplateOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  /**
   * The export as an inline pod volume (no PV or claim). Inline `nfs` volumes
   * are not allowed under the restricted Pod Security Standard, and cannot
   * carry mount options.
   */
  public inlineVolume(scope: Construct, id: string, options: NfsInlineVolumeOptions = {}): kplus.Volume {
    const where = describeChild(checkScope(scope, id, 'Volume'), id, 'Volume');
    options = checkProps(where, options, NFS_INLINE_VOLUME_OPTIONS, 'NfsInlineVolumeOptions');
    const name = nameOrId(options.name, id, NameRule.DNS_LABEL, where, 'name');
    return kplus.Volume.fromNfs(scope, id, name, { server: this.server, path: this.path, readOnly: options.readOnly ?? this.readOnly });
  }

  private request(options: NfsClaimOptions, where: string): BackendRequest {
    const accessMode = options.accessMode ?? (this.readOnly ? NfsAccessMode.READ_ONLY_MANY : NfsAccessMode.READ_WRITE_MANY);
    if (this.readOnly && accessMode !== NfsAccessMode.READ_ONLY_MANY) {
      throw invalid({ where, prop: 'accessMode', value: accessMode, allowed: 'ReadOnlyMany: the export is read-only', fix: 'omit accessMode, or use NfsAccessMode.READ_ONLY_MANY' });
    }
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
    return { storageClassName: '', driver: NO_PROVISIONER, accessMode, storage, volumeMode: VolumeMode.FILESYSTEM, volume: this.volume(accessMode) };
  }

  private volume(accessMode: string) {
    return {
      capacity: this.capacity,
      accessMode,
      mountOptions: this.mountOptions,
      source: { nfs: { server: this.server, path: this.path, readOnly: this.readOnly || undefined } },
    };
  }
}
