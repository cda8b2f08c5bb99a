export * from './rule';
export * from './warning';
export * from './text';
