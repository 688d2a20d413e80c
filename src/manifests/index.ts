export * from './source-location';
