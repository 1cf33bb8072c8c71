/**
 * Development scoring of the tally (`npx tsx bench/tally-dev.ts [--errors hb|h1|csv]`): B³ P/R/F1 on the
 * three development sets (campaign data, heldout.ts, heldout-b.ts) with the current settings, and with
 * `--errors` an error listing for one set: gold groups split over several items, and items mixing
 * problems. Never reads heldout-c (the test set).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { clusterScores } from '../shared/src/tally/metrics';
import { Tally, tuning } from '../shared/src/tally/grouping';
import { heldoutSuggestions } from '../shared/src/tally/fixtures/heldout';
import { heldoutB } from '../shared/src/tally/fixtures/heldout-b';
import { loadJieba } from '../shared/src/tally/jieba';

type Row = { content: string; category: string; channel: string; group: string };
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csv = parse(readFileSync(resolve(root, '../shared/data/suggestions.csv')), { columns: true, skip_empty_lines: true }) as Row[];
const sets: Record<string, readonly Row[]> = { csv, h1: heldoutSuggestions, hb: heldoutB };
await loadJieba();

function run(rows: readonly Row[]): string[] {
  const t = new Tally();
  const labels = rows.map((r, i) => t.add({ id: String(i), content: r.content, category: r.category, channel: r.channel, submittedAt: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString() }).itemId);
  const merged = new Map(t.consolidate().map((m) => [m.from, m.into]));
  const live = (id: string): string => (merged.has(id) ? live(merged.get(id) as string) : id);
  return labels.map(live);
}

// `--set key=value,key=value`: score with other settings; `--sweep key=a/b/c,key=x/y`: every combination.
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const parsePairs = (text: string | undefined) => (text ? text.split(',').map((kv) => kv.split('=') as [string, string]) : []);
for (const [k, v] of parsePairs(arg('--set'))) Object.assign(tuning, { [k]: Number(v) });
const sweep = parsePairs(arg('--sweep')).map(([k, v]) => [k, v.split('/').map(Number)] as const);
if (sweep.length) {
  const base = { ...tuning };
  const combos = sweep.reduce<Record<string, number>[]>((acc, [k, vs]) => acc.flatMap((c) => vs.map((v) => ({ ...c, [k]: v }))), [{}]);
  for (const c of combos) {
    Object.assign(tuning, base, c);
    const s = Object.values(sets).map((rows) => clusterScores(run(rows), rows.map((r) => r.group)));
    const low = Math.min(...s.map((x) => x.f1));
    console.log(`${JSON.stringify(c)} ${s.map((x) => `P${x.precision.toFixed(3)} F${x.f1.toFixed(3)}`).join(' | ')} min ${low.toFixed(3)}${s.every((x) => x.precision >= 0.85) ? '' : ' (P<0.85)'}`);
  }
  process.exit(0);
}
const errorsFor = process.argv.includes('--errors') ? process.argv[process.argv.indexOf('--errors') + 1] : undefined;
for (const [name, rows] of Object.entries(sets)) {
  const pred = run(rows);
  const s = clusterScores(pred, rows.map((r) => r.group));
  console.log(`${name.padEnd(4)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} items ${s.clusters}`);
  if (name !== errorsFor) continue;
  const byGold = new Map<string, number[]>();
  rows.forEach((r, i) => byGold.set(r.group, [...(byGold.get(r.group) ?? []), i]));
  const byPred = new Map<string, number[]>();
  pred.forEach((p, i) => byPred.set(p, [...(byPred.get(p) ?? []), i]));
  console.log('\n== split gold groups ==');
  for (const [g, idx] of byGold) {
    const parts = new Map<string, number[]>();
    for (const i of idx) parts.set(pred[i] as string, [...(parts.get(pred[i] as string) ?? []), i]);
    if (parts.size < 2) continue;
    console.log(`-- ${g} (${idx.length} in ${parts.size} items)`);
    for (const [p, is] of parts) for (const i of is) console.log(`  [${p}${(byPred.get(p)?.length ?? 0) > is.length ? '*' : ''}] ${rows[i]?.content.slice(0, 90)}`);
  }
  console.log('\n== mixed items ==');
  for (const [p, idx] of byPred) {
    const golds = new Set(idx.map((i) => rows[i]?.group));
    if (golds.size < 2) continue;
    console.log(`-- ${p}`);
    for (const i of idx) console.log(`  (${rows[i]?.group}) ${rows[i]?.content.slice(0, 90)}`);
  }
}
