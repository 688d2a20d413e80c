export * from './efs-access-mode';
export * from './efs-claim';
export * from './efs-props';
export * from './efs-storage';
