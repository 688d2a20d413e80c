import { ACCESS_MODES, VOLUME_MODES, nonEmpty, validateClassName } from './claim';
import { FieldError, FieldPath } from './field-error';
import { isDns1123Label, isDns1123Subdomain, nameIsDnsSubdomain } from './names';
import { Json, isMap, validateObjectMeta } from './object-meta';
import { validateCsiDriverName, validateNfs, validatePathNoBacksteps } from './pod-volumes';
import { listOf, validateNodeSelector } from './selectors';
import { parseQuantity } from '../quantity';

/** PV sources in ValidatePersistentVolumeSpec's order: the second and later are refused. */
const PV_SOURCES = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs', 'iscsi', 'cinder',
  'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'scaleIO', 'local', 'storageos', 'csi'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const CSI_SECRET_REFS = ['controllerPublishSecretRef', 'controllerExpandSecretRef', 'nodePublishSecretRef', 'nodeExpandSecretRef'];

/**
 * ValidatePersistentVolume (core validation): meta (a DNS subdomain name; a
 * namespace is cleared by the server, not refused) and the spec, after v1
 * defaults (reclaim policy Retain, volumeMode Filesystem).
 */
export function validatePersistentVolume(pv: Json): FieldError[] {
  const meta = isMap(pv?.metadata) ? { ...pv.metadata, namespace: undefined } : pv?.metadata;
  const spec = isMap(pv?.spec) ? pv.spec : {};
  return [...validateObjectMeta(meta, nameIsDnsSubdomain), ...validatePersistentVolumeSpec(spec, FieldPath.at('spec')), ...validateMountOptionsAnnotation(pv, spec)];
}

/** Sources whose plugin takes mount options (pkg/volume/validation checkMountOption). */
const MOUNT_OPTION_SOURCES = ['gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'nfs', 'rbd', 'quobyte', 'iscsi', 'cinder', 'cephfs', 'azureFile',
  'vsphereVolume', 'azureDisk', 'photonPersistentDisk'];
const MOUNT_OPTIONS_ANNOTATION = 'volume.beta.kubernetes.io/mount-options';

/** The PV strategy's plugin check: the beta mount-options annotation only on sources that take mount options. */
function validateMountOptionsAnnotation(pv: Json, spec: { [key: string]: Json }): FieldError[] {
  const annotations = pv?.metadata?.annotations;
  if (!isMap(annotations) || !(MOUNT_OPTIONS_ANNOTATION in annotations)) return [];
  if (MOUNT_OPTION_SOURCES.some(s => spec[s] !== undefined && spec[s] !== null)) return [];
  return [FieldPath.at('metadata', 'annotations', MOUNT_OPTIONS_ANNOTATION).forbidden('may not specify mount options for this volume type')];
}

