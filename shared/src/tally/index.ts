export * from './grouping';
export * from './heat';
export * from './title';
export * from './item-words';
export * from './metrics';
export { analyse, type Analysis } from './analyse';
export * from './summary';
export * from './lessons';
export { useSegmenter, segmentWords, segmenterName } from './segment';
