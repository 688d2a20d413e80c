export * from './local-access-mode';
export * from './local-disk';
export * from './local-ssd-volume';
