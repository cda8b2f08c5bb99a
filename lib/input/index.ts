export * from './props';
export * from './resolved';
export * from './resolve';
export * from './load';
export * from './schema';
export * from './platform-input';
export * from './default-estate';
export { validateShape } from './validate';
