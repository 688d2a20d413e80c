export * from './spdk-credentials';
export * from './spdk-csi-driver';
export * from './spdk-types';
export * from './spdk-existing-volume';
export * from './spdk-volume-target';
