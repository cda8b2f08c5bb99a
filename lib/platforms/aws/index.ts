export * from '../../cdktf/aws-security-group-rules';
export * from './groups';
export * from './planner';
export * from './quota';
export * from './text';
export * from './shared-groups';
