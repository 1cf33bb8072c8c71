/**
 * Word segmentation for the tally. The default is the runtime's `Intl.Segmenter` (ICU, always there);
 * servers, benchmarks and tests install jieba (`@node-rs/jieba`, see jieba.ts) with `useSegmenter`,
 * which knows far more words (“转圈”, “爱答不理”, “上班族”). Both give words of the text in order.
 */
export type Segment = (text: string) => string[];

const icu = new Intl.Segmenter('zh', { granularity: 'word' });
const intlSegment: Segment = (text) => [...icu.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

let current: Segment = intlSegment;
let currentName = 'intl';

export function useSegmenter(segment: Segment, name: string): void {
  current = segment;
  currentName = name;
}

export function segmenterName(): string {
  return currentName;
}

export function segmentWords(text: string): string[] {
  return current(text);
}
