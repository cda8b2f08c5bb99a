export * from './registry';
export * from './host-config';
export * from './quote';
export * from './powershell';
export * from './render';
export * from './messages';
