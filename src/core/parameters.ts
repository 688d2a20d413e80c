/** The CSI external-provisioner's fsType parameter, understood by every CSI driver. */
export const FS_TYPE_KEY = 'csi.storage.k8s.io/fstype';

/**
 * StorageClass parameters from typed props: the ones that are set, as
 * strings, in the order given (so output is deterministic).
 */
export function definedParameters(entries: Array<[string, string | number | boolean | undefined]>): { [key: string]: string } {
  const parameters: { [key: string]: string } = {};
  for (const [key, value] of entries) {
    if (value !== undefined) parameters[key] = String(value);
  }
  return parameters;
}
