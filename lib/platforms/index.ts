export * from './platform';
export * from './registry';
export * from './estate-plan';
