import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseWordVectors, type WordVectors } from './vectors';

let loading: Promise<WordVectors | undefined> | undefined;

/** Where the vectors are: `TALLY_VECTORS` (a deployed function's copy), else node-synonyms' data file in node_modules. */
export function vectorsPath(): string {
  if (process.env.TALLY_VECTORS) return process.env.TALLY_VECTORS;
  return join(dirname(createRequire(import.meta.url).resolve('node-synonyms/package.json')), 'data', 'words.vector');
}

/** Words the tally can compare: two characters or more, Han only (words() drops digits and single characters). */
export const tallyWord = (w: string): boolean => w.length >= 2 && /^\p{Script=Han}+$/u.test(w);

/**
 * Loads the word vectors once per process (Node only: servers, benches, tests). Resolves to undefined
 * when the file is missing: the tally then groups by words and classes alone.
 */
export function loadVectors(path = vectorsPath()): Promise<WordVectors | undefined> {
  loading ??= readFile(path).then(
    (buf) => parseWordVectors(buf, tallyWord),
    () => undefined,
  );
  return loading;
}
