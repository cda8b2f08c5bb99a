export * from './rule';
export * from './finding';
export * from './warning';
export * from './acknowledge';
export * from './check-rules';
export * from './text';
