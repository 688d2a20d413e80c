export * from './check-options';
export { StorageCheck } from './storage-check';
export * from './storage-check-plugin';
