/**
 * Parameter sweep of the tally's similarity on the TUNING sets only (campaign data and the first
 * held-out set; never heldout-b). `npx tsx bench/tally-tune.ts`
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { clusterScores } from '../shared/src/tally/metrics';
import { Tally, tuning } from '../shared/src/tally/grouping';
import { heldoutSuggestions } from '../shared/src/tally/fixtures/heldout';
import { loadJieba } from '../shared/src/tally/jieba';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csv = parse(readFileSync(resolve(root, '../shared/data/suggestions.csv')), { columns: true, skip_empty_lines: true }) as { content: string; category: string; channel: string; group: string }[];
const held = heldoutSuggestions.map((s) => ({ ...s }));
await loadJieba();

function score(rows: readonly { content: string; category: string; channel: string; group: string }[]) {
  const t = new Tally();
  const labels = rows.map((r, i) => t.add({ id: String(i), content: r.content, category: r.category, channel: r.channel, submittedAt: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString() }).itemId);
  const merged = new Map(t.consolidate().map((m) => [m.from, m.into]));
  const live = (id: string): string => (merged.has(id) ? live(merged.get(id) as string) : id);
  return clusterScores(labels.map(live), rows.map((r) => r.group));
}
const grid = {
  classWeight: [1.5, 2], join: [0.25, 0.3, 0.35, 0.4], facetBonus: [0.25, 0.35], consolidate: [0.4, 0.5], gramWeight: [0, 0.3, 0.6],
};
const results: string[] = [];
for (const classWeight of grid.classWeight) for (const join of grid.join) for (const facetBonus of grid.facetBonus) for (const consolidate of grid.consolidate) for (const gramWeight of grid.gramWeight) {
  Object.assign(tuning, { classWeight, join, facetBonus, consolidate, gramWeight });
  const a = score(csv);
  const b = score(held);
  results.push([Math.min(a.f1, b.f1).toFixed(3), `cw=${classWeight} j=${join} fb=${facetBonus} c=${consolidate} gw=${gramWeight}`, `csv P${a.precision.toFixed(3)} R${a.recall.toFixed(3)} F${a.f1.toFixed(3)}`, `h1 P${b.precision.toFixed(3)} R${b.recall.toFixed(3)} F${b.f1.toFixed(3)}`].join('  '));
}
console.log(results.sort().reverse().slice(0, 25).join('\n'));
