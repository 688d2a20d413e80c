export * from './nfs-access-mode';
export * from './nfs-on-delete';
export * from './nfs-share';
export * from './nfs-csi-storage-class';
export * from './nfs-snapshot-class';
