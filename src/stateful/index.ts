export * from './pod-volume';
export * from './statefulstore';
export * from './store-container';
export * from './update-strategy';
