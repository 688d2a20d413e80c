/**
 * What csi-driver-nfs does with a volume's subdirectory when the volume is deleted (`onDelete`).
 */
export enum NfsOnDelete {
  /** Remove the subdirectory and its data. */
  DELETE = 'delete',
  /** Leave the subdirectory as it is. */
  RETAIN = 'retain',
  /** Rename it to `archived-<name>`. */
  ARCHIVE = 'archive',
}
