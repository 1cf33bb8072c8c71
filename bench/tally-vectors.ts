/**
 * How well word vectors tell paraphrases apart (`npx tsx bench/tally-vectors.ts`): for every pair of
 * suggestions of one service in the development sets (campaign data, heldout.ts, heldout-b.ts), the
 * cosine of their IDF-weighted mean word vectors; prints, per cosine threshold, how many same-problem and
 * different-problem pairs reach it, overall and among pairs the lexical tally leaves apart. Never reads
 * heldout-c (the test set).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { analyse } from '../shared/src/tally/analyse';
import { heldoutSuggestions } from '../shared/src/tally/fixtures/heldout';
import { heldoutB } from '../shared/src/tally/fixtures/heldout-b';
import { loadJieba } from '../shared/src/tally/jieba';
import { loadVectors } from '../shared/src/tally/vectors-node';
import { cosine, textVector } from '../shared/src/tally/vectors';

type Row = { content: string; category: string; channel: string; group: string };
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csv = parse(readFileSync(resolve(root, '../shared/data/suggestions.csv')), { columns: true, skip_empty_lines: true }) as Row[];
const sets: Record<string, readonly Row[]> = { csv, h1: heldoutSuggestions, hb: heldoutB };
await loadJieba();
const t0 = performance.now();
const vectors = await loadVectors();
if (!vectors) throw new Error('no vectors');
console.log(`vectors: ${vectors.index.size} words, loaded in ${(performance.now() - t0).toFixed(0)} ms`);
const word = (g: string) => !'#@~`^'.includes(g[0] as string);
for (const [name, rows] of Object.entries(sets)) {
  const as = rows.map((r) => analyse(r.content, r.category));
  const df = new Map<string, number>();
  for (const a of as) for (const g of a.grams.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = (g: string) => Math.log((rows.length + 1) / ((df.get(g) ?? 0) + 1)) + 1;
  const vs = as.map((a) => textVector(vectors, [...a.grams].filter(([g]) => word(g)).map(([g, c]) => [g, (1 + Math.log(c)) * idf(g)])));
  const thresholds = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9];
  const same = thresholds.map(() => 0);
  const diff = thresholds.map(() => 0);
  let sameTotal = 0;
  for (let i = 0; i < rows.length; i++) for (let j = i + 1; j < rows.length; j++) {
    if (as[i]?.service !== as[j]?.service) continue;
    const a = vs[i];
    const b = vs[j];
    const isSame = rows[i]?.group === rows[j]?.group;
    if (isSame) sameTotal++;
    if (!a || !b) continue;
    const c = cosine(a, b);
    thresholds.forEach((t, k) => {
      if (c < t) return;
      if (isSame) same[k]!++;
      else diff[k]!++;
    });
  }
  console.log(`${name}: ${sameTotal} same-problem pairs within a service`);
  thresholds.forEach((t, k) => console.log(`  cos ≥ ${t}: same ${same[k]} different ${diff[k]} (precision ${((same[k] ?? 0) / Math.max(1, (same[k] ?? 0) + (diff[k] ?? 0))).toFixed(2)})`));
}
