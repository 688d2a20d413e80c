export * from './guard-options';
export { StorageGuard } from './storage-guard';
