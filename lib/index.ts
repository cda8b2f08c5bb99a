export * from './public';
export * from './cdktf';
