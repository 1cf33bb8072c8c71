// What regrouping a campaign's suggestions needs: the tally run, merging two items, moving a suggestion,
// and the lessons the tally learns from an admin's merge or move. All of it stands on the tally
// (lexicon, thesaurus, grouping: ~130 KB of code), so the function imports this module with the first
// such request (index.ts) and its other routes never load the tally.
export { startTally } from './tally-job';
export { liveItem, mergeItems, moveSuggestion } from './edits';
export { lessonFromMerge, lessonsFromMove } from '@kaimen/shared/tally/index';
export { loadJieba } from '@kaimen/shared/tally/jieba';
