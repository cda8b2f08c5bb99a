export * from './priorities';
export * from './plan';
export * from './construct';
