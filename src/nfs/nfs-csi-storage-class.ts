import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { NfsCsiAccessMode } from './nfs-access-mode';
import { NFS_CSI_DRIVER } from './nfs-csi-driver';
import { checkNfsPath, checkNfsServer, noTraversal } from './nfs-export';
import { NfsOnDelete } from './nfs-on-delete';
import { NFS_CSI_CLAIM_OPTIONS, NFS_CSI_STORAGE_CLASS_PROPS } from './schemas';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { checkScope, openConstruct, requireInteger } from '../core/checks';
import { claimSourceOf } from '../core/claim-source';
import { ClaimTemplate } from '../core/claim-template';
import { invalid } from '../core/errors';
import { definedParameters } from '../core/parameters';
import { ReclaimPolicy, VolumeBindingMode, VolumeMode } from '../core/policies';
import { addStorageClass, importedClass } from '../core/storage-class-object';
import { VolumeClaim } from '../core/volume-claim';
import { VolumeSnapshot } from '../core/volume-snapshot';

/**
 * Props of an `NfsCsiStorageClass`. Every parameter the driver accepts is a
 * typed prop; nothing else can be written (the driver fails on unknown keys).
 *
 * @see https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md
 */
export interface NfsCsiStorageClassProps {
  /** The NFS server: a host name or an IP address, without scheme or port. */
  readonly server: string;
  /** The exported path the volumes are made in, for example `/`. */
  readonly share: string;
  /**
   * The subdirectory of each volume. May use `${pvc.metadata.name}`,
   * `${pvc.metadata.namespace}` and `${pv.metadata.name}`.
   *
   * @default - the PV name
   */
  readonly subDir?: string;
  /**
   * The mode the driver gives each new volume's directory, for example `0o777`.
   *
   * @default - no chmod
   */
  readonly mountPermissions?: number;
  /**
   * What the driver does with a volume's subdirectory when the volume is deleted
   * (only with `reclaimPolicy: DELETE`).
   *
   * @default - the driver's default, NfsOnDelete.DELETE
   */
  readonly onDelete?: NfsOnDelete;
  /**
   * NFS mount options, written to the class's `mountOptions` (the driver rejects them as a parameter).
   *
   * @default - the node's defaults
   */
  readonly mountOptions?: string[];
  /**
   * What happens to a volume when its claim is deleted.
   *
   * @default ReclaimPolicy.RETAIN - the volume and its data are kept
   */
  readonly reclaimPolicy?: ReclaimPolicy;
  /**
   * Whether claims may grow (the driver records the new size; NFS has no per-volume quota).
   *
   * @default true - claims may grow
   */
  readonly allowVolumeExpansion?: boolean;
  /**
   * The StorageClass name (a DNS-1123 subdomain).
   *
   * @default - the construct id, lower-cased; never derived from the construct path
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
}

/** Options of a claim or claim template on an `NfsCsiStorageClass`. */
export interface NfsCsiClaimOptions {
  /** The storage requested (recorded; NFS does not enforce it). */
  readonly storage: Size;
  /**
   * The access mode.
   *
   * @default NfsCsiAccessMode.READ_WRITE_MANY - read-write by many nodes
   */
  readonly accessMode?: NfsCsiAccessMode;
  /**
   * Restore a snapshot of csi-driver-nfs (`NfsSnapshotClass`): the driver
   * unpacks its archive into the new volume's directory, also on another
   * server or share. The snapshot is in the claim's namespace.
   *
   * @default - an empty directory
   */
  readonly restoreFrom?: VolumeSnapshot;
  /**
   * Clone a claim of this class (`cp -a` of its directory): a claim of the
   * same class and namespace, at least its size.
   *
   * @default - an empty directory
   */
  readonly cloneFrom?: VolumeClaim;
}

/** Props of a claim on an `NfsCsiStorageClass`. */
export interface NfsCsiClaimProps extends NfsCsiClaimOptions {
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

// The variables csi-driver-nfs substitutes in subDir (needs --extra-create-metadata, which its deployment sets).
const SUBDIR_VARIABLES = ['${pvc.metadata.name}', '${pvc.metadata.namespace}', '${pv.metadata.name}'];

/**
 * A StorageClass for csi-driver-nfs (`nfs.csi.k8s.io`): dynamic provisioning of
 * subdirectories of an NFS export. Volumes are Filesystem only (the driver
 * rejects Block), and binding is Immediate (NFS is not bound to a zone).
 */
/**
 * A csi-driver-nfs class: a `NfsCsiStorageClass` this app makes, or one the
 * cluster has (`NfsCsiStorageClass.fromStorageClassName`). Its claims are checked alike.
 */
export interface INfsCsiStorage {
  /** The StorageClass name. */
  readonly storageClassName: string;
  /** A claim on this class, mountable in any cdk8s-plus workload. */
  claim(scope: Construct, id: string, props: NfsCsiClaimProps): VolumeClaim;
  /** A per-replica claim template for a `StatefulStore`: each replica gets its own subdirectory. */
  claimTemplate(name: string, options: NfsCsiClaimOptions): ClaimTemplate;
}

export class NfsCsiStorageClass extends Construct implements INfsCsiStorage {
  /**
   * A csi-driver-nfs class the cluster already has (installed with the
   * driver's Helm chart, say). Creates nothing; claims are checked as this
   * library's NFS CSI classes check theirs.
   *
   * @param storageClassName the name of the class in the cluster
   */
  public static fromStorageClassName(storageClassName: string): INfsCsiStorage {
    const { where, storageClassName: name } = importedClass('NfsCsiStorageClass', storageClassName);
    return new ImportedNfsCsiStorageClass(name, where);
  }

