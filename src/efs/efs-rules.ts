import { EFS_DRIVER, efsClassProblems } from './efs-driver';
import { EfsExistingVolumeProps, EfsFileSystemIdReference, EfsMountOptions, EfsProvisioningMode, EfsStorageClassProps } from './efs-props';
import { isIpAddress } from '../core/addresses';
import { requireInteger } from '../core/checks';
import { invalid } from '../core/errors';
import { NameRule, validateName } from '../core/names';
import { csiSecretParameters, definedParameters } from '../core/parameters';

// ID formats the driver checks since v3.0.0 (hexSuffixRegex); v2 only checked the prefix.
const FILE_SYSTEM_ID = /^fs-[0-9a-f]{8,40}$/;
const ACCESS_POINT_ID = /^fsap-[0-9a-f]{8,40}$/;
// The variables subPathPattern may use, and the shortest each can expand to (a PV name is pvc-<uuid>).
const PATTERN_VARIABLES: { [variable: string]: number } = { '${.PVC.name}': 1, '${.PVC.namespace}': 1, '${.PV.name}': 40 };
const UNIQUE_SUFFIX_LENGTH = 37; // "-" and a UUID: controller.go CreateVolume adds it only to a subPathPattern directory
// validatePathRequirements: the access point root is at most 100 characters and 4 subdirectories deep.
const MAX_ROOT_LENGTH = 100;
const MAX_ROOT_SLASHES = 5;

export function checkFileSystemId(id: string, where: string): string {
  if (!FILE_SYSTEM_ID.test(id ?? '')) {
    throw invalid({ where, prop: 'fileSystemId', value: id, allowed: '"fs-" and 8 to 40 lower-case hex digits', fix: 'copy the id from the EFS console or `aws efs describe-file-systems`' });
  }
  return id;
}

/** The StorageClass parameters of access-point provisioning (`provisioningMode: efs-ap`). */
export function dynamicParameters(props: EfsStorageClassProps, where: string): { [key: string]: string } {
  const reject = (prop: string, value: unknown, allowed: string, fix: string): never => {
    throw invalid({ where, prop, value, allowed, fix });
  };
  if (props.fargate) {
    reject('fargate', true, 'static provisioning only: EKS Fargate does not support dynamic provisioning of EFS',
      'use an EfsExistingVolume with an access point you create (Fargate mounts EFS without the driver)');
  }
  const perms = props.directoryPerms ?? '700';
  if (!/^[0-7]{3,4}$/.test(perms)) reject('directoryPerms', perms, 'an octal mode such as "700" or "0750"', 'write the mode in octal digits');
  for (const [prop, value] of [['uid', props.uid], ['gid', props.gid]] as const) {
    requireInteger(where, prop, value, { min: 0, max: 4294967295, allowed: 'a POSIX id from 0 to 4294967295', fix: `give the ${prop} the access points' files should belong to, a whole number such as 1000` });
  }
  // parseAccessPointConstraints: gidRangeStart > 0 and gidRangeEnd > gidRangeStart. A gid alongside is valid: the range then gives the uid.
  const range = props.gidRange;
  if (range && (!Number.isInteger(range.start) || !Number.isInteger(range.end) || range.start < 1 || range.end <= range.start)) {
    reject('gidRange', range, 'whole numbers with start > 0 and end > start', 'for example { start: 50000, end: 60000 }');
  }
  if (props.ensureUniqueDirectory !== undefined && props.subPathPattern === undefined) {
    reject('ensureUniqueDirectory', props.ensureUniqueDirectory, 'ensureUniqueDirectory only with subPathPattern (the driver reads it only there; without a pattern the directory is the PV name, already unique)',
      'remove ensureUniqueDirectory, or set subPathPattern');
  }
  const secret = props.crossAccountSecret;
  if (secret) {
    validateName(secret.name, NameRule.DNS_SUBDOMAIN, where, 'crossAccountSecret.name');
    validateName(secret.namespaceName, NameRule.DNS_LABEL, where, 'crossAccountSecret.namespaceName');
  }
  // controller.go CreateVolume: the StorageClass `az` picks a mount target only when the provisioner secret has awsRoleArn.
  if (props.az !== undefined && props.crossAccountSecret === undefined) {
    reject('az', props.az, 'az only with crossAccountSecret (the driver reads az only for cross-account mounts)',
      'remove az (each node uses the mount target of its own zone), or set crossAccountSecret');
  }
  checkRootPath(props, where);
  const parameters = definedParameters([
    ['provisioningMode', props.provisioningMode ?? EfsProvisioningMode.EFS_ACCESS_POINT],
    ['fileSystemId', props.fileSystemId === undefined ? undefined : checkFileSystemId(props.fileSystemId, where)],
    ['fileSystemIdConfigRef', props.fileSystemIdConfigMap && idReference(props.fileSystemIdConfigMap, where, 'fileSystemIdConfigMap')],
    ['fileSystemIdSecretRef', props.fileSystemIdSecret && idReference(props.fileSystemIdSecret, where, 'fileSystemIdSecret')],
    ['enableTagging', props.enableTagging],
    ['directoryPerms', perms],
    ['uid', props.uid],
    ['gid', props.gid],
    ['gidRangeStart', range?.start],
    ['gidRangeEnd', range?.end],
    ['basePath', props.basePath],
    ['subPathPattern', props.subPathPattern],
    ['ensureUniqueDirectory', props.ensureUniqueDirectory],
    ['reuseAccessPoint', props.reuseAccessPoint],
    ['az', props.az],
    ['enforceZoneAffinity', props.enforceZoneAffinity],
    ...csiSecretParameters('provisioner', { name: props.crossAccountSecret?.name, namespace: props.crossAccountSecret?.namespaceName }),
  ]);
  for (const problem of efsClassProblems(parameters)) {
    reject(PROP_OF_PARAMETER[problem.parameter] ?? problem.parameter, problem.value, problem.allowed, problem.fix);
  }
  return parameters;
}

