export * from './groups';
export * from './planner';
export * from './quota';
export * from './text';
export * from './shared-groups';
export * from './writer';
export * from './platform';
