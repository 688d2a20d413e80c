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

/**
 * The operations for which the CSI external sidecars read a Secret named in
 * StorageClass (or VolumeSnapshotClass) parameters, as
 * `csi.storage.k8s.io/<operation>-secret-name` and `-secret-namespace`.
 * @see https://kubernetes-csi.github.io/docs/secrets-and-credentials-storage-class.html
 */
export const CSI_SECRET_OPERATIONS = ['provisioner', 'controller-publish', 'node-stage', 'node-publish', 'controller-expand', 'node-expand', 'snapshotter'];

/** The two parameters that point a CSI operation at a Secret. */
export function csiSecretParameters(operation: string, secret: { name?: string; namespace?: string }): Array<[string, string | undefined]> {
  return [
    [`csi.storage.k8s.io/${operation}-secret-name`, secret.name],
    [`csi.storage.k8s.io/${operation}-secret-namespace`, secret.namespace],
  ];
}
