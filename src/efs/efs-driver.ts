import { Size } from 'cdk8s';
import { EfsAccessMode } from './efs-access-mode';
import { enumValues } from '../core/checks';
import { DriverFacts } from '../core/driver-facts';
import { ClassProblem, fixedDriver, VolumeDriver } from '../core/volume-driver';

/** The EFS CSI driver (aws-efs-csi-driver). */
export const EFS_DRIVER: DriverFacts = {
  label: 'AWS EFS',
  provisioner: 'efs.csi.aws.com',
  accessModes: enumValues(EfsAccessMode),
  // pkg/driver/node.go validateAccessType: "only filesystem volumes are supported".
  blockModeProblem: 'the EFS driver serves file systems only ("only filesystem volumes are supported")',
  // pkg/driver/controller.go (a4fc6760): the only controller capability is CREATE_DELETE_VOLUME; CreateSnapshot and ControllerModifyVolume are Unimplemented.
  snapshots: false,
  cloning: false,
  modifiesVolumes: false,
};

/** The access point provisioning modes (pkg/driver/controller.go CreateVolume). */
const PROVISIONING_MODES = ['efs-ap', 's3files-ap'];
/** Where the file system id comes from: exactly one (pkg/driver/filesystem_id_finder.go validateFileSystemIdRefs). */
const FILE_SYSTEM_ID_SOURCES = ['fileSystemId', 'fileSystemIdConfigRef', 'fileSystemIdSecretRef'];
/** Values Go's strconv.ParseBool accepts. */
const GO_BOOLEANS = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];

/**
 * What the EFS driver refuses in a class's parameters, read by exact,
 * case-sensitive keys (aws-efs-csi-driver a4fc6760 pkg/driver/controller.go
 * CreateVolume, pkg/driver/filesystem_id_finder.go): the constructs throw the
 * first, and check reports each.
 */
export function efsClassProblems(parameters: { readonly [key: string]: string }): ClassProblem[] {
  const problems: ClassProblem[] = [];
  const mode = parameters.provisioningMode;
  if (!PROVISIONING_MODES.includes(mode)) {
    problems.push({ parameter: 'provisioningMode', value: mode, allowed: `${PROVISIONING_MODES.join(' or ')} (the driver refuses others, and a class without it)`, fix: 'set provisioningMode: efs-ap' });
  }
  const sources = FILE_SYSTEM_ID_SOURCES.filter(key => parameters[key] !== undefined);
  if (sources.length !== 1) {
    problems.push({
      parameter: sources[1] ?? 'fileSystemId',
      value: sources.length === 0 ? undefined : sources.join(' and '),
      allowed: `exactly one of ${FILE_SYSTEM_ID_SOURCES.join(', ')} (the driver refuses "${sources.length === 0 ? 'one of' : 'only one of'} fileSystemId, fileSystemIdConfigRef, or fileSystemIdSecretRef")`,
      fix: 'give the file system id one way',
    });
  }
  for (const key of ['fileSystemIdConfigRef', 'fileSystemIdSecretRef']) {
    const ref = parameters[key];
    if (ref !== undefined && (ref.split('/').length !== 3 || ref.split('/').some(part => part.trim() === ''))) {
      problems.push({ parameter: key, value: ref, allowed: 'namespace/name/key (the driver refuses "invalid reference format, expected namespace/name/key")', fix: `write ${key} as namespace/name/key` });
    }
  }
  const tagging = parameters.enableTagging;
  if (tagging !== undefined && !GO_BOOLEANS.includes(tagging)) {
    problems.push({ parameter: 'enableTagging', value: tagging, allowed: 'true or false (the driver refuses "Invalid value for enableTagging parameter")', fix: 'write true or false' });
  }
  if (mode === 's3files-ap') {
    for (const key of ['reuseAccessPoint', 'az'].filter(k => parameters[k] !== undefined)) {
      problems.push({ parameter: key, value: parameters[key], allowed: `${key} only with efs-ap (the driver refuses it "for s3files file systems")`, fix: `remove ${key}` });
    }
  }
  return problems;
}

/** The EFS driver in the registry that `check` reads. */
export const EFS_VOLUME_DRIVER: VolumeDriver = fixedDriver(EFS_DRIVER, { classProblems: efsClassProblems });

/** EFS ignores capacity; Kubernetes requires one on a claim and a PV. The driver's examples use 5Gi. */
export const EFS_PLACEHOLDER_SIZE = Size.gibibytes(5);
