import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { NFS_CSI_DRIVER } from './nfs-csi-driver';
import { checkNfsPath, checkNfsServer, noTraversal } from './nfs-export';
import { Schema, bool, checkArg, checkScope, listOf, openConstruct, optional, str } from '../core/checks';
import { invalid } from '../core/errors';
import { definedParameters } from '../core/parameters';
import { ReclaimPolicy } from '../core/policies';
import { NAME, RECLAIM_POLICY } from '../core/schemas';
import { IVolumeSnapshotClass, addSnapshotClass } from '../core/snapshot-class-object';

/**
 * Props of an `NfsSnapshotClass`: where csi-driver-nfs writes each snapshot,
 * a tar archive of the volume's directory (pkg/nfs/controllerserver.go
 * newNFSSnapshot reads `server`, `share` and `mountOptions`, and refuses other keys).
 */
export interface NfsSnapshotClassProps {
  /**
   * The NFS server the archives are written to.
   *
   * @default - the server of the snapshotted volume
   */
  readonly server?: string;
  /**
   * The exported path the archives are written under (`<share>/<snapshot>/<volume>.tar.gz`).
   *
   * @default - the share of the snapshotted volume
   */
  readonly share?: string;
  /**
   * Mount options of the driver's mount of that share.
   *
   * @default - the node's defaults
   */
  readonly mountOptions?: string[];
  /**
   * The VolumeSnapshotClass name.
   *
   * @default - the construct id, lower-cased
   */
  readonly snapshotClassName?: string;
  /**
   * What happens to the archive when its VolumeSnapshot is deleted.
   *
   * @default ReclaimPolicy.RETAIN - the archive is kept
   */
  readonly deletionPolicy?: ReclaimPolicy;
  /**
   * Make the class the default snapshot class of csi-driver-nfs (one per driver).
   *
   * @default false
   */
  readonly isDefault?: boolean;
}

const PROPS: Schema<NfsSnapshotClassProps> = {
  server: optional(str('a host name or an IP address such as "10.0.2.5"')),
  share: optional(str('an exported path such as "/exports/snapshots"')),
  mountOptions: optional(listOf(str())),
  snapshotClassName: NAME,
  deletionPolicy: RECLAIM_POLICY,
  isDefault: optional(bool()),
};

/**
 * A VolumeSnapshotClass of csi-driver-nfs (`nfs.csi.k8s.io`), which snapshots
 * a volume as a tar archive of its directory and restores or clones it by
 * copying files, possibly onto another server or share.
 */
export class NfsSnapshotClass extends Construct implements IVolumeSnapshotClass {
  /**
   * A VolumeSnapshotClass of csi-driver-nfs the cluster already has.
   *
   * @param snapshotClassName its name
   */
  public static fromSnapshotClassName(snapshotClassName: string): IVolumeSnapshotClass {
    checkArg('NfsSnapshotClass.fromSnapshotClassName', 'snapshotClassName', snapshotClassName, str('the name of a VolumeSnapshotClass in the cluster'));
    return { snapshotClassName, driver: NFS_CSI_DRIVER.provisioner };
  }

  /** The VolumeSnapshotClass name. */
  public readonly snapshotClassName: string;
  /** `nfs.csi.k8s.io`. */
  public readonly driver: string = NFS_CSI_DRIVER.provisioner;
  /** What happens to an archive when its VolumeSnapshot is deleted. */
  public readonly deletionPolicy: ReclaimPolicy;
  /** The VolumeSnapshotClass object. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, props: NfsSnapshotClassProps = {}) {
    super(checkScope(scope, id, 'NfsSnapshotClass'), id);
    const { where, props: checked } = openConstruct(this, 'NfsSnapshotClass', props, PROPS);
    this.deletionPolicy = checked.deletionPolicy ?? ReclaimPolicy.RETAIN;
    const { apiObject, name } = addSnapshotClass(this, where, {
      snapshotClassName: checked.snapshotClassName,
      driver: this.driver,
      parameters: definedParameters([
        ['server', checked.server === undefined ? undefined : checkNfsServer(checked.server, where)],
        ['share', checked.share === undefined ? undefined : noTraversal(checkNfsPath(checked.share, where, 'share'), where, 'share')],
        ['mountOptions', checked.mountOptions === undefined ? undefined : mountOptionsParameter(checked.mountOptions, where)],
      ]),
      deletionPolicy: this.deletionPolicy,
      isDefault: checked.isDefault,
    });
    this.apiObject = apiObject;
    this.snapshotClassName = name;
  }
}

/** One string: the driver appends the value as one `-o` argument of its mount, so options are joined by ",". */
function mountOptionsParameter(options: string[], where: string): string {
  const bad = options.find(o => o.trim() === '' || o.includes(','));
  if (options.length === 0 || bad !== undefined) {
    throw invalid({ where, prop: 'mountOptions', value: bad ?? options, allowed: 'one or more options, each without ","', fix: 'list each option once, for example ["nfsvers=4.1"]' });
  }
  return options.join(',');
}
