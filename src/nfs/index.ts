export * from './nfs-access-mode';
export * from './nfs-share';
