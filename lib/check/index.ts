export * from './reachability';
export * from './plan-json';
export * from '../platforms/azure/evaluator';
export * from '../platforms/aws/evaluator';
export * from './check';
export * from './report';
export * from './matchers';
