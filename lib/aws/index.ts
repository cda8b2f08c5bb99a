export * from './construct';
export * from './groups';
export * from './plan';
export * from './quota';
export * from './text';
export * from './shared-groups';
