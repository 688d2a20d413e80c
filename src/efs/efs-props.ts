import { Size } from 'cdk8s';
import { EfsAccessMode } from './efs-access-mode';
import { ReclaimPolicy } from '../core/policies';

/**
 * How EFS volumes are mounted: the `tls` and `iam` mount options as typed switches.
 */
export interface EfsMountOptions {
  /**
   * Encrypt NFS traffic with TLS. Access points always use it; turning it off
   * is only possible for an `EfsExistingVolume` without an access point.
   *
   * @default true - traffic is encrypted
   */
  readonly encryptInTransit?: boolean;
  /**
   * Authenticate to EFS with the pod's or node's IAM identity (mount option
   * `iam`, which needs TLS).
   *
   * @default false - no IAM authorization at mount
   */
  readonly iam?: boolean;
}

/** A Secret by name and namespace; its contents stay out of the manifests. */
export interface EfsSecretReference {
  /** The Secret's name. */
  readonly name: string;
  /** The Secret's namespace (the driver's, often kube-system). */
  readonly namespaceName: string;
}

/** The range of POSIX group ids given to dynamically made access points. */
export interface EfsGidRange {
  /** The first gid, at least 1. */
  readonly start: number;
  /** The last gid, greater than `start`. */
  readonly end: number;
}

/**
 * Props of an `EfsStorageClass` (dynamic provisioning): each claim gets an
 * access point (and a directory) of the file system.
 *
 * @see https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/master/docs/parameters.md
 */
/**
 * How access points are provisioned (aws-efs-csi-driver pkg/driver/controller.go
 * CreateVolume: "Only Access point provisioning 'efs-ap' or 's3files-ap' are supported").
 */
export enum EfsProvisioningMode {
  /** An EFS access point per claim. */
  EFS_ACCESS_POINT = 'efs-ap',
  /** An Amazon S3 Files access point per claim. */
  S3_FILES_ACCESS_POINT = 's3files-ap',
}

/** A key of a ConfigMap or Secret that holds a file system id. */
export interface EfsFileSystemIdReference {
  /** Its namespace. */
  readonly namespaceName: string;
  /** Its name. */
  readonly name: string;
  /** The key whose value is the file system id. */
  readonly key: string;
}

