export * from './errors';
export * from './model';
export * from './spec';
export * from './matrix';
export * from './azure';
export * from './aws';
export * from './construct/adcs-enrollment-security';
export * from './audit';
