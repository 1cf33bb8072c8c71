/**
 * Grouping quality of the tally (standalone: `npx tsx bench/tally-quality.ts`). Reads
 * ../shared/data/suggestions.csv (relative to the repo root; not part of the repo), tallies it in arrival
 * order, incrementally, as production does, and prints B-cubed and pairwise scores against the
 * `group` column beside two baselines run here on the same rows. Also scores the labelled held-out sets
 * of shared/src/tally/fixtures listed in `heldoutSets`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { clusterScores, type ClusterScores } from '../shared/src/tally/metrics';
import { Tally } from '../shared/src/tally/grouping';
import { itemTitle } from '../shared/src/tally/title';
import { heldoutSuggestions, type LabelledSuggestion } from '../shared/src/tally/fixtures/heldout';
import { heldoutB } from '../shared/src/tally/fixtures/heldout-b';
import { heldoutC } from '../shared/src/tally/fixtures/heldout-c';
import { exactMatchGroups, jaccardGroups } from './tally-baselines';
import { loadJieba } from '../shared/src/tally/jieba';

/**
 * The held-out sets scored after the campaign data, in this order. Adding a set is one line here.
 * heldout.ts and heldout-b.ts were both used in developing the method (heldout-b since issue 11's third pass).
 */
const heldoutSets: { title: string; rows: readonly LabelledSuggestion[] }[] = [
  { title: 'Held-out set written for the tally (shared/src/tally/fixtures/heldout.ts)', rows: heldoutSuggestions },
  { title: 'Second held-out set, problems absent from both sets above (shared/src/tally/fixtures/heldout-b.ts)', rows: heldoutB },
  {
    title: 'Third held-out set, written by a developer who never read the method; never used for tuning (shared/src/tally/fixtures/heldout-c.ts)',
    rows: heldoutC,
  },
];

interface Row { externalId: string; category: string; content: string; channel: string; submittedAt: string; group: string }

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = resolve(root, '../shared/data/suggestions.csv');

function tallyLabels(rows: readonly Omit<Row, 'externalId'>[]): { labels: string[]; tally: Tally } {
  const tally = new Tally();
  const labels = rows.map((r, i) => tally.add({ id: String(i), content: r.content, category: r.category, channel: r.channel, submittedAt: r.submittedAt }).itemId);
  return { labels, tally };
}

const fmt = (x: number) => x.toFixed(3);
const line = (name: string, s: ClusterScores) => `| ${name} | ${fmt(s.precision)} | ${fmt(s.recall)} | **${fmt(s.f1)}** | ${fmt(s.pairwiseF1)} | ${s.clusters} |`;
const header = ['| method | B³ precision | B³ recall | B³ F1 | pairwise F1 | groups |', '| --- | --- | --- | --- | --- | --- |'];

function evaluate(title: string, rows: readonly Omit<Row, 'externalId'>[]): { text: string[]; tally: Tally; f1: number; precision: number } {
  const gold = rows.map((r) => r.group);
  const texts = rows.map((r) => r.content);
  const { labels, tally } = tallyLabels(rows);
  const merged = new Map(tally.consolidate().map((m) => [m.from, m.into]));
  const live = (id: string): string => (merged.has(id) ? live(merged.get(id) as string) : id);
  for (let i = 0; i < labels.length; i++) labels[i] = live(labels[i] as string);
  const ours = clusterScores(labels, gold);
  const exact = clusterScores(exactMatchGroups(texts), gold);
  let bestJ = { t: 0.05, s: clusterScores(jaccardGroups(texts, 0.05), gold) };
  for (let t = 0.05; t <= 0.8001; t += 0.025) {
    const s = clusterScores(jaccardGroups(texts, t), gold);
    if (s.f1 > bestJ.s.f1) bestJ = { t, s };
  }
  const goldGroups = new Set(gold).size;
  return {
    tally, f1: ours.f1, precision: ours.precision,
    text: [
      `### ${title}`, '', `${rows.length} suggestions, ${goldGroups} gold groups (singletons count as their own).`, '',
      ...header, line('tally (jieba words + characters + classes, TF-IDF; incremental, then average-linkage consolidation)', ours), line('baseline: exact normalised text', exact),
      line(`baseline: bigram Jaccard ≥ ${bestJ.t.toFixed(3)} (best threshold on these rows)`, bestJ.s), '',
    ],
  };
}

const segmenter = await loadJieba();
const out: string[] = ['## Tally grouping quality', '', `Segmenter: ${segmenter}.`, ''];
if (existsSync(csvPath)) {
  const rows = parse(readFileSync(csvPath), { columns: true, skip_empty_lines: true }) as Row[];
  const r = evaluate('Campaign data (../shared/data/suggestions.csv)', rows);
  out.push(...r.text);
  out.push(`Target B³ F1 ≥ 0.85 with precision ≥ 0.85: ${r.f1 >= 0.85 && r.precision >= 0.85 ? 'met' : 'NOT met'}.`, '');
  if (process.argv.includes('--items')) {
    const items = r.tally.allItems().sort((a, b) => b.count - a.count);
    out.push('Items made (largest first):', '', ...items.map((i) => `- ${itemTitle(i)} (${i.count})`), '');
  }
} else {
  out.push(`(${csvPath} is absent: the campaign-data benchmark is skipped.)`, '');
}
const dated = (list: readonly LabelledSuggestion[]) => list.map((s, i) => ({ ...s, submittedAt: new Date(Date.UTC(2026, 2, 1) + i * 3600_000).toISOString() }));
for (const set of heldoutSets) {
  const r = evaluate(set.title, dated(set.rows));
  out.push(...r.text, `Target B³ F1 ≥ 0.85 with precision ≥ 0.85: ${r.f1 >= 0.85 && r.precision >= 0.85 ? 'met' : 'NOT met'}.`, '');
}
console.log(out.join('\n'));
