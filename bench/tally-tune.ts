/**
 * Parameter sweep of the tally's similarity (`npx tsx bench/tally-tune.ts`, a few minutes). Scores every
 * setting on the campaign data and both held-out sets, then names three choices: the best lowest F1 over
 * all three sets with B³ precision ≥ 0.85 on each (the settings in grouping.ts), and — the cross-check —
 * what would have been chosen on the campaign data + first held-out set alone, and on heldout-b alone,
 * with how that choice scores on the sets left out.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { clusterScores, type ClusterScores } from '../shared/src/tally/metrics';
import { Tally, tuning } from '../shared/src/tally/grouping';
import { heldoutSuggestions } from '../shared/src/tally/fixtures/heldout';
import { heldoutB } from '../shared/src/tally/fixtures/heldout-b';
import { loadJieba } from '../shared/src/tally/jieba';

type Row = { content: string; category: string; channel: string; group: string };
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csv = parse(readFileSync(resolve(root, '../shared/data/suggestions.csv')), { columns: true, skip_empty_lines: true }) as Row[];
const sets: Record<'csv' | 'h1' | 'hb', readonly Row[]> = { csv, h1: heldoutSuggestions, hb: heldoutB };
await loadJieba();

function score(rows: readonly Row[]): ClusterScores {
  const t = new Tally();
  const labels = rows.map((r, i) => t.add({ id: String(i), content: r.content, category: r.category, channel: r.channel, submittedAt: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString() }).itemId);
  const merged = new Map(t.consolidate().map((m) => [m.from, m.into]));
  const live = (id: string): string => (merged.has(id) ? live(merged.get(id) as string) : id);
  return clusterScores(labels.map(live), rows.map((r) => r.group));
}

const grid = { join: [0.4, 0.45, 0.5], facetBonus: [0, 0.1], consolidate: [0.18, 0.2, 0.22], coverage: [0.5, 0.8], classWeight: [2.5, 3, 3.5], charWeight: [1.4, 2] };
const base = { ...tuning };
type Result = { setting: string; s: Record<keyof typeof sets, ClusterScores> };
const results: Result[] = [];
for (const join of grid.join) for (const facetBonus of grid.facetBonus) for (const consolidate of grid.consolidate)
  for (const coverage of grid.coverage) for (const classWeight of grid.classWeight) for (const charWeight of grid.charWeight) {
    Object.assign(tuning, base, { join, facetBonus, consolidate, coverage, classWeight, charWeight });
    const s = { csv: score(sets.csv), h1: score(sets.h1), hb: score(sets.hb) };
    results.push({ setting: `join=${join} facetBonus=${facetBonus} consolidate=${consolidate} coverage=${coverage} classWeight=${classWeight} charWeight=${charWeight}`, s });
  }
Object.assign(tuning, base);

const on = (names: (keyof typeof sets)[]) => (r: Result) => (names.every((n) => r.s[n].precision >= 0.85) ? Math.min(...names.map((n) => r.s[n].f1)) : -1);
const fmt = (r: Result) => `${r.setting}\n   ${(Object.keys(sets) as (keyof typeof sets)[]).map((n) => `${n} P${r.s[n].precision.toFixed(3)} R${r.s[n].recall.toFixed(3)} F1 ${r.s[n].f1.toFixed(3)}`).join(' | ')}`;
const best = (key: (r: Result) => number) => [...results].sort((a, b) => key(b) - key(a))[0] as Result;
console.log(`${results.length} settings.`);
console.log('Chosen on all three sets (precision ≥ 0.85 on each, best lowest F1):\n ', fmt(best(on(['csv', 'h1', 'hb']))));
console.log('Cross-check — chosen on campaign data + first held-out set only:\n ', fmt(best(on(['csv', 'h1']))));
console.log('Cross-check — chosen on heldout-b only:\n ', fmt(best(on(['hb']))));
