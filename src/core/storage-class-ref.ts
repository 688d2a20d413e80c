import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { AccessMode, knownAccessModes } from './access-mode';
import { checkArg, checkProps, str } from './checks';
import { claimArgs, templateArgs } from './claim-entry';
import { ClaimTemplate } from './claim-template';
import { invalid } from './errors';
import { NameRule, validateName } from './names';
import { VolumeMode } from './policies';
import { EXISTING_CLASS_CLAIM_OPTIONS, EXISTING_CLASS_CLAIM_PROPS, EXISTING_STORAGE_CLASS_OPTIONS } from './schemas';
import { VolumeClaim } from './volume-claim';

/**
 * What the user declares about a StorageClass this library does not model.
 */
export interface ExistingStorageClassOptions {
  /**
   * The access modes the class's driver really serves. Claims may only ask for
   * these; the first is the default.
   */
  readonly accessModes: AccessMode[];
  /**
   * The volume modes the class's driver serves.
   *
   * @default [VolumeMode.FILESYSTEM]
   */
  readonly volumeModes?: VolumeMode[];
}

/**
 * Options of a claim or claim template on an existing class.
 */
export interface ExistingClassClaimOptions {
  /** The storage requested. Rendered exactly: `Size.mebibytes(512)` is `512Mi`. */
  readonly storage: Size;
  /**
   * The access mode; must be one the class was declared with.
   *
   * @default - the first of the declared access modes
   */
  readonly accessMode?: AccessMode;
  /**
   * Filesystem or Block; must be one the class was declared with.
   *
   * @default VolumeMode.FILESYSTEM
   */
  readonly volumeMode?: VolumeMode;
}

/**
 * Props of a claim on an existing class.
 */
export interface ExistingClassClaimProps extends ExistingClassClaimOptions {
  /**
   * The PVC name (a DNS-1123 subdomain).
   *
   * @default - the construct id, lower-cased; never derived from the construct path
   */
  readonly name?: string;
}

/**
 * A StorageClass the cluster already has, which this library does not model:
 * the escape hatch for any provisioner.
 *
 * Creates nothing itself. Since the class's capabilities are declared at run
 * time, claims are checked against the declaration when they are created.
 *
 * ```ts
 * const standard = StorageClassRef.existing('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });
 * const claim = standard.claim(chart, 'data', { storage: Size.gibibytes(5) });
 * ```
 */
export class StorageClassRef {
  /**
   * Refers to the StorageClass `storageClassName`, which must exist in the cluster.
   */
  public static existing(storageClassName: string, options: ExistingStorageClassOptions): StorageClassRef {
    checkArg('StorageClassRef.existing', 'storageClassName', storageClassName, str('the name of a StorageClass in the cluster'));
    const where = `StorageClassRef.existing(${JSON.stringify(storageClassName)})`;
    return new StorageClassRef(storageClassName, checkProps(where, options, EXISTING_STORAGE_CLASS_OPTIONS, 'ExistingStorageClassOptions'));
  }

  /** The StorageClass name. */
  public readonly storageClassName: string;
  /** The access modes declared for it. */
  public readonly accessModes: AccessMode[];
  /** The volume modes declared for it. */
  public readonly volumeModes: VolumeMode[];
  private readonly where: string;

  private constructor(storageClassName: string, options: ExistingStorageClassOptions) {
    this.where = `StorageClassRef.existing(${JSON.stringify(storageClassName)})`;
    this.storageClassName = validateName(storageClassName, NameRule.DNS_SUBDOMAIN, this.where, 'storageClassName');
    // A class may serve ReadWriteOncePod beside other modes; each claim asks for one.
    this.accessModes = knownAccessModes(options.accessModes, this.where, 'accessModes') as AccessMode[];
    this.volumeModes = [...new Set(options.volumeModes ?? [VolumeMode.FILESYSTEM])];
    if (this.volumeModes.length === 0) {
      throw invalid({
        where: this.where,
        prop: 'volumeModes',
        value: [],
        allowed: 'at least one of Filesystem, Block',
        fix: 'omit volumeModes for Filesystem, or list the modes the driver serves',
      });
    }
  }

  /**
   * A PersistentVolumeClaim on this class, mountable in any cdk8s-plus workload.
   */
  public claim(scope: Construct, id: string, props: ExistingClassClaimProps): VolumeClaim {
    const checked = claimArgs(this.where, scope, id, props, EXISTING_CLASS_CLAIM_PROPS, 'ExistingClassClaimProps');
    return VolumeClaim._mint(scope, id, checked.props.name, this.request(checked.props, checked.where));
  }

  /**
   * A per-replica claim template for a `StatefulStore`.
   */
  public claimTemplate(name: string, options: ExistingClassClaimOptions): ClaimTemplate {
    const { where, options: checked } = templateArgs(this.where, name, options, EXISTING_CLASS_CLAIM_OPTIONS, 'ExistingClassClaimOptions');
    return ClaimTemplate._mint(name, { ...this.request(checked, where), where });
  }

  private request(options: ExistingClassClaimOptions, where: string) {
    const accessMode = options.accessMode ?? this.accessModes[0];
    const volumeMode = options.volumeMode ?? VolumeMode.FILESYSTEM;
    this.requireDeclared('accessMode', accessMode, this.accessModes, where, 'accessModes');
    this.requireDeclared('volumeMode', volumeMode, this.volumeModes, where, 'volumeModes');
    return { storageClassName: this.storageClassName, accessMode, volumeMode, storage: options.storage };
  }

  private requireDeclared(prop: string, value: string, declared: string[], where: string, declaration: string): void {
    if (!declared.includes(value)) {
      throw invalid({
        where,
        prop,
        value,
        allowed: `the ${declaration} declared for class "${this.storageClassName}": ${declared.join(', ')}`,
        fix: `ask for one of those, or add ${value} to ${declaration} in StorageClassRef.existing if the class's driver really serves it`,
      });
    }
  }
}
