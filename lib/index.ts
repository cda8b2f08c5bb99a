export * from './errors';
export * from './model';
export * from './input';
export * from './matrix';
export * from './platforms/azure';
export * from './platforms/aws';
export * from './cdktf/adcs-enrollment-security';
export * from './check';
