export * from './guard-types';
export { StorageGuard } from './storage-guard';
