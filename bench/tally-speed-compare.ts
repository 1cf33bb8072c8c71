/**
 * The tally's speed against the method before issue 11's word-based grouping, in the same process on the
 * same generated suggestions (`npx tsx bench/tally-speed-compare.ts [n]`, default 30,000): the earlier
 * shared/src/tally is taken from git (BASE, default 974857a) into a temporary folder and loaded beside
 * today's. Each method runs twice, best of two; prints a markdown table with the ratio.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tally } from '../shared/src/tally/grouping';
import { loadJieba } from '../shared/src/tally/jieba';
import { generate } from './lib/tally-data';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const base = process.env.BASE ?? '974857a';
const n = Number(process.argv[2] ?? 30_000);
const dir = mkdtempSync(join(tmpdir(), 'tally-base-'));
execSync(`git archive ${base} shared/src/tally | tar -x -C ${dir}`, { cwd: root });
const old = (await import(join(dir, 'shared/src/tally/grouping.ts'))) as { Tally: new () => { add(s: unknown): unknown; consolidate(): unknown[] } };
await loadJieba();

const data = generate(n);
const extra = generate(1000, 7, Date.UTC(2026, 6, 1));
function time(make: () => { add(s: unknown): unknown; consolidate(): unknown[] }): { full: number; incremental: number; consolidate: number } {
  let best = { full: Infinity, incremental: Infinity, consolidate: Infinity };
  for (let k = 0; k < 2; k++) {
    const t = make();
    const t0 = performance.now();
    for (const s of data) t.add(s);
    const full = performance.now() - t0;
    const t1 = performance.now();
    for (const s of extra) t.add(s);
    const incremental = performance.now() - t1;
    const t2 = performance.now();
    t.consolidate();
    const consolidate = performance.now() - t2;
    best = { full: Math.min(best.full, full), incremental: Math.min(best.incremental, incremental), consolidate: Math.min(best.consolidate, consolidate) };
  }
  return best;
}
const before = time(() => new old.Tally());
const now = time(() => new Tally());
rmSync(dir, { recursive: true, force: true });
const f = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log([
  `| ${n.toLocaleString('en')} suggestions | before (${base}) | now (words + characters + classes, average-linkage consolidation) | ratio |`, '| --- | --- | --- | --- |',
  `| full tally | ${f(before.full)} | ${f(now.full)} | **${(now.full / before.full).toFixed(2)}×** |`,
  `| +1,000 new (incremental) | ${f(before.incremental)} | ${f(now.incremental)} | **${(now.incremental / before.incremental).toFixed(2)}×** |`,
  `| consolidation pass after both | ${f(before.consolidate)} | ${f(now.consolidate)} | **${(now.consolidate / before.consolidate).toFixed(2)}×** |`,
].join('\n'));
