export * from './check';
export * from './report';
