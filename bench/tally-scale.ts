/**
 * Tally speed and memory at scale (standalone: `npx tsx bench/tally-scale.ts [sizes…]`). Campaigns are
 * generated from our own templates (services × problems × phrasings × noise); each size runs in a fresh
 * child process so that peak memory (maxRSS) is its own. Prints markdown.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Tally } from '../shared/src/tally/grouping';
import { generate } from './lib/tally-data';

function runOne(n: number): void {
  const data = generate(n);
  const extra = generate(1000, 7, Date.UTC(2026, 6, 1));
  const t0 = performance.now();
  const tally = new Tally();
  for (const s of data) tally.add(s);
  const full = performance.now() - t0;
  const t1 = performance.now();
  for (const s of extra) tally.add(s);
  const incremental = performance.now() - t1;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ n, full, incremental, rss, items: tally.allItems().length, heap: process.memoryUsage().heapUsed / 2 ** 20 }));
}

const args = process.argv.slice(2);
if (args[0] === '--one') runOne(Number(args[1]));
else {
  const sizes = args.length ? args.map(Number) : [10_000, 30_000, 100_000];
  const self = fileURLToPath(import.meta.url);
  const rows = sizes.map((n) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--one', String(n)], { encoding: 'utf8' }).trim().split('\n').pop() as string));
  const out = ['## Tally speed and memory', '', 'Generated campaigns; one process per size; single-threaded (one core).', '',
    '| suggestions | full tally | per suggestion | peak RSS | items | +1,000 new (incremental) |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) out.push(`| ${r.n.toLocaleString('en')} | ${(r.full / 1000).toFixed(2)} s | ${(r.full / r.n * 1000).toFixed(0)} µs | ${r.rss.toFixed(0)} MB | ${r.items} | ${r.incremental.toFixed(0)} ms |`);
  const last = rows[rows.length - 1];
  const first = rows[0];
  out.push('', `Growth: ${(last.full / first.full).toFixed(1)}× the time for ${(last.n / first.n).toFixed(0)}× the suggestions.`,
    `Targets (issue 11: within 2× of 100k in 10 s and +1,000 in 0.1 s): 100k under 10 s — ${last.n >= 100_000 && last.full < 10_000 ? 'met' : 'NOT met on this run'}; 1,000 new against 100k under 0.1 s — ${last.incremental < 100 ? 'met' : 'NOT met on this run'}.`);
  console.log(out.join('\n'));
}
