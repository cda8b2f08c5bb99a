export * from './elements';
export * from './logical-id';
export * from './stable-json';
export * from './stack-document';
export * from './terraform-json';
