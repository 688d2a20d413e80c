export * from './core';
export * from './stateful';
