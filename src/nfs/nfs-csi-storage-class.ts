import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { NfsCsiAccessMode } from './nfs-access-mode';
import { NFS_CSI_DRIVER } from './nfs-csi-driver';
import { checkNfsPath, checkNfsServer } from './nfs-export';
import { NfsOnDelete } from './nfs-on-delete';
import { NFS_CSI_CLAIM_OPTIONS, NFS_CSI_STORAGE_CLASS_PROPS } from './schemas';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { checkScope, openConstruct, requireInteger } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { invalid } from '../core/errors';
import { definedParameters } from '../core/parameters';
import { ReclaimPolicy, VolumeBindingMode, VolumeMode } from '../core/policies';
import { addStorageClass } from '../core/storage-class-object';
import { VolumeClaim } from '../core/volume-claim';

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
export class NfsCsiStorageClass extends Construct {
  /** The StorageClass name. */
  public readonly storageClassName: string;
  private readonly where: string;
  private readonly claims: BackendClaims<NfsCsiClaimOptions>;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default StorageClass name
   * @param props see `NfsCsiStorageClassProps`
   */
  public constructor(scope: Construct, id: string, props: NfsCsiStorageClassProps) {
    super(checkScope(scope, id, 'NfsCsiStorageClass'), id);
    ({ where: this.where, props } = openConstruct(this, 'NfsCsiStorageClass', props, NFS_CSI_STORAGE_CLASS_PROPS));
    const reclaimPolicy = props.reclaimPolicy ?? ReclaimPolicy.RETAIN;
    if (props.onDelete && reclaimPolicy !== ReclaimPolicy.DELETE) {
      throw invalid({
        where: this.where,
        prop: 'onDelete',
        value: props.onDelete,
        allowed: 'onDelete only with reclaimPolicy DELETE (with Retain the driver never deletes the volume)',
        fix: 'remove onDelete, or set reclaimPolicy: ReclaimPolicy.DELETE',
      });
    }
    this.storageClassName = addStorageClass(this, this.where, {
      storageClassName: props.storageClassName,
      provisioner: NFS_CSI_DRIVER.provisioner,
      parameters: definedParameters([
        ['server', checkNfsServer(props.server, this.where)],
        ['share', noTraversal(checkNfsPath(props.share, this.where, 'share'), this.where, 'share')],
        ['subDir', props.subDir === undefined ? undefined : checkSubDir(props.subDir, this.where)],
        ['mountPermissions', props.mountPermissions === undefined ? undefined : octal(props.mountPermissions, this.where)],
        ['onDelete', props.onDelete],
      ]),
      reclaimPolicy,
      volumeBindingMode: VolumeBindingMode.IMMEDIATE,
      allowVolumeExpansion: props.allowVolumeExpansion ?? true,
      mountOptions: props.mountOptions,
    }).name;
    this.claims = new BackendClaims(this.where, { schema: NFS_CSI_CLAIM_OPTIONS, optionsType: 'NfsCsiClaimOptions', propsType: 'NfsCsiClaimProps' },
      options => this.request(options));
  }

  /** A claim on this class, mountable in any cdk8s-plus workload. */
  public claim(scope: Construct, id: string, props: NfsCsiClaimProps): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  /** A per-replica claim template for a `StatefulStore`: each replica gets its own subdirectory. */
  public claimTemplate(name: string, options: NfsCsiClaimOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  private request(options: NfsCsiClaimOptions): BackendRequest {
    return {
      storageClassName: this.storageClassName,
      accessMode: options.accessMode ?? NfsCsiAccessMode.READ_WRITE_MANY,
      storage: options.storage,
      volumeMode: VolumeMode.FILESYSTEM,
    };
  }
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

/**
 * csi-driver-nfs refuses a ".." segment, also after "\\" (pkg/nfs/utils.go validatePath,
 * called on the share and subDir in CreateVolume and on the source in NodePublishVolume).
 */
function noTraversal(path: string, where: string, prop: string): string {
  if (path.replace(/\\/g, '/').split('/').includes('..')) {
    throw invalid({
      where,
      prop,
      value: path,
      allowed: 'a path without a ".." segment (the driver refuses "path contains directory traversal sequence")',
      fix: 'write the directory it should be, without ".."',
    });
  }
  return path;
}

/** The driver parses mountPermissions as an octal string, e.g. "0777". */
function octal(mode: number, where: string): string {
  requireInteger(where, 'mountPermissions', mode, { min: 0, max: 0o7777, allowed: 'a file mode from 0 to 0o7777', fix: 'write it in octal, for example 0o777' });
  return `0${mode.toString(8)}`;
}
