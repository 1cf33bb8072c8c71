export * from './grouping';
export * from './heat';
export * from './title';
export * from './metrics';
export { analyse, type Analysis } from './analyse';
export * from './summary';