export interface EfsStorageClassProps extends EfsMountOptions {
  /**
   * The file system, `fs-` and 8 to 40 hex digits. Give exactly one of
   * `fileSystemId`, `fileSystemIdConfigMap` and `fileSystemIdSecret`.
   *
   * @default - read from `fileSystemIdConfigMap` or `fileSystemIdSecret`
   */
  readonly fileSystemId?: string;
  /**
   * A ConfigMap key that holds the file system id, read by the driver's
   * controller when it provisions (`fileSystemIdConfigRef`), so one manifest
   * serves clusters with different file systems. The controller needs RBAC to
   * get ConfigMaps (the driver's Helm chart grants it).
   *
   * @default - fileSystemId
   */
  readonly fileSystemIdConfigMap?: EfsFileSystemIdReference;
  /**
   * A Secret key that holds the file system id (`fileSystemIdSecretRef`), as
   * `fileSystemIdConfigMap`.
   *
   * @default - fileSystemId
   */
  readonly fileSystemIdSecret?: EfsFileSystemIdReference;
  /**
   * The kind of access point each claim gets: on an EFS file system, or on
   * Amazon S3 Files (`s3files-ap`, driver 3.0 and later).
   *
   * @default EfsProvisioningMode.EFS_ACCESS_POINT - an EFS access point per claim
   */
  readonly provisioningMode?: EfsProvisioningMode;
  /**
   * Tag the access points with `efs.csi.aws.com/cluster=true` and the
   * controller's `--tags` (driver 3.4 and later). The driver refuses `false`
   * when its controller runs with `--tags`.
   *
   * @default - not written: the driver tags them
   */
  readonly enableTagging?: boolean;
  /**
   * The permissions of each access point's root directory, in octal.
   *
   * @default '700' - only the access point's owner may read and write
   */
  readonly directoryPerms?: string;
  /**
   * The POSIX user id of the access points.
   *
   * @default - the driver's choice
   */
  readonly uid?: number;
  /**
   * The POSIX group id of the access points. With `gidRange` as well, the
   * range still gives the uid when `uid` is not set (controller.go CreateVolume).
   *
   * @default - one from `gidRange`
   */
  readonly gid?: number;
  /**
   * The group ids the driver gives access points.
   *
   * @default - the driver's 50000 to 60000 (controller.go DefaultGidMin and DefaultGidMax)
   */
  readonly gidRange?: EfsGidRange;
  /**
   * The directory under which access point directories are made; relative
   * paths are taken from the root (the driver joins "/", basePath and the directory).
   *
   * @default - the file system's root
   */
  readonly basePath?: string;
  /**
   * Each access point's directory under `basePath`. May use `${.PVC.name}`,
   * `${.PVC.namespace}` and `${.PV.name}`.
   *
   * @default - the PV name, with no suffix
   */
  readonly subPathPattern?: string;
  /**
   * With `subPathPattern`: append "-" and a UUID to each directory, so two
   * claims never share one. The driver reads it only with `subPathPattern`.
   *
   * @default true - each directory gets a unique suffix
   */
  readonly ensureUniqueDirectory?: boolean;
  /**
   * Reuse an access point made for a claim of the same name.
   *
   * @default false - each claim gets a new access point
   */
  readonly reuseAccessPoint?: boolean;
  /**
   * Cross-account: the availability zone whose mount target every volume
   * uses. The driver reads it only when the provisioner secret has
   * `awsRoleArn`, so it needs `crossAccountSecret`.
   *
   * @default - each node mounts the target in its own zone
   */
  readonly az?: string;
  /**
   * Cross-account: the Secret, made outside this app, holding `awsRoleArn`
   * (and optionally `externalId` and `crossaccount`) for the file system's
   * account. Only its name and namespace are written, as the provisioner secret.
   *
   * @default - the file system is in the cluster's account
   */
  readonly crossAccountSecret?: EfsSecretReference;
  /**
   * For One Zone file systems: have the driver report the file system's zone
   * as the volume's topology, so pods are scheduled there. Regional file
   * systems get no constraint.
   *
   * @default false - no topology constraint
   */
  readonly enforceZoneAffinity?: boolean;
  /**
   * The pods run on EKS Fargate, where dynamic provisioning is not supported:
   * set it to get a clear error instead of claims that stay Pending.
   *
   * @default false - the pods run on EC2 nodes
   */
  readonly fargate?: boolean;
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
  /**
   * What happens to an access point when its claim is deleted.
   *
   * @default ReclaimPolicy.RETAIN - the access point and its data are kept
   */
  readonly reclaimPolicy?: ReclaimPolicy;
}

/**
 * Props of an `EfsExistingVolume`: an existing EFS file system (or access
 * point) offered through a static PV.
 */
export interface EfsExistingVolumeProps extends EfsMountOptions {
  /** The file system, `fs-` and 8 to 40 hex digits. */
  readonly fileSystemId: string;
  /**
   * Mount through this access point, `fsap-` and 8 to 40 hex digits.
   *
   * @default - no access point
   */
  readonly accessPointId?: string;
  /**
   * Mount this directory of the file system (or of the access point's root).
   *
   * @default - the root
   */
  readonly subPath?: string;
  /**
   * The IPv4 or IPv6 address of the mount target to use (node.go: net.ParseIP).
   *
   * @default - the one in the node's zone
   */
  readonly mountTargetIp?: string;
  /**
   * The PV name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * The PV capacity: a placeholder Kubernetes requires and EFS ignores.
   *
   * @default Size.gibibytes(5) - a placeholder, as in the driver's examples
   */
  readonly capacity?: Size;
}

/** Options of a claim or claim template on EFS. */
export interface EfsClaimOptions {
  /**
   * The access mode.
   *
   * @default EfsAccessMode.READ_WRITE_MANY - read-write by many nodes
   */
  readonly accessMode?: EfsAccessMode;
  /**
   * The storage requested: a placeholder that EFS ignores (a file system grows as needed).
   *
   * @default Size.gibibytes(5) - a placeholder, as in the driver's examples
   */
  readonly storage?: Size;
}

/** Props of a claim on EFS. */
export interface EfsClaimProps extends EfsClaimOptions {
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/** Options of a claim template on an `EfsExistingVolume`. */
export interface EfsClaimTemplateOptions extends EfsClaimOptions {
  /**
   * How many replicas use the template: a PV binds one claim, so the volume
   * makes this many PVs of the same file system, and every replica mounts the
   * same files.
   */
  readonly replicas: number;
}
