import { useSegmenter, segmenterName } from './segment';

let loading: Promise<void> | undefined;

/**
 * Loads jieba (a native module with a 5 MB dictionary, ~0.5 s) once per process and makes it the tally's
 * segmenter. Node only: never imported by the mini-program. When the native binary is missing for this
 * platform the tally keeps `Intl.Segmenter` (coarser, still word-based) and says so in the log line the
 * caller writes from the returned name.
 */
export function loadJieba(): Promise<string> {
  loading ??= (async () => {
    try {
      const { Jieba } = await import('@node-rs/jieba');
      const { dict } = await import('@node-rs/jieba/dict.js');
      const jieba = Jieba.withDict(dict);
      // Without HMM: dictionary words only (HMM guesses glue fragments such as “人修” from unknown runs).
      useSegmenter((text) => jieba.cut(text, false), 'jieba');
    } catch {
      // Keep the ICU segmenter.
    }
  })();
  return loading.then(segmenterName);
}
