export * from './reachability';
export * from './plan-json';
export * from './azure-evaluator';
export * from './aws-evaluator';
export * from './check';
export * from './report';
export * from './matchers';
