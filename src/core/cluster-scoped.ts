import { ApiObject, Chart, JsonPatch } from 'cdk8s';

/**
 * Keeps a cluster-scoped object (StorageClass, PersistentVolume, CSIDriver)
 * out of its chart's namespace: cdk8s would otherwise write the chart's
 * namespace into its metadata.
 */
export function makeClusterScoped(apiObject: ApiObject): void {
  if (Chart.of(apiObject).namespace) apiObject.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
}