  /** The StorageClass name. */
  public readonly storageClassName: string;
  private readonly claims: BackendClaims<NfsCsiClaimOptions>;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default StorageClass name
   * @param props see `NfsCsiStorageClassProps`
   */
  public constructor(scope: Construct, id: string, props: NfsCsiStorageClassProps) {
    super(checkScope(scope, id, 'NfsCsiStorageClass'), id);
    const { where, props: checked } = openConstruct(this, 'NfsCsiStorageClass', props, NFS_CSI_STORAGE_CLASS_PROPS);
    const reclaimPolicy = checked.reclaimPolicy ?? ReclaimPolicy.RETAIN;
    if (checked.onDelete && reclaimPolicy !== ReclaimPolicy.DELETE) {
      throw invalid({
        where: where,
        prop: 'onDelete',
        value: checked.onDelete,
        allowed: 'onDelete only with reclaimPolicy DELETE (with Retain the driver never deletes the volume)',
        fix: 'remove onDelete, or set reclaimPolicy: ReclaimPolicy.DELETE',
      });
    }
    this.storageClassName = addStorageClass(this, where, {
      storageClassName: checked.storageClassName,
      isDefault: checked.isDefault,
      provisioner: NFS_CSI_DRIVER.provisioner,
      parameters: definedParameters([
        ['server', checkNfsServer(checked.server, where)],
        ['share', noTraversal(checkNfsPath(checked.share, where, 'share'), where, 'share')],
        ['subDir', checked.subDir === undefined ? undefined : checkSubDir(checked.subDir, where)],
        ['mountPermissions', checked.mountPermissions === undefined ? undefined : octal(checked.mountPermissions, where)],
        ['onDelete', checked.onDelete],
      ]),
      reclaimPolicy,
      volumeBindingMode: VolumeBindingMode.IMMEDIATE,
      allowVolumeExpansion: checked.allowVolumeExpansion ?? true,
      mountOptions: checked.mountOptions,
    }).name;
    this.claims = nfsCsiClaims(where, this.storageClassName);
  }

  /** A claim on this class, mountable in any cdk8s-plus workload. */
  public claim(scope: Construct, id: string, props: NfsCsiClaimProps): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  /** A per-replica claim template for a `StatefulStore`: each replica gets its own subdirectory. */
  public claimTemplate(name: string, options: NfsCsiClaimOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

}

/** A class the cluster has: the claims of an NfsCsiStorageClass, and no object. */
class ImportedNfsCsiStorageClass implements INfsCsiStorage {
  private readonly claims: BackendClaims<NfsCsiClaimOptions>;

  constructor(public readonly storageClassName: string, where: string) {
    this.claims = nfsCsiClaims(where, storageClassName);
  }

  public claim(scope: Construct, id: string, props: NfsCsiClaimProps): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  public claimTemplate(name: string, options: NfsCsiClaimOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }
}

/** The claims of a csi-driver-nfs class, made or imported: Filesystem only, ReadWriteMany by default. */
function nfsCsiClaims(where: string, storageClassName: string): BackendClaims<NfsCsiClaimOptions> {
  return new BackendClaims(where, { schema: NFS_CSI_CLAIM_OPTIONS, optionsType: 'NfsCsiClaimOptions', propsType: 'NfsCsiClaimProps' },
    (options, claimWhere): BackendRequest => ({
      storageClassName,
      accessMode: options.accessMode ?? NfsCsiAccessMode.READ_WRITE_MANY,
      storage: options.storage,
      volumeMode: VolumeMode.FILESYSTEM,
      driver: NFS_CSI_DRIVER.provisioner,
      // The snapshot's size is its archive's (pkg/nfs/controllerserver.go CreateSnapshot: SizeBytes), not the volume's.
      source: claimSourceOf(options, {
        driver: NFS_CSI_DRIVER.provisioner, cloning: NFS_CSI_DRIVER.cloning, storageClassName, storage: options.storage, volumeMode: VolumeMode.FILESYSTEM, restoreSize: 'unchecked',
      }, claimWhere),
    }));
}

function checkSubDir(subDir: string, where: string): string {
  const rest = SUBDIR_VARIABLES.reduce((s, v) => s.split(v).join(''), subDir);
  if (rest.includes('${') || rest.includes('}') || subDir.trim() === '') {
    throw invalid({
      where,
      prop: 'subDir',
      value: subDir,
      allowed: `a non-empty path that uses no variables but ${SUBDIR_VARIABLES.join(', ')}`,
      fix: 'remove the unknown ${...} variable',
    });
  }
  return noTraversal(subDir, where, 'subDir');
}

/** The driver parses mountPermissions as an octal string, e.g. "0777". */
function octal(mode: number, where: string): string {
  requireInteger(where, 'mountPermissions', mode, { min: 0, max: 0o7777, allowed: 'a file mode from 0 to 0o7777', fix: 'write it in octal, for example 0o777' });
  return `0${mode.toString(8)}`;
}
