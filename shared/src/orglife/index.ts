export * from './meetings';
export * from './rules';
export * from './report';
export * from './tasks';
export * from './compliance';
