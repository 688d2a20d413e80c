export * from './check-types';
export { StorageCheck } from './storage-check';
export * from './storage-check-plugin';
