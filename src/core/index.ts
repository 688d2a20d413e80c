export { AccessMode } from './access-mode';
export { ClaimTemplate } from './claim-template';
export { StorageErrors } from './errors';
export { FsType } from './fs-type';
export { ReclaimPolicy, VolumeBindingMode, VolumeMode } from './policies';
export { PruneProtection, StorageDefaults } from './prune-protection';
export * from './storage-class';
export * from './volume-claim';
export * from './driver-facts';
