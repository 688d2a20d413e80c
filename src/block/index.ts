export * from './azure-disk-options';
export * from './block-access-mode';
export * from './block-provider';
export * from './block-storage';
export * from './block-storage-class';
export * from './ebs-options';
export * from './gce-pd-options';
export * from './oci-options';
