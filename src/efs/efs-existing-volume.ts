import { Construct } from 'constructs';
import { EfsAccessMode } from './efs-access-mode';
import { EFS_DRIVER, EFS_PLACEHOLDER_SIZE } from './efs-driver';
import { EfsClaimOptions, EfsClaimProps, EfsClaimTemplateOptions, EfsExistingVolumeProps } from './efs-props';
import { checkFileSystemId, efsMountOptions, staticCsiSource } from './efs-rules';
import { EFS_CLAIM_OPTIONS, EFS_EXISTING_VOLUME_PROPS } from './schemas';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { checkScope, openConstruct } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { VolumeMode } from '../core/policies';
import { StaticBinding, StaticVolumeContent } from '../core/static-binding';
import { VolumeClaim } from '../core/volume-claim';

/**
 * An EFS file system (or access point, or directory) that already exists, as a
 * static, `Retain` PV of the EFS CSI driver (`efs.csi.aws.com`) that exactly
 * one claim binds; a claim template makes one PV per replica, all of the same
 * files.
 *
 * Claims are Filesystem only, `ReadWriteOnce` or `ReadWriteMany`. For an
 * access point per claim, use `EfsStorageClass`.
 *
 * @see https://github.com/kubernetes-sigs/aws-efs-csi-driver/tree/master/examples/kubernetes/static_provisioning
 */
export class EfsExistingVolume extends Construct {
  /** The EFS file system. */
  public readonly fileSystemId: string;
  private readonly claims: BackendClaims<EfsClaimOptions>;
  private readonly volume: Omit<StaticVolumeContent, 'accessMode'>;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default PV name
   * @param props see `EfsExistingVolumeProps`
   */
  public constructor(scope: Construct, id: string, props: EfsExistingVolumeProps) {
    super(checkScope(scope, id, 'EfsExistingVolume'), id);
    const { where, props: checked } = openConstruct(this, 'EfsExistingVolume', props, EFS_EXISTING_VOLUME_PROPS);
    const binding = new StaticBinding(this, where, { name: checked.name, labelDomain: 'efs.cdk8s-storage.io' });
    this.fileSystemId = checkFileSystemId(checked.fileSystemId, where);
    this.volume = {
      capacity: checked.capacity ?? EFS_PLACEHOLDER_SIZE,
      mountOptions: efsMountOptions(checked, checked.accessPointId !== undefined, where),
      source: { csi: staticCsiSource(checked, where) },
    };
    this.claims = new BackendClaims(where,
      { schema: EFS_CLAIM_OPTIONS, optionsType: 'EfsClaimOptions', propsType: 'EfsClaimProps', templateWithReplicasType: 'EfsClaimTemplateOptions' },
      options => this.request(options),
      { binding });
  }

  /** The one claim bound to the volume's PV, mountable in any cdk8s-plus workload. */
  public claim(scope: Construct, id: string, props: EfsClaimProps = {}): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  /**
   * A claim template for a StatefulStore whose replicas all mount these files:
   * the volume makes `replicas` PVs of it, labelled for this template.
   */
  public claimTemplate(name: string, options: EfsClaimTemplateOptions): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  private request(options: EfsClaimOptions): BackendRequest {
    const accessMode = options.accessMode ?? EfsAccessMode.READ_WRITE_MANY;
    return {
      storageClassName: '',
      driver: EFS_DRIVER.provisioner,
      accessMode,
      storage: options.storage ?? EFS_PLACEHOLDER_SIZE,
      volumeMode: VolumeMode.FILESYSTEM,
      volume: { ...this.volume, accessMode },
    };
  }
}
