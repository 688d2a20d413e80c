import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { checkDisk, CheckedDisk, renderDiskPv, VolumeSetSettings } from './disk-pv';
import { LocalAccessMode } from './local-access-mode';
import { LocalDisk } from './local-disk';
import { LOCAL_BINDING_MODE, LOCAL_DRIVER, LOCAL_RECLAIM_POLICY } from './local-driver';
import { LOCAL_CLAIM_OPTIONS, LOCAL_DISK, LOCAL_SSD_VOLUME_PROPS } from './schemas';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { checkArg, checkScope, openConstruct, struct } from '../core/checks';
import { BindingProblem } from '../core/claim-request';
import { ClaimTemplate } from '../core/claim-template';
import { makeClusterScoped } from '../core/cluster-scoped';
import { invalid } from '../core/errors';
import { FsType } from '../core/fs-type';
import { kubeObject, PV_KIND } from '../core/kube-json';
import { claimClusterObjectName, reserveUnique } from '../core/name-registry';
import { VolumeMode } from '../core/policies';
import { protectFromPruning } from '../core/prune-protection';
import { sizeInBytes } from '../core/quantity';
import { addStorageClass } from '../core/storage-class-object';
import { VolumeClaim } from '../core/volume-claim';
import { NO_PROVISIONER } from '../core/volume-driver';

/**
 * Props of a `LocalSsdVolume`.
 */
export interface LocalSsdVolumeProps {
  /**
   * The StorageClass name (a DNS-1123 subdomain).
   *
   * @default - the construct id, lower-cased
   */
  readonly storageClassName?: string;
  /**
   * Mark the class the cluster's default (annotation
   * storageclass.kubernetes.io/is-default-class: "true"): claims that name no
   * class get it. One default per app: a second is refused, since Kubernetes
   * would give such claims whichever default class was made last.
   *
   * @default false
   */
  readonly isDefault?: boolean;
  /**
   * The disks; more can be added with `addDisk`.
   *
   * @default - none yet
   */
  readonly disks?: LocalDisk[];
  /**
   * The access mode of the disks' PVs, unless a disk says otherwise.
   *
   * @default LocalAccessMode.READ_WRITE_ONCE - read-write by the pods of the disk's node
   */
  readonly accessMode?: LocalAccessMode;
  /**
   * Whether the disks are mounted filesystems or raw block devices.
   *
   * @default VolumeMode.FILESYSTEM - mounted filesystems
   */
  readonly volumeMode?: VolumeMode;
  /**
   * For Filesystem disks whose path is a raw block device: the filesystem the
   * kubelet formats it with. Not allowed for Block disks.
   *
   * @default - the path is a mounted filesystem
   */
  readonly fsType?: FsType;
}

/**
 * Options of a claim or claim template on local disks.
 */
export interface LocalClaimOptions {
  /** The storage requested; some disk must be at least this large. */
  readonly storage: Size;
  /**
   * The access mode; some disk must have it.
   *
   * @default LocalAccessMode.READ_WRITE_ONCE - read-write by the pods of the disk's node
   */
  readonly accessMode?: LocalAccessMode;
  /**
   * Filesystem or Block; must be the disks' volume mode.
   *
   * @default - the LocalSsdVolume's volume mode
   */
  readonly volumeMode?: VolumeMode;
  /**
   * Bind only to disks whose labels include these.
   *
   * @default - any disk of the class
   */
  readonly diskSelector?: { [key: string]: string };
}

/**
 * Props of a claim on local disks.
 */
export interface LocalClaimProps extends LocalClaimOptions {
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * Statically provisioned local disks: one PersistentVolume per (node, path),
 * each bound to exactly its node, behind a StorageClass with
 * `provisioner: kubernetes.io/no-provisioner` and `WaitForFirstConsumer`
 * binding (a local PV bound before scheduling makes the pod unschedulable).
 *
 * PVs are `Retain`: a static local PV has no deleter, so its data stays until
 * an administrator cleans the disk.
 *
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#local
 */
export class LocalSsdVolume extends Construct {
  /** The StorageClass name. */
  public readonly storageClassName: string;
  /** Filesystem or Block. */
  public readonly volumeMode: VolumeMode;
  private readonly settings: VolumeSetSettings;
  private readonly disks: CheckedDisk[] = [];
  private readonly where: string;
  private readonly claims: BackendClaims<LocalClaimOptions>;
  /** The largest disk of each access mode, kept current by addDisk so claim checks are O(1). */
  private readonly largest = new Map<string, CheckedDisk>();

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default StorageClass name
   * @param props see `LocalSsdVolumeProps`
   */
  public constructor(scope: Construct, id: string, props: LocalSsdVolumeProps = {}) {
    super(checkScope(scope, id, 'LocalSsdVolume'), id);
    const { where, props: checked } = openConstruct(this, 'LocalSsdVolume', props, LOCAL_SSD_VOLUME_PROPS);
    this.where = where;
    this.volumeMode = checked.volumeMode ?? VolumeMode.FILESYSTEM;
    if (checked.fsType && this.volumeMode === VolumeMode.BLOCK) {
      throw invalid({
        where: where,
        prop: 'fsType',
        value: checked.fsType,
        allowed: 'fsType only with VolumeMode.FILESYSTEM (a Block PV is handed to the pod unformatted)',
        fix: 'remove fsType, or use VolumeMode.FILESYSTEM if the kubelet should format the device',
      });
    }
    this.storageClassName = addStorageClass(this, where, {
      storageClassName: checked.storageClassName,
      isDefault: checked.isDefault,
      provisioner: LOCAL_DRIVER.provisioner,
      // The only correct binding mode for local PVs: bind after the pod is scheduled.
      volumeBindingMode: LOCAL_BINDING_MODE,
      reclaimPolicy: LOCAL_RECLAIM_POLICY,
      allowVolumeExpansion: false,
    }).name;
    this.claims = new BackendClaims(where, { schema: LOCAL_CLAIM_OPTIONS, optionsType: 'LocalClaimOptions', propsType: 'LocalClaimProps' },
      (options, claimWhere) => this.request(options, claimWhere));
    this.settings = {
      storageClassName: this.storageClassName,
      accessMode: checked.accessMode ?? LocalAccessMode.READ_WRITE_ONCE,
      volumeMode: this.volumeMode,
      fsType: checked.fsType,
    };
    (checked.disks ?? []).forEach(d => this.addDisk(d));
  }

