/**
 * What a volume driver serves, stated once by the backend that models it and
 * read both by that backend's constructs and by `StorageCheck`, which judges
 * manifests written by anyone. The access modes are the values of the
 * backend's own access-mode enum, so the enum stays the one statement of them.
 */
export interface DriverFacts {
  /** For messages: "AWS EFS". */
  readonly label: string;
  /** The provisioner (CSI driver) name a StorageClass names. */
  readonly provisioner: string;
  /** The access modes a Filesystem volume of this driver serves. */
  readonly accessModes: readonly string[];
  /** Why Block volumes (`volumeMode: Block`) are not served, or undefined when they are. */
  readonly blockModeProblem?: string;
}