/** The prop each parameter comes from, for the construct's messages. */
const PROP_OF_PARAMETER: { readonly [parameter: string]: string } = { fileSystemIdConfigRef: 'fileSystemIdConfigMap', fileSystemIdSecretRef: 'fileSystemIdSecret' };

/** `namespace/name/key`, each part a valid name (filesystem_id_finder.go parseFileSystemIdRef). */
function idReference(ref: EfsFileSystemIdReference, where: string, prop: string): string {
  validateName(ref.namespaceName, NameRule.DNS_LABEL, where, `${prop}.namespaceName`);
  validateName(ref.name, NameRule.DNS_SUBDOMAIN, where, `${prop}.name`);
  if (!/^[-._a-zA-Z0-9]+$/.test(ref.key)) {
    throw invalid({ where, prop: `${prop}.key`, value: ref.key, allowed: 'a ConfigMap or Secret key (letters, digits, "-", "_", ".")', fix: 'name the key that holds the file system id' });
  }
  return `${ref.namespaceName}/${ref.name}/${ref.key}`;
}

/** The access point root the driver composes, checked with the shortest names it could be given. */
function checkRootPath(props: EfsStorageClassProps, where: string): void {
  const basePath = props.basePath ?? '';
  // The driver path.Joins "/", basePath and the directory, so a relative basePath starts at the root;
  // ".." would be resolved by that join to a directory other than the one written, so it is refused.
  if (basePath.split('/').includes('..')) {
    throw invalid({
      where,
      prop: 'basePath',
      value: basePath,
      allowed: 'a path without ".." (the driver\'s path.Join would resolve it to another directory than the one written)',
      fix: 'write the directory it should be, without ".."',
    });
  }
  // Without subPathPattern the directory is the PV name (pvc-<uuid>, 40 characters).
  const pattern = props.subPathPattern ?? '/${.PV.name}';
  let shortest = pattern;
  for (const [variable, length] of Object.entries(PATTERN_VARIABLES)) shortest = shortest.split(variable).join('x'.repeat(length));
  if (shortest.includes('${') || shortest.includes('}')) {
    throw invalid({
      where,
      prop: 'subPathPattern',
      value: pattern,
      allowed: `a path that uses no variables but ${Object.keys(PATTERN_VARIABLES).join(', ')}`,
      fix: 'remove the unknown ${...} variable',
    });
  }
  const root = `/${[basePath, shortest].join('/').split('/').filter(s => s !== '').join('/')}` +
    (props.subPathPattern === undefined || props.ensureUniqueDirectory === false ? '' : '-'.padEnd(UNIQUE_SUFFIX_LENGTH, 'x'));
  const slashes = root.split('/').length - 1;
  if (root.length > MAX_ROOT_LENGTH || slashes > MAX_ROOT_SLASHES) {
    throw invalid({
      where,
      prop: 'basePath and subPathPattern',
      value: `${basePath}${pattern}`,
      allowed: `an access point root of at most ${MAX_ROOT_LENGTH} characters and ${MAX_ROOT_SLASHES} "/" (this one has ${root.length} and ${slashes} even with the shortest names)`,
      fix: 'shorten basePath or subPathPattern, or use fewer directory levels',
    });
  }
}

