import { nonEmpty, validatePersistentVolumeClaimSpec } from './claim';
import { FieldError, FieldPath } from './field-error';
import { isDns1123Label, isDns1123Subdomain, isQualifiedName } from './names';
import { Json, isMap, validateAnnotations, validateLabels } from './object-meta';
import { listOf } from './selectors';
import { parseQuantity } from '../quantity';

/**
 * Pod volumes, volume mounts and volume devices, as ValidatePodSpec judges
 * them on a create (pkg/apis/core/validation/validation.go), after the Pod
 * strategy's drops and v1 defaulting: a volume without a source becomes an
 * emptyDir (SetDefaults_Volume); image volumes (ImageVolume) and
 * clusterTrustBundle projections are dropped, their gates being off.
 */

/** Volume sources in validateVolumeSource's order: the second and later are refused. */
const SOURCES = ['emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs', 'flocker',
  'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap', 'azureFile', 'vsphereVolume',
  'photonPersistentDisk', 'projected', 'azureDisk', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image'];

/** hostPath types (supportedHostPathTypes), sorted as NotSupported lists them. */
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';
const DOWNWARD_FIELDS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const PROPAGATION = ['Bidirectional', 'HostToContainer', 'None'];
const RECURSIVE_READ_ONLY = ['Disabled', 'Enabled', 'IfPossible'];
/** The Go field names of ObjectMeta as validateFieldAllowList spells them (first letter lower-cased), by JSON key. */
const META_FIELD_NAMES: { [json: string]: string } = { uid: 'uID', selfLink: 'selfLink' };

/** Volumes as the API server validates them: sources defaulted, image volumes dropped. */
export function volumesAsValidated(volumes: Json): Json[] {
  return listOf(volumes).filter(v => !isMap(v) || v.image === undefined || v.image === null);
}

/** ValidateVolumes: each volume's source, then its name (a DNS label, unique); the valid volumes by name for the mounts. */
export function validateVolumes(volumes: Json, path: FieldPath, podName?: string): { errors: FieldError[]; byName: Map<string, Json> } {
  const errors: FieldError[] = [];
  const byName = new Map<string, Json>();
  const all = listOf(volumes);
  // A Pod's ephemeral volume gets the claim <pod>-<volume>: a valid name that no other volume of the pod may name.
  const generated = new Set(podName === undefined ? [] : all.filter(v => isMap(v?.ephemeral) && nonEmpty(v?.name)).map(v => `${podName}-${v.name}`));
  all.forEach((volume, i) => {
    if (isMap(volume) && volume.image !== undefined && volume.image !== null) return;
    const at = path.index(i);
    const errs: FieldError[] = [];
    const name = volume?.name;
    if (generated.has(volume?.persistentVolumeClaim?.claimName)) {
      errs.push(at.child('persistentVolumeClaim', 'claimName').invalid(volume.persistentVolumeClaim.claimName, 'must not reference a PVC that gets created for an ephemeral volume'));
    }
    errs.push(...validateVolumeSource(isMap(volume) ? volume : {}, at));
    if (podName !== undefined && isMap(volume?.ephemeral) && nonEmpty(name)) {
      errs.push(...isDns1123Subdomain(`${podName}-${name}`).map(msg => at.child('name').invalid(name, `PVC name ${JSON.stringify(`${podName}-${name}`)}: ${msg}`)));
    }
    if (!nonEmpty(name)) errs.push(at.child('name').required());
    else errs.push(...isDns1123Label(name).map(msg => at.child('name').invalid(name, msg)));
    if (nonEmpty(name) && byName.has(name)) errs.push(at.child('name').duplicate(name));
    if (errs.length === 0) byName.set(name, volume);
    errors.push(...errs);
  });
  return { errors, byName };
}

function validateVolumeSource(volume: { [key: string]: Json }, path: FieldPath): FieldError[] {
  const present = SOURCES.filter(s => volume[s] !== undefined && volume[s] !== null);
  // SetDefaults_Volume: a volume without a source is an emptyDir.
  if (present.length === 0) return [];
  return [
    ...validateSource(present[0], volume[present[0]], path.child(present[0])),
    ...present.slice(1).map(s => path.child(s).forbidden('may not specify more than 1 volume type')),
  ];
}

const required = (source: Json, path: FieldPath, ...keys: string[]) => keys.filter(k => !nonEmpty(source?.[k])).map(k => path.child(k).required());

function validateSource(kind: string, source: Json, path: FieldPath): FieldError[] {
  switch (kind) {
    case 'hostPath': return validateHostPath(source, path);
    case 'emptyDir': return validateEmptyDir(source, path);
    case 'gitRepo': return [...required(source, path, 'repository'),
      ...(nonEmpty(source?.directory) ? validateLocalDescendingPath(source.directory, path.child('directory')) : [])];
    case 'persistentVolumeClaim': return required(source, path, 'claimName');
    case 'secret': return [...required(source, path, 'secretName'), ...validateKeys(source, path)];
    case 'configMap': return [...required(source, path, 'name'), ...validateKeys(source, path)];
    case 'downwardAPI': return [...validateFileMode(source?.defaultMode, path.child('defaultMode')),
      ...listOf(source?.items).flatMap(item => validateDownwardApiFile(item, path))];
    case 'projected': return validateProjected(source, path);
    case 'ephemeral': return validateEphemeral(source, path);
    case 'nfs': return validateNfs(source, path);
    case 'csi': return validateCsi(source, path);
    case 'glusterfs': return required(source, path, 'endpoints', 'path');
    case 'rbd': return [...(listOf(source?.monitors).length === 0 ? [path.child('monitors').required()] : []), ...required(source, path, 'image')];
    case 'cephfs': return listOf(source?.monitors).length === 0 ? [path.child('monitors').required()] : [];
    case 'cinder': return required(source, path, 'volumeID');
    case 'azureFile': return required(source, path, 'secretName', 'shareName');
    case 'azureDisk': return required(source, path, 'diskName', 'diskURI');
    case 'scaleIO': return required(source, path, 'gateway', 'system', 'volumeName');
    case 'flexVolume': return required(source, path, 'driver');
    case 'iscsi': return required(source, path, 'targetPortal', 'iqn');
    case 'quobyte': return [...(nonEmpty(source?.registry) ? [] : [path.child('registry').required('must be a host:port pair or multiple pairs separated by commas')]),
      ...required(source, path, 'volume')];
    case 'flocker': return validateFlocker(source, path);
    case 'fc': return validateFc(source, path);
    default: return [];
  }
}

/** validateHostPathVolumeSource: a path without ".." (it need not be absolute), and a known type. */
function validateHostPath(source: Json, path: FieldPath): FieldError[] {
  if (!nonEmpty(source?.path)) return [path.child('path').required()];
  const errs = validatePathNoBacksteps(source.path, path.child('path'));
  const type = source.type ?? '';
  if (!HOST_PATH_TYPES.includes(type)) errs.push(path.child('type').notSupported(type, HOST_PATH_TYPES));
  return errs;
}

function validateEmptyDir(source: Json, path: FieldPath): FieldError[] {
  const limit = source?.sizeLimit;
  if (limit === undefined || limit === null) return [];
  const thousandths = parseQuantity(String(limit));
  return thousandths !== undefined && thousandths < 0n ? [path.child('sizeLimit').forbidden('SizeLimit field must be a valid resource quantity')] : [];
}

/** The defaultMode and items of a secret or configMap volume. */
function validateKeys(source: Json, path: FieldPath): FieldError[] {
  return [
    ...validateFileMode(source?.defaultMode, path.child('defaultMode')),
    ...listOf(source?.items).flatMap((item, i) => validateKeyToPath(item, path.child('items').index(i))),
  ];
}

/** validateKeyToPath. */
function validateKeyToPath(item: Json, path: FieldPath): FieldError[] {
  return [
    ...required(item, path, 'key', 'path'),
    ...validateLocalNonReservedPath(typeof item?.path === 'string' ? item.path : '', path.child('path'), nonEmpty(item?.path)),
    ...validateFileMode(item?.mode, path.child('mode')),
  ];
}

function validateFileMode(mode: Json, path: FieldPath): FieldError[] {
  return typeof mode === 'number' && (mode > 0o777 || mode < 0) ? [path.invalid(mode, FILE_MODE_MSG)] : [];
}

/** validateDownwardAPIVolumeFile: reported at the downwardAPI's path, without the item's index (as the Go code does). */
function validateDownwardApiFile(item: Json, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!nonEmpty(item?.path)) errs.push(path.child('path').required());
  else errs.push(...validateLocalNonReservedPath(item.path, path.child('path'), true));
  const { fieldRef, resourceFieldRef } = item ?? {};
  if (isMap(fieldRef)) {
    const fieldPath = fieldRef.fieldPath;
    if (!nonEmpty(fieldPath)) {errs.push(path.child('fieldRef', 'fieldPath').required());} else if (!DOWNWARD_FIELDS.includes(fieldPath)) {
      const subscript = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
      if (!subscript) errs.push(path.child('fieldRef', 'fieldPath').notSupported(fieldPath, DOWNWARD_FIELDS));
      else errs.push(...isQualifiedName(subscript[2].toLowerCase()).map(msg => path.child('fieldRef', 'fieldPath').invalid(fieldPath, msg)));
    }
    if (isMap(resourceFieldRef)) errs.push(path.invalid('resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (isMap(resourceFieldRef)) {
    if (!nonEmpty(resourceFieldRef.containerName)) errs.push(path.child('resourceFieldRef', 'containerName').required());
  } else {
    errs.push(path.required('one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...validateFileMode(item?.mode, path.child('mode')));
  return errs;
}

/** validateProjectedVolumeSource: one projection per source, each valid, and no two files at one path. */
function validateProjected(source: Json, path: FieldPath): FieldError[] {
  const errs = validateFileMode(source?.defaultMode, path.child('defaultMode'));
  const paths = new Set<string>();
  const claim = (p: Json) => {
    if (typeof p !== 'string') return;
    if (paths.has(p)) errs.push(path.invalid(p, 'conflicting duplicate paths'));
    paths.add(p);
  };
  listOf(source?.sources).forEach((projection, k) => {
    const at = path.child('sources').index(k);
    // clusterTrustBundle (and podCertificate) projections are dropped: their gates are off.
    const kinds = ['secret', 'downwardAPI', 'configMap', 'serviceAccountToken'].filter(kind => isMap(projection?.[kind]));
    if (kinds.length > 1) errs.push(at.forbidden('may not specify more than 1 volume type per source'));
    if (isMap(projection?.secret)) {
      errs.push(...required(projection.secret, at.child('secret'), 'name'));
      listOf(projection.secret.items).forEach((item, j) => { errs.push(...validateKeyToPath(item, at.child('secret', 'items').index(j))); claim(item?.path); });
    }
    if (isMap(projection?.configMap)) {
      errs.push(...required(projection.configMap, at.child('configMap'), 'name'));
      listOf(projection.configMap.items).forEach((item, j) => { errs.push(...validateKeyToPath(item, at.child('configMap', 'items').index(j))); claim(item?.path); });
    }
    if (isMap(projection?.downwardAPI)) {
      listOf(projection.downwardAPI.items).forEach(item => { errs.push(...validateDownwardApiFile(item, at.child('downwardAPI'))); claim(item?.path); });
    }
    if (isMap(projection?.serviceAccountToken)) errs.push(...validateServiceAccountToken(projection.serviceAccountToken, at, path));
  });
  return errs;
}

/** The serviceAccountToken projection: 10 minutes to 2^32 seconds, and a local path (reported at the projected volume's path). */
function validateServiceAccountToken(token: { [key: string]: Json }, at: FieldPath, projectedPath: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seconds = token.expirationSeconds;
  if (typeof seconds === 'number') {
    if (seconds < 600) errs.push(at.child('serviceAccountToken', 'expirationSeconds').invalid(seconds, 'may not specify a duration less than 10 minutes'));
    if (seconds > 2 ** 32) errs.push(at.child('serviceAccountToken', 'expirationSeconds').invalid(seconds, 'may not specify a duration larger than 2^32 seconds'));
  }
  if (!nonEmpty(token.path)) errs.push(projectedPath.child('path').required());
  else errs.push(...validateLocalNonReservedPath(token.path, projectedPath.child('path'), true));
  return errs;
}

/** validateEphemeralVolumeSource: a claim template whose metadata holds only labels and annotations, and a valid claim spec. */
function validateEphemeral(source: Json, path: FieldPath): FieldError[] {
  const template = source?.volumeClaimTemplate;
  if (!isMap(template)) return [path.child('volumeClaimTemplate').required()];
  const at = path.child('volumeClaimTemplate');
  const meta = isMap(template.metadata) ? template.metadata : {};
  return [
    ...validateAnnotations(meta.annotations, at.child('metadata', 'annotations')),
    ...validateLabels(meta.labels, at.child('metadata', 'labels')),
    ...Object.keys(meta).filter(k => k !== 'labels' && k !== 'annotations' && meta[k] !== undefined && meta[k] !== null)
      .map(k => at.child('metadata', META_FIELD_NAMES[k] ?? k).forbidden('cannot be set')),
    ...validatePersistentVolumeClaimSpec(template.spec, at.child('spec')),
  ];
}

/** validateNFSVolumeSource: a server, and an absolute path. */
export function validateNfs(source: Json, path: FieldPath): FieldError[] {
  const errs = required(source, path, 'server', 'path');
  if (typeof source?.path !== 'string' || !source.path.startsWith('/')) errs.push(path.child('path').invalid(source?.path ?? '', 'must be an absolute path'));
  return errs;
}

/** validateCSIVolumeSource: ValidateCSIDriverName, and a valid secret name (reported at csi.name, as the Go code does). */
function validateCsi(source: Json, path: FieldPath): FieldError[] {
  const errs = validateCsiDriverName(source?.driver, path.child('driver'));
  const ref = source?.nodePublishSecretRef;
  if (isMap(ref)) {
    if (!nonEmpty(ref.name)) errs.push(path.child('nodePublishSecretRef', 'name').required());
    else errs.push(...isDns1123Subdomain(ref.name).map(msg => path.child('name').invalid(ref.name, msg)));
  }
  return errs;
}

/** ValidateCSIDriverName: required, at most 63 bytes, a DNS subdomain once lower-cased. */
export function validateCsiDriverName(driver: Json, path: FieldPath): FieldError[] {
  const name = typeof driver === 'string' ? driver : '';
  const errs: FieldError[] = [];
  if (name === '') errs.push(path.required());
  if (name.length > 63) errs.push(path.tooLong(63));
  errs.push(...isDns1123Subdomain(name.toLowerCase()).map(msg => path.invalid(name, msg)));
  return errs;
}

function validateFlocker(source: Json, path: FieldPath): FieldError[] {
  const [name, uuid] = [nonEmpty(source?.datasetName), nonEmpty(source?.datasetUUID)];
  if (!name && !uuid) return [path.required('one of datasetName and datasetUUID is required')];
  if (name && uuid) return [path.invalid('resource', 'datasetName and datasetUUID can not be specified simultaneously')];
  return name && source.datasetName.includes('/') ? [path.child('datasetName').invalid(source.datasetName, 'must not contain \'/\'')] : [];
}

function validateFc(source: Json, path: FieldPath): FieldError[] {
  const [wwns, wwids] = [listOf(source?.targetWWNs).length > 0, listOf(source?.wwids).length > 0];
  if (!wwns && !wwids) return [path.child('targetWWNs').required('must specify either targetWWNs or wwids, but not both')];
  if (wwns && wwids) return [path.child('targetWWNs').invalid(source.targetWWNs, 'targetWWNs and wwids can not be specified simultaneously')];
  if (!wwns) return [];
  const lun = source.lun;
  if (lun === undefined || lun === null) return [path.child('lun').required('lun is required if targetWWNs is specified')];
  return typeof lun === 'number' && (lun < 0 || lun > 255) ? [path.child('lun').invalid(lun, 'must be between 0 and 255, inclusive')] : [];
}

/** validatePathNoBacksteps: no ".." element. */
export function validatePathNoBacksteps(target: string, path: FieldPath, message = 'must not contain \'..\''): FieldError[] {
  return target.replace(/\\/g, '/').split('/').includes('..') ? [path.invalid(target, message)] : [];
}

/** validateLocalDescendingPath: relative, and no "..". */
export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  return [
    ...(target.startsWith('/') ? [path.invalid(target, 'must be a relative path')] : []),
    ...validatePathNoBacksteps(target, path),
  ];
}

/** ValidateLocalNonReservedPath: a descending path that does not start with ".." (checked when the path is given). */
export function validateLocalNonReservedPath(target: string, path: FieldPath, given: boolean): FieldError[] {
  if (!given) return [];
  return [
    ...validateLocalDescendingPath(target, path),
    ...(target.startsWith('..') && !target.startsWith('../') ? [path.invalid(target, 'must not start with \'..\'')] : []),
  ];
}

/**
 * ValidateVolumeMounts and ValidateVolumeDevices of one container. The Go
 * code reports a bad subPath, subPathExpr, mountPropagation and
 * recursiveReadOnly at the list's path, without the mount's index.
 */
export function validateContainerVolumeUses(container: Json, volumes: Map<string, Json>, path: FieldPath): FieldError[] {
  const mounts = listOf(container?.volumeMounts);
  const devices = listOf(container?.volumeDevices);
  const privileged = container?.securityContext?.privileged === true;
  return [...validateMounts(mounts, devices, volumes, privileged, path.child('volumeMounts')), ...validateDevices(devices, mounts, volumes, path.child('volumeDevices'))];
}

function validateMounts(mounts: Json[], devices: Json[], volumes: Map<string, Json>, privileged: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  mounts.forEach((mount, i) => {
    const at = path.index(i);
    if (!nonEmpty(mount?.name)) errs.push(at.child('name').required());
    if (!volumes.has(mount?.name)) errs.push(at.child('name').notFound(mount?.name ?? ''));
    if (!nonEmpty(mount?.mountPath)) errs.push(at.child('mountPath').required());
    if (mountPaths.has(mount?.mountPath)) errs.push(at.child('mountPath').invalid(mount.mountPath, 'must be unique'));
    mountPaths.add(mount?.mountPath);
    if (devices.some(d => d?.name === mount?.name)) errs.push(at.child('name').invalid(mount.name, 'must not already exist in volumeDevices'));
    if (devices.some(d => d?.devicePath === mount?.mountPath)) errs.push(at.child('mountPath').invalid(mount.mountPath, 'must not already exist as a path in volumeDevices'));
    if (nonEmpty(mount?.subPath)) errs.push(...validateLocalDescendingPath(mount.subPath, path.child('subPath')));
    if (nonEmpty(mount?.subPathExpr)) {
      if (nonEmpty(mount?.subPath)) errs.push(at.child('subPathExpr').invalid(mount.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(mount.subPathExpr, path.child('subPathExpr')));
    }
    errs.push(...validatePropagation(mount?.mountPropagation, privileged, path.child('mountPropagation')));
    errs.push(...validateRecursiveReadOnly(mount, path.child('recursiveReadOnly')));
  });
  return errs;
}

function validatePropagation(mode: Json, privileged: boolean, path: FieldPath): FieldError[] {
  if (mode === undefined || mode === null) return [];
  if (!PROPAGATION.includes(mode)) return [path.notSupported(mode, PROPAGATION)];
  return mode === 'Bidirectional' && !privileged ? [path.forbidden('Bidirectional mount propagation is available only to privileged containers')] : [];
}

function validateRecursiveReadOnly(mount: Json, path: FieldPath): FieldError[] {
  const mode = mount?.recursiveReadOnly;
  if (mode === undefined || mode === null || mode === 'Disabled') return [];
  if (!RECURSIVE_READ_ONLY.includes(mode)) return [path.notSupported(mode, RECURSIVE_READ_ONLY)];
  const errs: FieldError[] = [];
  if (mount.readOnly !== true) errs.push(path.forbidden('may only be specified when readOnly is true'));
  if (mount.mountPropagation !== undefined && mount.mountPropagation !== null && mount.mountPropagation !== 'None') {
    errs.push(path.forbidden('may only be specified when mountPropagation is None or not specified'));
  }
  return errs;
}

function validateDevices(devices: Json[], mounts: Json[], volumes: Map<string, Json>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  const devicePaths = new Set<string>();
  devices.forEach((device, i) => {
    const at = path.index(i);
    const name = device?.name;
    if (!nonEmpty(name)) errs.push(at.child('name').required());
    if (names.has(name)) errs.push(at.child('name').invalid(name, 'must be unique'));
    const volume = volumes.get(name);
    if (volume && !isMap(volume.persistentVolumeClaim) && !isMap(volume.ephemeral)) {
      errs.push(at.child('name').invalid(name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    } else if (nonEmpty(name) && !volume) {
      errs.push(at.child('name').notFound(name));
    }
    if (!nonEmpty(device?.devicePath)) errs.push(at.child('devicePath').required());
    if (devicePaths.has(device?.devicePath)) errs.push(at.child('devicePath').invalid(device.devicePath, 'must be unique'));
    if (nonEmpty(device?.devicePath)) errs.push(...validatePathNoBacksteps(device.devicePath, at.child('devicePath'), 'can not contain backsteps (\'..\')'));
    if (mounts.some(m => m?.name === name)) errs.push(at.child('name').invalid(name, 'must not already exist in volumeMounts'));
    if (mounts.some(m => m?.mountPath === device?.devicePath)) errs.push(at.child('devicePath').invalid(device.devicePath, 'must not already exist as a path in volumeMounts'));
    names.add(name);
    devicePaths.add(device?.devicePath);
  });
  return errs;
}
