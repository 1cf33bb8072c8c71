export * from './audience';
export * from './schemas';
export * from './rules';
