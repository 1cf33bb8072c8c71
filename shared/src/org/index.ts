export * from './tree';
export * from './orgs';
export * from './labels';
export * from './coverage';
export * from './roster-rows';
export * from './schemas';