/** `mountOptions` for the tls/iam switches; combinations the driver rejects are errors. */
export function efsMountOptions(options: EfsMountOptions, usesAccessPoint: boolean, where: string): string[] | undefined {
  const tls = options.encryptInTransit ?? true;
  if (!tls && usesAccessPoint) {
    throw invalid({ where, prop: 'encryptInTransit', value: false, allowed: 'true with an access point (the driver always mounts access points with TLS)', fix: 'remove encryptInTransit' });
  }
  if (!tls && options.iam) {
    throw invalid({ where, prop: 'iam', value: true, allowed: 'iam only with encryptInTransit (IAM authorization needs TLS)', fix: 'remove encryptInTransit: false, or iam' });
  }
  // tls itself is never written as a mount option: it is deprecated and fails with encryptInTransit "false".
  return options.iam ? ['iam'] : undefined;
}

/** The static PV's `csi` source: volumeHandle `fs-x[:path[:fsap-y]]` and only the attributes the driver accepts. */
export function staticCsiSource(props: EfsExistingVolumeProps, where: string) {
  const fs = checkFileSystemId(props.fileSystemId, where);
  const ap = props.accessPointId;
  if (ap !== undefined && !ACCESS_POINT_ID.test(ap)) {
    throw invalid({ where, prop: 'accessPointId', value: ap, allowed: '"fsap-" and 8 to 40 lower-case hex digits', fix: 'copy the id from `aws efs describe-access-points`' });
  }
  const subPath = props.subPath;
  if (subPath !== undefined && (!subPath.startsWith('/') || subPath.includes(':'))) {
    throw invalid({ where, prop: 'subPath', value: subPath, allowed: 'an absolute path without ":"', fix: `write "/${subPath.replace(/^\/+/, '')}"` });
  }
  // node.go NodePublishVolume: net.ParseIP, which takes IPv4 and IPv6.
  if (props.mountTargetIp !== undefined && !isIpAddress(props.mountTargetIp)) {
    throw invalid({ where, prop: 'mountTargetIp', value: props.mountTargetIp, allowed: 'an IPv4 or IPv6 address', fix: 'give the mount target\'s IP address' });
  }
  const volumeHandle = ap ? `${fs}:${subPath ?? ''}:${ap}` : subPath ? `${fs}:${subPath}` : fs;
  const volumeAttributes = definedParameters([
    ['encryptInTransit', props.encryptInTransit],
    ['mounttargetip', props.mountTargetIp],
  ]);
  return {
    driver: EFS_DRIVER.provisioner,
    volumeHandle,
    volumeAttributes: Object.keys(volumeAttributes).length > 0 ? volumeAttributes : undefined,
  };
}
