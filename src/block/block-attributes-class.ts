import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { BlockVolumeAttributes } from './block-volume-attributes';
import { BlockCsiDriver } from './snapshot-options';
import { IVolumeAttributesClass, addAttributesClass } from '../core/attributes-class-object';
import { Schema, checkArg, checkScope, enumOf, instanceOf, openConstruct, str } from '../core/checks';
import { invalid } from '../core/errors';
import { NAME } from '../core/schemas';

/**
 * Props of a `BlockAttributesClass`.
 */
export interface BlockAttributesClassProps {
  /** The driver and what its volumes become: `BlockVolumeAttributes.ebs({ iops: 6000 })`. */
  readonly attributes: BlockVolumeAttributes;
  /**
   * The VolumeAttributesClass name.
   *
   * @default - the construct id, lower-cased
   */
  readonly volumeAttributesClassName?: string;
}

const PROPS: Schema<BlockAttributesClassProps> = {
  attributes: instanceOf(BlockVolumeAttributes, 'BlockVolumeAttributes', 'use a factory such as BlockVolumeAttributes.ebs({ iops: 6000 })'),
  volumeAttributesClassName: NAME,
};

/**
 * A VolumeAttributesClass (`storage.k8s.io/v1`, GA in Kubernetes 1.34) of a
 * block-storage driver that modifies volumes in place (EBS, GCE Hyperdisk,
 * Azure Disk). A claim names it with `attributesClass`; moving a claim to
 * another class is how IOPS or throughput change without a new volume (the
 * driver's ControllerModifyVolume), and `guard` treats that change as allowed.
 *
 * ⚠️ The driver and parameters of a VolumeAttributesClass are immutable: to
 * change performance again, make a new class and move the claims to it.
 */
export class BlockAttributesClass extends Construct implements IVolumeAttributesClass {
  /**
   * A VolumeAttributesClass the cluster already has.
   *
   * @param volumeAttributesClassName its name
   * @param driver its driver; not OCI, whose driver does not modify volumes
   */
  public static fromAttributesClassName(volumeAttributesClassName: string, driver: BlockCsiDriver): IVolumeAttributesClass {
    const where = 'BlockAttributesClass.fromAttributesClassName';
    checkArg(where, 'volumeAttributesClassName', volumeAttributesClassName, str('the name of a VolumeAttributesClass in the cluster'));
    checkArg(where, 'driver', driver, enumOf(BlockCsiDriver, 'BlockCsiDriver'));
    if (driver === BlockCsiDriver.OCI) {
      throw invalid({
        where,
        prop: 'driver',
        value: driver,
        allowed: 'a driver that modifies volumes (EBS, GCE PD, Azure Disk); OCI\'s does not advertise MODIFY_VOLUME ("ControllerModifyVolume is not supported yet")',
        fix: 'change OCI volume performance with a new class (vpusPerGB) and a restored copy',
      });
    }
    return { volumeAttributesClassName, driverName: driver };
  }

  /** The VolumeAttributesClass name. */
  public readonly volumeAttributesClassName: string;
  /** The CSI driver that applies it. */
  public readonly driverName: string;
  /** What the volumes become. */
  public readonly attributes: BlockVolumeAttributes;
  /** The VolumeAttributesClass object. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, props: BlockAttributesClassProps) {
    super(checkScope(scope, id, 'BlockAttributesClass'), id);
    const { where, props: checked } = openConstruct(this, 'BlockAttributesClass', props, PROPS);
    this.attributes = checked.attributes;
    this.driverName = checked.attributes.driverName;
    const { apiObject, name } = addAttributesClass(this, where, {
      volumeAttributesClassName: checked.volumeAttributesClassName,
      driverName: this.driverName,
      parameters: checked.attributes.parameters,
    });
    this.apiObject = apiObject;
    this.volumeAttributesClassName = name;
  }
}
