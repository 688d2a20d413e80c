/** The driver name: the default of spdk-csi's --drivername flag (cmd/main.go). */
export const SPDK_DRIVER = 'csi.spdk.io';
