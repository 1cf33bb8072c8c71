export * from './projects';
export * from './outcomes';