function validatePersistentVolumeSpec(spec: { [key: string]: Json }, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const modes = listOf(spec.accessModes);
  if (modes.length === 0) errs.push(path.child('accessModes').required());
  for (const mode of modes) if (!ACCESS_MODES.includes(mode)) errs.push(path.child('accessModes').notSupported(mode, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.some(m => m !== 'ReadWriteOncePod' && ACCESS_MODES.includes(m))) {
    errs.push(path.child('accessModes').forbidden('may not use ReadWriteOncePod with other access modes'));
  }
  errs.push(...validateCapacity(spec.capacity, path.child('capacity')));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (nonEmpty(policy) && !RECLAIM_POLICIES.includes(policy)) errs.push(path.child('persistentVolumeReclaimPolicy').notSupported(policy, RECLAIM_POLICIES));
  if (spec.nodeAffinity !== undefined && spec.nodeAffinity !== null) {
    const required = spec.nodeAffinity?.required;
    if (!isMap(required)) errs.push(path.child('nodeAffinity', 'required').required('must specify required node constraints'));
    else errs.push(...validateNodeSelector(required, path.child('nodeAffinity', 'required')));
  }
  const present = PV_SOURCES.filter(s => spec[s] !== undefined && spec[s] !== null);
  if (present.length === 0) errs.push(path.required('must specify a volume type'));
  present.forEach((source, i) => {
    if (i > 0 && source !== 'flexVolume') errs.push(path.child(source === 'cephfs' ? 'cephFS' : source).forbidden('may not specify more than 1 volume type'));
    else errs.push(...validatePvSource(source, spec[source], spec, path));
  });
  if (isMap(spec.hostPath) && typeof spec.hostPath.path === 'string' && cleanPath(spec.hostPath.path) === '/' && policy === 'Recycle') {
    errs.push(path.child('persistentVolumeReclaimPolicy').forbidden('may not be \'recycle\' for a hostPath mount of \'/\''));
  }
  errs.push(...validateClassName(spec.storageClassName, path.child('storageClassName')));
  if (spec.volumeMode !== undefined && spec.volumeMode !== null && !VOLUME_MODES.includes(spec.volumeMode)) {
    errs.push(path.child('volumeMode').notSupported(spec.volumeMode, VOLUME_MODES));
  }
  const vac = spec.volumeAttributesClassName;
  if (vac !== undefined && vac !== null) {
    if (vac === '') errs.push(path.child('volumeAttributesClassName').required('an empty string is disallowed'));
    else errs.push(...validateClassName(vac, path.child('volumeAttributesClassName')));
    if (!isMap(spec.csi)) errs.push(path.child('csi').required('has to be specified when using volumeAttributesClassName'));
  }
  return errs;
}

/** The capacity: exactly the storage key, with a positive quantity. */
function validateCapacity(capacity: Json, path: FieldPath): FieldError[] {
  if (!isMap(capacity) || Object.keys(capacity).length === 0) return [path.required()];
  const errs: FieldError[] = [];
  if (!('storage' in capacity) || Object.keys(capacity).length > 1) errs.push(path.notSupported(Object.keys(capacity).join(','), ['storage']));
  for (const [name, value] of Object.entries(capacity)) {
    const thousandths = parseQuantity(String(value));
    if (thousandths !== undefined && thousandths < 0n) errs.push(path.key(name).invalid(String(value), 'must be a valid resource quantity'));
    if (thousandths !== undefined && thousandths <= 0n) errs.push(path.key(name).invalid(String(value), 'must be greater than zero'));
  }
  return errs;
}

function validatePvSource(kind: string, source: Json, spec: { [key: string]: Json }, path: FieldPath): FieldError[] {
  const at = path.child(kind);
  const required = (...keys: string[]) => keys.filter(k => !nonEmpty(source?.[k])).map(k => at.child(k).required());
  switch (kind) {
    case 'hostPath': {
      if (!nonEmpty(source?.path)) return [at.child('path').required()];
      const type = source.type ?? '';
      return [...validatePathNoBacksteps(source.path, at.child('path')), ...(HOST_PATH_TYPES.includes(type) ? [] : [at.child('type').notSupported(type, HOST_PATH_TYPES)])];
    }
    case 'nfs': return validateNfs(source, at);
    case 'local': {
      if (!nonEmpty(source?.path)) return [at.child('path').required()];
      return [...validatePathNoBacksteps(source.path, at.child('path')),
        ...(isMap(spec.nodeAffinity) ? [] : [path.child('nodeAffinity').required('Local volume requires node affinity')])];
    }
    case 'csi': return validateCsiSource(source, at);
    case 'gcePersistentDisk': return nonEmpty(source?.pdName) ? [] : [path.child('persistentDisk', 'pdName').required()];
    case 'awsElasticBlockStore': return required('volumeID');
    case 'glusterfs': return [...required('endpoints', 'path'), ...validateEndpointsNamespace(source?.endpointsNamespace, at.child('endpointsNamespace'))];
    case 'rbd': return [...(listOf(source?.monitors).length === 0 ? [at.child('monitors').required()] : []), ...required('image')];
    case 'cephfs': return listOf(source?.monitors).length === 0 ? [at.child('monitors').required()] : [];
    case 'cinder': return required('volumeID');
    case 'azureFile': return required('secretName', 'shareName');
    case 'azureDisk': return required('diskName', 'diskURI');
    case 'vsphereVolume': return required('volumePath');
    case 'photonPersistentDisk': return required('pdID');
    case 'portworxVolume': return required('volumeID');
    case 'scaleIO': return required('gateway', 'system', 'volumeName');
    case 'flexVolume': return required('driver');
    case 'iscsi': return required('targetPortal', 'iqn');
    case 'quobyte': return required('registry', 'volume');
    default: return [];
  }
}

function validateEndpointsNamespace(namespace: Json, path: FieldPath): FieldError[] {
  if (namespace === undefined || namespace === null) return [];
  if (namespace === '') return [path.invalid(namespace, 'if the endpointnamespace is set, it must be a valid namespace name')];
  return isDns1123Label(String(namespace)).map(msg => path.invalid(namespace, msg));
}

/** validateCSIPersistentVolumeSource: a driver name, a volume handle, and valid secret references. */
function validateCsiSource(source: Json, path: FieldPath): FieldError[] {
  const errs = validateCsiDriverName(source?.driver, path.child('driver'));
  if (!nonEmpty(source?.volumeHandle)) errs.push(path.child('volumeHandle').required());
  for (const refName of CSI_SECRET_REFS) {
    const ref = source?.[refName];
    if (!isMap(ref)) continue;
    const at = path.child(refName);
    if (!nonEmpty(ref.name)) errs.push(at.child('name').required());
    else errs.push(...isDns1123Subdomain(ref.name).map(msg => at.child('name').invalid(ref.name, msg)));
    if (!nonEmpty(ref.namespace)) errs.push(at.child('namespace').required());
    else errs.push(...isDns1123Label(ref.namespace).map(msg => at.child('namespace').invalid(ref.namespace, msg)));
  }
  return errs;
}

/** Go's path.Clean, as far as "/" is concerned: "//", "/./" and "/a/.." are all the root. */
function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return p.startsWith('/') ? `/${parts.join('/')}` : parts.join('/') || '.';
}
