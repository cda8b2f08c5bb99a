export * from './priorities';
export * from './planner';
export * from '../../cdktf/azure-nsg-rules';
