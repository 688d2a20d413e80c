import { NfsCsiAccessMode } from './nfs-access-mode';
import { enumValues } from '../core/checks';
import { DriverFacts } from '../core/driver-facts';

/** csi-driver-nfs. */
export const NFS_CSI_DRIVER: DriverFacts = {
  label: 'NFS CSI',
  provisioner: 'nfs.csi.k8s.io',
  accessModes: enumValues(NfsCsiAccessMode),
  // pkg/nfs/controllerserver.go isValidVolumeCapabilities: "block volume capability not supported".
  blockModeProblem: 'csi-driver-nfs serves file systems only ("block volume capability not supported")',
};
