import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { EfsAccessMode } from './efs-access-mode';
import { EfsClaim } from './efs-claim';
import { EFS_DRIVER } from './efs-driver';
import { EfsClaimOptions, EfsClaimProps, EfsClaimTemplateOptions, EfsDynamicProps, EfsStaticProps } from './efs-props';
import { checkFileSystemId, dynamicParameters, efsMountOptions, staticCsiSource } from './efs-rules';
import { EFS_CLAIM_PROPS, EFS_CLAIM_TEMPLATE_OPTIONS, EFS_DYNAMIC_PROPS, EFS_STATIC_PROPS } from './schemas';
import { checkProps, checkScope } from '../core/checks';
import { claimArgs, templateArgs } from '../core/claim-entry';
import { ClaimRequest } from '../core/claim-request';
import { ClaimTemplate } from '../core/claim-template';
import { describeChild, describeConstruct, invalid } from '../core/errors';
import { NameRule, nameFromId, validateName } from '../core/names';
import { ReclaimPolicy, VolumeBindingMode, VolumeMode } from '../core/policies';
import { StaticBinding } from '../core/static-binding';
import { StaticVolumeSpec } from '../core/static-volume';
import { StorageClass } from '../core/storage-class';

/** EFS ignores capacity; Kubernetes requires one. The driver's examples use 5Gi. */
const PLACEHOLDER_SIZE = Size.gibibytes(5);

/**
 * AWS EFS through the EFS CSI driver (`efs.csi.aws.com`), provisioned either
 * dynamically (`EfsStorage.dynamic`: an access point per claim) or statically
 * (`EfsStorage.static`: a PV of a file system or access point you made).
 *
 * Claims are Filesystem only (the driver rejects Block), `ReadWriteOnce` or
 * `ReadWriteMany` (it rejects `ReadOnlyMany`), and cannot grow (it has no
 * resizer, and EFS has no size to grow).
 */
export class EfsStorage extends Construct {
  /**
   * A StorageClass that gives each claim its own access point (`provisioningMode: efs-ap`).
   */
  public static dynamic(scope: Construct, id: string, props: EfsDynamicProps): EfsStorage {
    const where = describeChild(checkScope(scope, id, 'EfsStorage'), id, 'EfsStorage');
    return new EfsStorage(scope, id, { dynamic: checkProps(where, props, EFS_DYNAMIC_PROPS, 'EfsDynamicProps') });
  }

  /**
   * An existing file system (or access point, or directory) as a static,
   * `Retain` PV that exactly one claim binds.
   */
  public static static(scope: Construct, id: string, props: EfsStaticProps): EfsStorage {
    const where = describeChild(checkScope(scope, id, 'EfsStorage'), id, 'EfsStorage');
    return new EfsStorage(scope, id, { static: checkProps(where, props, EFS_STATIC_PROPS, 'EfsStaticProps') });
  }

  /** The EFS file system. */
  public readonly fileSystemId: string;
  /** The StorageClass, for dynamic storage. */
  public readonly storageClass?: StorageClass;
  private readonly where: string;
  /** For static storage: the claims' binding to the PVs, and what the PVs hold. */
  private readonly binding?: StaticBinding;
  private readonly staticVolume?: Omit<StaticVolumeSpec, 'name' | 'labels' | 'accessMode'>;

  private constructor(scope: Construct, id: string, mode: { dynamic?: EfsDynamicProps; static?: EfsStaticProps }) {
    super(scope, id);
    this.where = describeConstruct(this, 'EfsStorage');
    if (mode.dynamic) {
      const props = mode.dynamic;
      this.storageClass = new StorageClass(this, 'Resource', {
        name: props.storageClassName ?? nameFromId(id),
        provisioner: EFS_DRIVER.provisioner,
        parameters: dynamicParameters(props, this.where),
        reclaimPolicy: props.reclaimPolicy ?? ReclaimPolicy.RETAIN,
        // EFS is regional: binding early strands nothing.
        volumeBindingMode: VolumeBindingMode.IMMEDIATE,
        // The driver has no resizer, and EFS no size to grow.
        allowVolumeExpansion: false,
        mountOptions: efsMountOptions(props, true, this.where),
      });
      this.fileSystemId = props.fileSystemId;
    } else {
      const props = mode.static!;
      const pvName = validateName(props.name ?? nameFromId(id), NameRule.DNS_SUBDOMAIN, this.where, 'name');
      this.fileSystemId = checkFileSystemId(props.fileSystemId, this.where);
      this.binding = new StaticBinding(this, this.where, pvName, 'efs.cdk8s-storage.io');
      this.staticVolume = {
        capacity: props.capacity ?? PLACEHOLDER_SIZE,
        mountOptions: efsMountOptions(props, props.accessPointId !== undefined, this.where),
        source: { csi: staticCsiSource(props, this.where) },
      };
    }
  }

  /** A claim on this storage, mountable in any cdk8s-plus workload. */
  public claim(scope: Construct, id: string, props: EfsClaimProps = {}): EfsClaim {
    const { where, props: checked } = claimArgs(this.where, scope, id, props, EFS_CLAIM_PROPS, 'EfsClaimProps');
    const request = this.request(checked);
    const mint = (claim: Omit<ClaimRequest, 'where'>) => EfsClaim._mintEfs(scope, id, checked.name, claim, this.fileSystemId);
    if (this.binding) {
      return this.binding.bindClaim(where, id, { ...this.staticVolume!, accessMode: request.accessMode }, request, mint);
    }
    return mint(this.dynamicRequest(request));
  }

  /**
   * A claim template for a StatefulStore. Dynamic storage gives every replica
   * its own access point; static storage makes `replicas` PVs of the same file
   * system, so every replica mounts the same files.
   */
  public claimTemplate(name: string, options: EfsClaimTemplateOptions = {}): ClaimTemplate {
    const { where, options: checked } = templateArgs(this.where, name, options, EFS_CLAIM_TEMPLATE_OPTIONS, 'EfsClaimTemplateOptions');
    const request = this.request(checked);
    if (!this.binding) return ClaimTemplate._mint(name, { ...this.dynamicRequest(request), where });
    if (checked.replicas === undefined) {
      throw invalid({
        where,
        prop: 'replicas',
        value: undefined,
        allowed: 'the number of replicas, for static storage (each replica needs a PV of its own)',
        fix: 'pass replicas',
      });
    }
    return this.binding.bindTemplate(name, checked.replicas, { ...this.staticVolume!, accessMode: request.accessMode }, request, where);
  }

  private request(options: EfsClaimOptions) {
    return { accessMode: options.accessMode ?? EfsAccessMode.READ_WRITE_MANY, storage: options.storage ?? PLACEHOLDER_SIZE };
  }

  private dynamicRequest(request: { accessMode: string; storage: Size }) {
    return { ...request, storageClassName: this.storageClass!.name, volumeMode: VolumeMode.FILESYSTEM };
  }
}
