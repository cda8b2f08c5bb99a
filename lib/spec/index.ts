export * from './spec';
export * from './estate-plan';
