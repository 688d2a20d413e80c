import { Size } from 'cdk8s';
import { EfsAccessMode } from './efs-access-mode';
import { enumValues } from '../core/checks';
import { DriverFacts } from '../core/driver-facts';
import { fixedDriver, VolumeDriver } from '../core/volume-driver';

/** The EFS CSI driver (aws-efs-csi-driver). */
export const EFS_DRIVER: DriverFacts = {
  label: 'AWS EFS',
  provisioner: 'efs.csi.aws.com',
  accessModes: enumValues(EfsAccessMode),
  // pkg/driver/node.go validateAccessType: "only filesystem volumes are supported".
  blockModeProblem: 'the EFS driver serves file systems only ("only filesystem volumes are supported")',
};

/** The EFS driver in the registry that `check` reads. */
export const EFS_VOLUME_DRIVER: VolumeDriver = fixedDriver(EFS_DRIVER);

/** EFS ignores capacity; Kubernetes requires one on a claim and a PV. The driver's examples use 5Gi. */
export const EFS_PLACEHOLDER_SIZE = Size.gibibytes(5);
