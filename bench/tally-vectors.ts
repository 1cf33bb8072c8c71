/**
 * Do word vectors tell paraphrases of one problem from different problems? (`TALLY_VECTORS=…/words.vector
 * npx tsx bench/tally-vectors.ts`; the data: see vectorsPath() in lib/word-vectors.ts.) On every pair of
 * suggestions of one service in the development sets (campaign data, heldout.ts, heldout-b.ts), two
 * signals a tally could use, counted by threshold over same-problem and different-problem pairs:
 *  - the cosine of the two suggestions' IDF-weighted mean word vectors (SIF-like);
 *  - soft synonyms: pairs of words, one in each suggestion and not in the other, at least this alike
 *    (what a soft match would add).
 * Also the load time and memory of the vectors, and the nearest words of a few of the sector's words.
 * Never reads heldout-c (the test set).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { analyse } from '../shared/src/tally/analyse';
import { heldoutSuggestions } from '../shared/src/tally/fixtures/heldout';
import { heldoutB } from '../shared/src/tally/fixtures/heldout-b';
import { loadJieba } from '../shared/src/tally/jieba';
import { cosine, loadVectors, nearest, textVector, wordCosine } from './lib/word-vectors';

type Row = { content: string; category: string; channel: string; group: string };
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csv = parse(readFileSync(resolve(root, '../shared/data/suggestions.csv')), { columns: true, skip_empty_lines: true }) as Row[];
const sets: Record<string, readonly Row[]> = { csv, h1: heldoutSuggestions, hb: heldoutB };
await loadJieba();

const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const vectors = await loadVectors();
const loadMs = performance.now() - t0;
console.log(`vectors: ${vectors.index.size} words × ${vectors.dim}, loaded in ${loadMs.toFixed(0)} ms, ${(vectors.data.byteLength / 2 ** 20).toFixed(0)} MB of floats, RSS +${((process.memoryUsage().rss - rss0) / 2 ** 20).toFixed(0)} MB`);
for (const w of ['方言', '矫正', '审批', '隐私', '调解', '轮椅']) {
  console.log(`  ${w}: ${nearest(vectors, w, 6).map(([x, c]) => `${x} ${c.toFixed(2)}`).join(', ')}`);
}

const isWord = (g: string) => !'#@~`^'.includes(g[0] as string);
const pct = (same: number, diff: number) => `${same} same / ${diff} different (precision ${(same / Math.max(1, same + diff)).toFixed(2)})`;
for (const [name, rows] of Object.entries(sets)) {
  const as = rows.map((r) => analyse(r.content, r.category));
  const df = new Map<string, number>();
  for (const a of as) for (const g of a.grams.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = (g: string) => Math.log((rows.length + 1) / ((df.get(g) ?? 0) + 1)) + 1;
  const words = as.map((a) => [...a.grams].filter(([g]) => isWord(g)));
  const known = words.flat().filter(([g]) => vectors.index.has(g)).length;
  const means = words.map((ws) => textVector(vectors, ws.map(([g, c]) => [g, (1 + Math.log(c)) * idf(g)])));
  const meanCuts = [0.6, 0.7, 0.75, 0.8];
  const linkCuts = [0.6, 0.7, 0.75, 0.8];
  const mean = meanCuts.map(() => [0, 0]);
  const link = linkCuts.map(() => [0, 0]);
  let samePairs = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      if (as[i]?.service !== as[j]?.service) continue;
      const k = rows[i]?.group === rows[j]?.group ? 0 : 1;
      samePairs += 1 - k;
      const [a, b] = [means[i], means[j]];
      if (a && b) {
        const c = cosine(a, b);
        meanCuts.forEach((t, n) => c >= t && (mean[n] as number[])[k]!++);
      }
      const [x, y] = [new Set(words[i]?.map(([g]) => g)), new Set(words[j]?.map(([g]) => g))];
      for (const g of x) {
        if (y.has(g)) continue;
        for (const h of y) {
          if (x.has(h)) continue;
          const c = wordCosine(vectors, g, h) ?? 0;
          linkCuts.forEach((t, n) => c >= t && (link[n] as number[])[k]!++);
        }
      }
    }
  }
  console.log(`\n${name}: ${rows.length} suggestions, ${known}/${words.flat().length} words known to the vectors, ${samePairs} same-problem pairs within a service`);
  meanCuts.forEach((t, n) => console.log(`  mean vectors, cosine ≥ ${t}: ${pct(mean[n]![0]!, mean[n]![1]!)}`));
  linkCuts.forEach((t, n) => console.log(`  soft-synonym links, cosine ≥ ${t}: ${pct(link[n]![0]!, link[n]![1]!)}`));
}
