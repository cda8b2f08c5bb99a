export * from './check';
export * from './report';
export * from './matchers';
export * from './stack-check';
