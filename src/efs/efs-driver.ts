import { EfsAccessMode } from './efs-access-mode';
import { enumValues } from '../core/checks';
import { DriverFacts } from '../core/driver-facts';

/** The EFS CSI driver (aws-efs-csi-driver). */
export const EFS_DRIVER: DriverFacts = {
  label: 'AWS EFS',
  provisioner: 'efs.csi.aws.com',
  accessModes: enumValues(EfsAccessMode),
  // pkg/driver/node.go validateAccessType: "only filesystem volumes are supported".
  blockModeProblem: 'the EFS driver serves file systems only ("only filesystem volumes are supported")',
};
