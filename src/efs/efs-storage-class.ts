import { Construct } from 'constructs';
import { EfsAccessMode } from './efs-access-mode';
import { EFS_DRIVER, EFS_PLACEHOLDER_SIZE } from './efs-driver';
import { EfsClaimOptions, EfsClaimProps, EfsStorageClassProps } from './efs-props';
import { checkFileSystemId, dynamicParameters, efsMountOptions } from './efs-rules';
import { EFS_CLAIM_OPTIONS, EFS_STORAGE_CLASS_PROPS } from './schemas';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { checkScope, openConstruct } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { ReclaimPolicy, VolumeBindingMode, VolumeMode } from '../core/policies';
import { addStorageClass, importedClass } from '../core/storage-class-object';
import { VolumeClaim } from '../core/volume-claim';

/**
 * A StorageClass of the EFS CSI driver (`efs.csi.aws.com`) that gives each
 * claim its own access point of the file system (`provisioningMode: efs-ap`).
 *
 * Claims are Filesystem only (the driver rejects Block), `ReadWriteOnce` or
 * `ReadWriteMany` (it rejects `ReadOnlyMany`), and cannot grow (it has no
 * resizer, and EFS has no size to grow). For a file system or access point
 * you made, use `EfsExistingVolume`.
 *
 * @see https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/master/docs/parameters.md
 */
/**
 * An EFS class: a `EfsStorageClass` this app makes, or one the cluster has
 * (`EfsStorageClass.fromStorageClassName`). Its claims are checked alike.
 */
export interface IEfsStorage {
  /** The StorageClass name. */
  readonly storageClassName: string;
  /**
   * The EFS file system its access points are made on.
   *
   * @default - read by the driver from a ConfigMap or Secret (`fileSystemIdConfigMap`, `fileSystemIdSecret`)
   */
  readonly fileSystemId?: string;
  /** A claim with an access point of its own, mountable in any cdk8s-plus workload. */
  claim(scope: Construct, id: string, props?: EfsClaimProps): VolumeClaim;
  /** A claim template for a StatefulStore: every replica gets an access point of its own. */
  claimTemplate(name: string, options?: EfsClaimOptions): ClaimTemplate;
}

export class EfsStorageClass extends Construct implements IEfsStorage {
  /**
   * An EFS class the cluster already has (`provisioningMode: efs-ap` on
   * `fileSystemId`). Creates nothing; claims are checked as this library's
   * EFS classes check theirs.
   *
   * @param storageClassName the name of the class in the cluster
   * @param fileSystemId the file system the class makes access points on (`fs-...`)
   */
  public static fromStorageClassName(storageClassName: string, fileSystemId: string): IEfsStorage {
    const { where, storageClassName: name } = importedClass('EfsStorageClass', storageClassName);
    return new ImportedEfsStorageClass(name, checkFileSystemId(fileSystemId, where), where);
  }

  /**
   * The EFS file system, when the class names it.
   *
   * @default - read by the driver from a ConfigMap or Secret
   */
  public readonly fileSystemId?: string;
  /** The StorageClass name. */
  public readonly storageClassName: string;
  private readonly claims: BackendClaims<EfsClaimOptions>;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default StorageClass name
   * @param props see `EfsStorageClassProps`
   */
  public constructor(scope: Construct, id: string, props: EfsStorageClassProps) {
    super(checkScope(scope, id, 'EfsStorageClass'), id);
    const { where, props: checked } = openConstruct(this, 'EfsStorageClass', props, EFS_STORAGE_CLASS_PROPS);
    this.storageClassName = addStorageClass(this, where, {
      storageClassName: checked.storageClassName,
      isDefault: checked.isDefault,
      provisioner: EFS_DRIVER.provisioner,
      parameters: dynamicParameters(checked, where),
      reclaimPolicy: checked.reclaimPolicy ?? ReclaimPolicy.RETAIN,
      // EFS is regional: binding early strands nothing.
      volumeBindingMode: VolumeBindingMode.IMMEDIATE,
      // The driver has no resizer, and EFS no size to grow.
      allowVolumeExpansion: false,
      mountOptions: efsMountOptions(checked, true, where),
    }).name;
    this.fileSystemId = checked.fileSystemId; // checked by dynamicParameters
    this.claims = efsClaims(where, this.storageClassName);
  }

  /** A claim with an access point of its own, mountable in any cdk8s-plus workload. */
  public claim(scope: Construct, id: string, props: EfsClaimProps = {}): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  /** A claim template for a StatefulStore: every replica gets an access point of its own. */
  public claimTemplate(name: string, options: EfsClaimOptions = {}): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

}

/** A class the cluster has: the claims of an EfsStorageClass, and no object. */
class ImportedEfsStorageClass implements IEfsStorage {
  private readonly claims: BackendClaims<EfsClaimOptions>;

  constructor(public readonly storageClassName: string, public readonly fileSystemId: string, where: string) {
    this.claims = efsClaims(where, storageClassName);
  }

  public claim(scope: Construct, id: string, props: EfsClaimProps = {}): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  public claimTemplate(name: string, options: EfsClaimOptions = {}): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }
}

/** The claims of an EFS class, made or imported: ReadWriteMany by default, the placeholder size EFS ignores. */
function efsClaims(where: string, storageClassName: string): BackendClaims<EfsClaimOptions> {
  return new BackendClaims(where, { schema: EFS_CLAIM_OPTIONS, optionsType: 'EfsClaimOptions', propsType: 'EfsClaimProps' },
    (options): BackendRequest => ({
      storageClassName,
      accessMode: options.accessMode ?? EfsAccessMode.READ_WRITE_MANY,
      storage: options.storage ?? EFS_PLACEHOLDER_SIZE,
      volumeMode: VolumeMode.FILESYSTEM,
      driver: EFS_DRIVER.provisioner,
    }));
}
