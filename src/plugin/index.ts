export * from './storage-check-plugin';
