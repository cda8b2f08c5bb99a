export * from './priorities';
export * from './planner';
export * from './writer';
export * from './shared-nsgs';
export * from './platform';