  /**
   * Adds a disk, and its PersistentVolume. Claims made earlier may bind to it.
   */
  public addDisk(disk: LocalDisk): void {
    const checked = checkDisk(checkArg(this.where, 'disk', disk, LOCAL_DISK_CHECK), this.settings, this.where);
    reserveUnique(this, `local-disk/${checked.node}/${checked.path}`, () => ({
      prop: 'disk',
      value: `${checked.node}:${checked.path}`,
      what: 'a node and path',
      fix: 'give each node and path to one PersistentVolume only: two PVs on one path would hand one disk to two claims',
    }));
    claimClusterObjectName(this, 'PersistentVolume', checked.name, 'disk.name', 'pass a distinct name for the disk (by default it is made of the construct id, the node and the path)');
    const pv = kubeObject(this, checked.name, PV_KIND, renderDiskPv(checked, this.settings));
    makeClusterScoped(pv);
    protectFromPruning(pv);
    this.disks.push(checked);
    const largest = this.largest.get(checked.accessMode);
    if (!largest || checked.bytes > largest.bytes) this.largest.set(checked.accessMode, checked);
  }

  /** The number of disks (and so of PVs). */
  public get diskCount(): number {
    return this.disks.length;
  }

  /**
   * A claim on one of these disks, mountable in any cdk8s-plus workload.
   */
  public claim(scope: Construct, id: string, props: LocalClaimProps): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  /**
   * A per-replica claim template for a `StatefulStore`: each replica binds its own disk.
   */
  public claimTemplate(name: string, options: LocalClaimOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  private request(options: LocalClaimOptions, where: string): BackendRequest {
    const volumeMode = options.volumeMode ?? this.volumeMode;
    if (volumeMode !== this.volumeMode) {
      throw invalid({
        where,
        prop: 'volumeMode',
        value: volumeMode,
        allowed: `${this.volumeMode}, the volume mode of the disks of class "${this.storageClassName}" (a claim binds only to a PV of its own volume mode)`,
        fix: volumeMode === VolumeMode.BLOCK
          ? 'declare raw devices in a LocalSsdVolume with volumeMode: VolumeMode.BLOCK'
          : 'omit volumeMode, or declare mounted disks in a LocalSsdVolume with VolumeMode.FILESYSTEM',
      });
    }
    const accessMode = options.accessMode ?? LocalAccessMode.READ_WRITE_ONCE;
    const bytes = sizeInBytes(options.storage, where, 'storage');
    return {
      storageClassName: this.storageClassName,
      accessMode,
      storage: options.storage,
      volumeMode,
      driver: NO_PROVISIONER,
      selectorLabels: options.diskSelector,
      bindingProblem: (count) => this.bindingProblem(options, accessMode, bytes, count),
    };
  }

  /** Why `count` claims like this could never bind to these disks (checked at synthesis). */
  private bindingProblem(options: LocalClaimOptions, accessMode: string, bytes: bigint, count: number): BindingProblem | undefined {
    const wanted = `${count > 1 ? `${count} disks` : 'a disk'} of at least ${options.storage.asString()} with ${accessMode}` +
      (options.diskSelector ? ` and labels ${JSON.stringify(options.diskSelector)}` : '');
    const largest = this.largest.get(accessMode);
    const fitting = count === 1 && !options.diskSelector
      ? (largest && largest.bytes >= bytes ? 1 : 0)
      : this.disks.filter(d => d.accessMode === accessMode && d.bytes >= bytes && hasLabels(d, options.diskSelector)).length;
    if (fitting >= count) return undefined;
    const found = fitting > 0 ? `only ${fitting} qualify`
      : largest ? `the largest ${accessMode} disk holds ${largest.capacity}` : `no disk has ${accessMode}`;
    return {
      why: `${wanted} of class "${this.storageClassName}", and ${found}`,
      fix: 'ask for less, or add disks that qualify with addDisk (a disk\'s accessMode must equal the claim\'s)',
    };
  }
}

const LOCAL_DISK_CHECK = struct(LOCAL_DISK, 'LocalDisk');

function hasLabels(disk: CheckedDisk, selector: { [key: string]: string } | undefined): boolean {
  return Object.entries(selector ?? {}).every(([k, v]) => disk.labels[k] === v);
}
