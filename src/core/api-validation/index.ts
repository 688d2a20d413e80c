/**
 * The API server's create validation for the kinds and fields this library
 * writes or reads, ported from kubernetes pkg/apis/{core,apps,storage}/validation
 * and apimachinery (each function names the Go function it follows). One
 * source for the constructs (run on what they render, at synth) and for
 * `check` (its api-refused rules).
 */
export { FieldErrorType, FieldPath, fieldErrorText } from './field-error';
export type { FieldError } from './field-error';
export { validatePersistentVolumeClaim, validatePersistentVolumeClaimSpec } from './claim';
export { validatePodVolumes, POD_SPEC_PATHS } from './workloads';
export { validateObjectMeta, validateLabels, validateAnnotations } from './object-meta';
export { validateLabelName } from './selectors';
export * from './names';

import { validatePersistentVolumeClaim as claim } from './claim';
import { FieldError as Err } from './field-error';
import { NameValidator, nameIsDnsLabel, nameIsDnsSubdomain } from './names';
import { validateObjectMeta } from './object-meta';
import { validateService } from './service';
import { validateStatefulSet } from './statefulset';
import { validateCsiDriver, validateStorageClass, validateVolumeAttributesClass } from './storage';
import { validatePersistentVolume as volume } from './volume';
import { POD_SPEC_PATHS as POD_KINDS, validatePodVolumes as podVolumes } from './workloads';

/** The kinds validated whole here, each with its validator (metadata included). */
const VALIDATORS: { readonly [kind: string]: (m: any) => Err[] } = {
  PersistentVolumeClaim: claim,
  PersistentVolume: volume,
  StorageClass: validateStorageClass,
  VolumeAttributesClass: validateVolumeAttributesClass,
  CSIDriver: validateCsiDriver,
  Service: validateService,
  StatefulSet: m => [...validateStatefulSet(m), ...podVolumes(m)],
};

/**
 * The name rules of other kinds of core and apps (their Validate* functions'
 * nameFn); any other kind's name is left to its own API (a custom resource's
 * may follow other rules), while labels and annotations are the same for all.
 */
const NAME_RULES: { readonly [kind: string]: NameValidator } = {
  Pod: nameIsDnsSubdomain,
  ConfigMap: nameIsDnsSubdomain,
  Secret: nameIsDnsSubdomain,
  Deployment: nameIsDnsSubdomain,
  DaemonSet: nameIsDnsSubdomain,
  ReplicaSet: nameIsDnsSubdomain,
  ReplicationController: nameIsDnsSubdomain,
  Job: nameIsDnsSubdomain,
  CronJob: nameIsDnsSubdomain,
  ServiceAccount: nameIsDnsSubdomain,
  Namespace: nameIsDnsLabel,
};

/** Every refusal of one manifest that this module knows: metadata for every kind, the spec for the kinds above and for workloads' pods. */
export function validateObject(m: any): Err[] {
  const whole = VALIDATORS[m?.kind];
  if (whole) return whole(m);
  const meta = validateObjectMeta(m?.metadata, NAME_RULES[m?.kind] ?? (() => []));
  return POD_KINDS[m?.kind] ? [...meta, ...podVolumes(m)] : meta;
}
