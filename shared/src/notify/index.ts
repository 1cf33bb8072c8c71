export * from './kinds';
export * from './quiet';
export * from './delivery';
export * from './schemas';
