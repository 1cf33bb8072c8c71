export * from './posts';
export * from './photo';
