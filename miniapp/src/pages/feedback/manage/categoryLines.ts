// Shared with the PC console.
export { categoriesToLines, isDefaultSet, linesToCategories } from '@kaimen/shared';
