import { ReclaimPolicy, VolumeBindingMode } from './policies';

/**
 * What a volume driver serves, stated once by the backend that models it and
 * read both by that backend's constructs and by `StorageCheck`, which judges
 * manifests written by anyone. The access modes are the values of the
 * backend's own access-mode enum, so the enum stays the one statement of them.
 * A backend of your own registers its facts with `DriverRegistry.register`.
 */
export interface DriverFacts {
  /** For messages: "AWS EFS". */
  readonly label: string;
  /** The provisioner (CSI driver) name a StorageClass names. */
  readonly provisioner: string;
  /** The access modes a Filesystem volume of this driver serves. */
  readonly accessModes: string[];
  /**
   * Why Block volumes (`volumeMode: Block`) are not served.
   *
   * @default - Block volumes are served, with the same access modes
   */
  readonly blockModeProblem?: string;
  /**
   * In-tree provisioner names that CSI migration hands to this driver (`kubernetes.io/aws-ebs`).
   *
   * @default - none
   */
  readonly inTreeProvisioners?: string[];
  /**
   * The binding mode this driver's classes need (local volumes: WaitForFirstConsumer).
   *
   * @default - any
   */
  readonly requiredBindingMode?: VolumeBindingMode;
  /**
   * The reclaim policy under which this driver's volumes keep their data (local volumes: Retain).
   *
   * @default - any
   */
  readonly safeReclaimPolicy?: ReclaimPolicy;
}
