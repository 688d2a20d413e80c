export * from './check-options';
export { StorageCheck } from './storage-check';
