export * from './efs-access-mode';
export * from './efs-existing-volume';
export * from './efs-props';
export * from './efs-storage-class';
