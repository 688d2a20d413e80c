export { StorageMap, MapFormat, MapOptions } from './storage-map';
