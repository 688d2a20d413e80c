import { FieldError, FieldPath } from './field-error';
import { isQualifiedName, nameIsDnsSubdomain } from './names';
import { Json, isMap, validateObjectMeta } from './object-meta';
import { validateAllowedTopologies } from './selectors';

/**
 * StorageClass, VolumeAttributesClass and CSIDriver as
 * pkg/apis/storage/validation judges them on a create, after v1 defaults
 * (a class's reclaimPolicy Delete and volumeBindingMode Immediate; a CSIDriver's
 * attachRequired true, podInfoOnMount, storageCapacity and seLinuxMount false).
 */

const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];
const FS_GROUP_POLICIES = ['File', 'None', 'ReadWriteOnceWithFSType'];
const LIFECYCLE_MODES = ['Persistent', 'Ephemeral'];
const MAX_PARAMETERS = 512;
const MAX_PARAMETERS_BYTES = 256 * 1024;

/** A cluster-scoped kind's meta: the API server clears a namespace rather than refusing it. */
function clusterScopedMeta(m: Json): FieldError[] {
  return validateObjectMeta(isMap(m?.metadata) ? { ...m.metadata, namespace: undefined } : m?.metadata, nameIsDnsSubdomain);
}

/** ValidateStorageClass. */
export function validateStorageClass(sc: Json): FieldError[] {
  const errs = [...clusterScopedMeta(sc), ...validateProvisioner(sc?.provisioner, FieldPath.at('provisioner')), ...validateClassParameters(sc?.parameters, true)];
  const policy = sc?.reclaimPolicy;
  if (typeof policy === 'string' && policy !== '' && !RECLAIM_POLICIES.includes(policy)) errs.push(FieldPath.at('reclaimPolicy').notSupported(policy, RECLAIM_POLICIES));
  const binding = sc?.volumeBindingMode;
  if (binding !== undefined && binding !== null && !BINDING_MODES.includes(binding)) errs.push(FieldPath.at('volumeBindingMode').notSupported(binding, BINDING_MODES));
  errs.push(...validateAllowedTopologies(sc?.allowedTopologies, FieldPath.at('allowedTopologies')));
  return errs;
}

/** ValidateVolumeAttributesClass: a driver name, and at least one parameter. */
export function validateVolumeAttributesClass(vac: Json): FieldError[] {
  return [...clusterScopedMeta(vac), ...validateProvisioner(vac?.driverName, FieldPath.at('driverName')), ...validateClassParameters(vac?.parameters, false)];
}

/** validateProvisioner: required, and a qualified name once lower-cased. */
function validateProvisioner(provisioner: Json, path: FieldPath): FieldError[] {
  if (typeof provisioner !== 'string' || provisioner === '') return [path.required()];
  const lower = provisioner.toLowerCase();
  return isQualifiedName(lower).map(msg => path.invalid(lower, msg));
}

/** validateParameters: at most 512 entries of at most 256 KiB, no empty key; a VolumeAttributesClass needs one at least. */
export function validateClassParameters(parameters: Json, allowEmpty: boolean): FieldError[] {
  const path = FieldPath.at('parameters');
  const entries = isMap(parameters) ? Object.entries(parameters) : [];
  if (entries.length > MAX_PARAMETERS) return [path.tooLong(MAX_PARAMETERS)];
  const errs: FieldError[] = [];
  const size = entries.reduce((sum, [k, v]) => {
    if (k === '') errs.push(path.invalid('', 'field can not be empty.'));
    return sum + Buffer.byteLength(k) + Buffer.byteLength(String(v ?? ''));
  }, 0);
  if (size > MAX_PARAMETERS_BYTES) errs.push(path.tooLong(MAX_PARAMETERS_BYTES));
  if (!allowEmpty && entries.length === 0) errs.push(path.required('must contain at least one key/value pair'));
  return errs;
}

/** ValidateCSIDriver, after v1 defaults. */
export function validateCsiDriver(driver: Json): FieldError[] {
  const errs = clusterScopedMeta(driver);
  const spec = isMap(driver?.spec) ? driver.spec : {};
  const path = FieldPath.at('spec');
  const policy = spec.fsGroupPolicy;
  if (policy !== undefined && policy !== null && !FS_GROUP_POLICIES.includes(policy)) errs.push(path.child('fsGroupPolicy').notSupported(policy, FS_GROUP_POLICIES));
  const audiences = new Set<string>();
  (Array.isArray(spec.tokenRequests) ? spec.tokenRequests : []).forEach((request: Json, i: number) => {
    const at = path.child('tokenRequests').index(i);
    const audience = request?.audience ?? '';
    if (audiences.has(audience)) {
      errs.push(at.child('audience').duplicate(audience));
      return;
    }
    audiences.add(audience);
    const seconds = request?.expirationSeconds;
    if (typeof seconds === 'number' && seconds < 600) errs.push(at.child('expirationSeconds').invalid(seconds, 'may not specify a duration less than 10 minutes'));
    if (typeof seconds === 'number' && seconds > 2 ** 32) errs.push(at.child('expirationSeconds').invalid(seconds, 'may not specify a duration larger than 2^32 seconds'));
  });
  for (const mode of Array.isArray(spec.volumeLifecycleModes) ? spec.volumeLifecycleModes : []) {
    if (!LIFECYCLE_MODES.includes(mode)) errs.push(path.child('volumeLifecycleModes').notSupported(mode, LIFECYCLE_MODES));
  }
  return errs;
}
