export { StorageMap, MapFormat } from './storage-map';
export type { MapOptions } from './storage-map';
