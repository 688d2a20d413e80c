export * from './core';
export * from './stateful';
export * from './local';
export * from './block';
export * from './nfs';
export * from './efs';
export * from './spdk';
export * from './guard';
