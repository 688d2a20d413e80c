import { SpdkAccessMode } from './spdk-types';
import { enumValues } from '../core/checks';
import { DriverFacts } from '../core/driver-facts';
import { fixedDriver, VolumeDriver } from '../core/volume-driver';

/** The driver name: the default of spdk-csi's --drivername flag (cmd/main.go). */
export const SPDK_DRIVER = 'csi.spdk.io';

/** What spdk-csi serves. */
export const SPDK_DRIVER_FACTS: DriverFacts = {
  label: 'SPDK CSI',
  provisioner: SPDK_DRIVER,
  accessModes: enumValues(SpdkAccessMode),
  // pkg/spdk/nodeserver.go stageVolume formats and mounts every volume it stages; there is no raw-device path.
  blockModeProblem: 'spdk-csi stages every volume as a mounted file system (nodeserver.go stageVolume), so Block volumes are not served',
  // pkg/spdk/driver.go (a721360) advertises CREATE_DELETE_VOLUME and CREATE_DELETE_SNAPSHOT only; a restore is an
  // lvol clone of the snapshot on its node (controllerserver.go), a claim source is refused.
  snapshots: true,
  cloning: false,
  modifiesVolumes: false,
};

/** spdk-csi in the registry that `check` reads. */
export const SPDK_VOLUME_DRIVER: VolumeDriver = fixedDriver(SPDK_DRIVER_FACTS);
