export * from './question';
export * from './bank-rows';
export * from './random';
export * from './shuffle';
export * from './draw';
export * from './grade';
export * from './quiz';
export * from './results';
