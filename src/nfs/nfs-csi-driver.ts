import { NfsCsiAccessMode } from './nfs-access-mode';
import { enumValues } from '../core/checks';
import { DriverFacts } from '../core/driver-facts';
import { fixedDriver, VolumeDriver } from '../core/volume-driver';

/** csi-driver-nfs. */
export const NFS_CSI_DRIVER: DriverFacts = {
  label: 'NFS CSI',
  provisioner: 'nfs.csi.k8s.io',
  accessModes: enumValues(NfsCsiAccessMode),
  // pkg/nfs/controllerserver.go isValidVolumeCapabilities: "block volume capability not supported".
  blockModeProblem: 'csi-driver-nfs serves file systems only ("block volume capability not supported")',
  // pkg/nfs/nfs.go (d3b27c00) advertises CLONE_VOLUME and CREATE_DELETE_SNAPSHOT (a tar archive of the
  // volume's directory), not MODIFY_VOLUME.
  snapshots: true,
  cloning: true,
  modifiesVolumes: false,
};

/** csi-driver-nfs in the registry that `check` reads. */
export const NFS_CSI_VOLUME_DRIVER: VolumeDriver = fixedDriver(NFS_CSI_DRIVER);
