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
export * from './names';

import { validatePersistentVolumeClaim as claim } from './claim';
import { FieldError as Err } from './field-error';
import { validateService } from './service';
import { validateStatefulSet } from './statefulset';
import { validateCsiDriver, validateStorageClass, validateVolumeAttributesClass } from './storage';
import { validatePersistentVolume as volume } from './volume';
import { validatePodVolumes as podVolumes } from './workloads';

/** Every refusal of one manifest, as far as this module knows its kind. */
export function validateObject(m: any): Err[] {
  switch (m?.kind) {
    case 'PersistentVolumeClaim': return claim(m);
    case 'PersistentVolume': return volume(m);
    case 'StorageClass': return validateStorageClass(m);
    case 'VolumeAttributesClass': return validateVolumeAttributesClass(m);
    case 'CSIDriver': return validateCsiDriver(m);
    case 'Service': return validateService(m);
    case 'StatefulSet': return [...validateStatefulSet(m), ...podVolumes(m)];
    default: return podVolumes(m);
  }
}
