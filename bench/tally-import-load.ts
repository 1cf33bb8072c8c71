/**
 * Issue 11, point 4, end to end as a bureau does it (`npm run bench -- tally-import-load`): a stack on
 * its own ports (DynamoDB Local in memory + serverless-offline, so the tally runs in the tally function
 * invoked asynchronously over the offline Lambda API, as deployed), a bureau admin signed in, a
 * 5,000-row XLSX of suggestions imported through the real route as the console sends it
 * (application/octet-stream, the same file again from `nextRow` until nothing remains), then POST
 * …/tally and GET /admin/tally-runs/{runId} until the run ends. Done twice in the same stack, each on a
 * campaign of its own: first as the machine is (baseline), then with two extra busy-loop processes,
 * each pinned to a core, for the duration (bounded; stopped at the end). Checks: every row imported
 * exactly once (counted in the table), every suggestion in exactly one item, the run ends "done",
 * no 5xx answer. Rows: ../shared/data/suggestions.csv (264 rows) repeated with variations of wording.
 *
 * `ROWS=n` runs a smaller file (a quick look); `ONLY=load|baseline` runs one pass.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { root } from '../scripts/lib/env';
import { startBenchStack } from './lib/stack';

const ROWS = Number(process.env.ROWS) || 5_000;
const POLL_MS = 500;
/** The busy loops end by themselves after this long, whatever happens to this process. */
const LOAD_BOUND_MS = 20 * 60_000;

interface Source { category: string; content: string }

function sourceRows(): Source[] {
  const text = readFileSync(resolve(root, '../shared/data/suggestions.csv'), 'utf8');
  const records = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => ({ category: r.category!, content: r.content! }));
}

// Variations a clerk typing up window cards, letters and hotline notes would produce: openers, closers,
// a note of where it came from, full-width/half-width punctuation.
const openers = ['', '', '建议：', '反映一个问题：', '群众来电称，', '意见卡：', '我想说一下，', '市民留言：'];
const closers = ['', '', '希望尽快解决。', '谢谢！', '请相关部门重视。', '（第二次反映）', '盼复。'];
const channels = ['window', 'letter', 'hotline', 'forum', 'questionnaire'];

/** `n` rows: the campaign's suggestions again and again, each repetition worded a little differently. */
function buildRows(n: number): string[][] {
  const src = sourceRows();
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const s = src[i % src.length]!;
    const rep = Math.floor(i / src.length);
    let content = `${openers[(i + rep) % openers.length]}${s.content}${closers[(i * 3 + rep) % closers.length]}`;
    if (rep % 3 === 1) content = content.replace(/，/g, ',');
    const day = String(1 + (i % 28)).padStart(2, '0');
    rows.push([s.category, content, channels[i % channels.length]!, `2026-03-${day}T09:${String(i % 60).padStart(2, '0')}:00+08:00`, `xl-${i}`]);
  }
  return rows;
}

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意见');
  ws.addRow(['类别', '意见内容', '渠道', '提交时间', '原编号']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Two busy loops, each pinned to one core (taskset), ending by themselves after LOAD_BOUND_MS. */
function startLoad(): ChildProcess[] {
  const n = Math.min(2, cpus().length);
  return Array.from({ length: n }, (_, k) => spawn('taskset', ['-c', String(k % cpus().length), process.execPath, '-e',
    `const end = Date.now() + ${LOAD_BOUND_MS}; let x = 0; while (Date.now() < end) { for (let i = 0; i < 1e6; i++) x += i; }`], { stdio: 'ignore' }));
}
async function stopLoad(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map((c) => new Promise<void>((done) => {
    if (c.exitCode !== null || c.signalCode !== null) return done();
    c.once('exit', () => done());
    c.kill('SIGTERM');
  })));
}

const stack = await startBenchStack({ LOG_LEVEL: 'ERROR' });
const statuses = new Map<number, number>();
async function request(method: string, path: string, init: { token?: string; json?: unknown; bytes?: Buffer } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | Buffer | undefined;
  if (init.bytes) { headers['content-type'] = 'application/octet-stream'; body = init.bytes; }
  else if (init.json !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(init.json); }
  const res = await fetch(stack.url + path, { method, headers, body });
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const text = await res.text();
  let json: any;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = { text }; }
  return { status: res.status, json };
}

interface Pass {
  label: string;
  importMs: number;
  importRequests: number;
  importStatuses: number[];
  importedSum: number;
  tableCount: number;
  distinctExternal: number;
  answerMs: number;
  sameRunOnSecondPost: boolean;
  runMs: number;
  samples: { s: number; processed: number; total: number; status: string }[];
  monotonic: boolean;
  run: Record<string, any>;
  items: number;
  assignedOnce: boolean;
  assigned: number;
  pending: number;
  fiveXX: number;
  load: string;
}

async function pass(label: string, token: string, file: Buffer): Promise<Pass> {
  const before5xx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
  const created = await request('POST', '/admin/campaigns', { token, json: {
    title: `导入与归并压力测试（${label}）`, description: '开门纳谏', orgId: 'lj', opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-01-01T00:00:00.000Z', status: 'open',
  } });
  if (created.status !== 201) throw new Error(`campaign: ${created.status} ${JSON.stringify(created.json)}`);
  const campaign = created.json.id as string;
  const loads: number[] = [];
  const loadTimer = setInterval(() => loads.push(loadavg()[0]!), 5000);

  // The import, as the console's import panel sends it.
  const t0 = performance.now();
  const importStatuses: number[] = [];
  let importedSum = 0;
  for (let from: number | undefined; ;) {
    const res = await request('POST', `/admin/campaigns/${campaign}/suggestions/import${from !== undefined ? `?from=${from}` : ''}`, { token, bytes: file });
    importStatuses.push(res.status);
    if (res.status !== 200) throw new Error(`import request ${importStatuses.length} answered ${res.status}: ${JSON.stringify(res.json).slice(0, 500)}`);
    importedSum += res.json.imported as number;
    if (!res.json.remaining) break;
    from = res.json.nextRow as number;
  }
  const importMs = performance.now() - t0;

  // Counted in the table: the campaign's suggestions, and their external ids.
  const { allOfCampaign } = await import('../functions/src/feedback/suggestion-store');
  const stored = await allOfCampaign(campaign);
  const tableCount = stored.length;
  const distinctExternal = new Set(stored.map((s) => s.externalId)).size;

  const t1 = performance.now();
  const started = await request('POST', `/admin/campaigns/${campaign}/tally`, { token });
  const answerMs = performance.now() - t1;
  if (started.status !== 202) throw new Error(`tally: ${started.status} ${JSON.stringify(started.json)}`);
  const again = await request('POST', `/admin/campaigns/${campaign}/tally`, { token });
  const runId = started.json.runId as string;
  const samples: Pass['samples'] = [];
  let run: Record<string, any>;
  for (;;) {
    const res = await request('GET', `/admin/tally-runs/${runId}`, { token });
    if (res.status !== 200) throw new Error(`run: ${res.status} ${JSON.stringify(res.json)}`);
    run = res.json;
    const last = samples[samples.length - 1];
    if (!last || last.processed !== run.processed || last.status !== run.status) {
      samples.push({ s: (performance.now() - t1) / 1000, processed: run.processed, total: run.total, status: run.status });
    }
    if (run.status === 'done' || run.status === 'failed') break;
    if (performance.now() - t1 > 30 * 60_000) throw new Error('the run did not end in 30 minutes');
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const runMs = performance.now() - t1;
  clearInterval(loadTimer);

  const list = await request('GET', `/admin/campaigns/${campaign}/checklist`, { token });
  const items = list.json.items as { suggestionIds: string[]; suggestionCount: number }[];
  const ids = items.flatMap((i) => i.suggestionIds);
  const storedIds = new Set(stored.map((s) => s.id));
  const assignedOnce = new Set(ids).size === ids.length && ids.length === storedIds.size && ids.every((id) => storedIds.has(id))
    && items.every((i) => i.suggestionCount === i.suggestionIds.length);
  const after5xx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
  return {
    label, importMs, importRequests: importStatuses.length, importStatuses, importedSum, tableCount, distinctExternal, answerMs,
    sameRunOnSecondPost: again.status === 202 && again.json.runId === runId, runMs, samples,
    monotonic: samples.every((x, i) => i === 0 || x.processed >= samples[i - 1]!.processed),
    run, items: items.length, assignedOnce, assigned: ids.length, pending: list.json.pending as number, fiveXX: after5xx - before5xx,
    load: loads.length ? `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` : loadavg()[0]!.toFixed(1),
  };
}

const results: Pass[] = [];
const failures: string[] = [];
let load: ChildProcess[] = [];
/** A pass that breaks is reported, not lost: the other pass still runs and prints. */
async function attempt(label: string, run: () => Promise<Pass>): Promise<void> {
  try {
    results.push(await run());
  } catch (err) {
    failures.push(`**${label} failed:** ${(err as Error).message.slice(0, 600)}`);
  }
}
try {
  const token = (await request('POST', '/auth/dev', { json: { openid: 'dev-city-admin' } })).json.token as string;
  const rows = buildRows(ROWS);
  const file = await workbook(rows);
  // Warm-up: the functions' first requests (module load, jieba's dictionary) are not what is measured.
  const warm = await request('POST', '/admin/campaigns', { token, json: { title: '预热', description: '预热', orgId: 'lj', opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-01-01T00:00:00.000Z', status: 'open' } });
  await request('POST', `/admin/campaigns/${warm.json.id}/suggestions/import`, { token, bytes: await workbook(rows.slice(0, 20).map((r) => [...r.slice(0, 4), `warm-${r[4]}`])) });
  const w = await request('POST', `/admin/campaigns/${warm.json.id}/tally`, { token });
  for (let i = 0; i < 600; i++) {
    const r = await request('GET', `/admin/tally-runs/${w.json.runId}`, { token });
    if (r.json.status === 'done' || r.json.status === 'failed') break;
    await new Promise((res) => setTimeout(res, 500));
  }
  if (process.env.ONLY !== 'load') await attempt('baseline', () => pass('baseline', token, file));
  if (process.env.ONLY !== 'baseline') {
    load = startLoad();
    try {
      await attempt('under load', () => pass('under load', token, file));
    } finally {
      await stopLoad(load);
    }
  }
} finally {
  await stopLoad(load);
  await stack.stop();
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const byLabel = (l: string) => results.find((r) => r.label === l);
const base = byLabel('baseline');
const loaded = byLabel('under load');
const ratio = (f: (p: Pass) => number) => (base && loaded ? `**${(f(loaded) / f(base)).toFixed(2)}×**` : '—');
const cols = results.map((r) => r.label);
const row = (name: string, f: (p: Pass) => string, extra = '') => `| ${name} | ${results.map(f).join(' | ')} |${base && loaded ? ` ${extra} |` : ''}`;
const ok = (b: boolean) => (b ? 'yes' : '**NO**');
const lines = [
  '## Import of 5,000 rows and a tally under load, end to end (issue 11, point 4)', '',
  `A bureau admin (dev sign-in) imports a ${ROWS.toLocaleString('en')}-row XLSX into a new campaign through serverless-offline exactly as the console does (the file as application/octet-stream, sent again from \`nextRow\` until nothing remains), then POST …/tally (202 { runId }) and GET /admin/tally-runs/{runId} every ${POLL_MS} ms until it ends; the run goes on in the tally function invoked asynchronously over the offline Lambda API. Rows: ../shared/data/suggestions.csv (264) repeated with varied wording (openers, closers, punctuation), channels and times; external ids unique. One stack (DynamoDB Local in memory), warmed up first; baseline = the machine as it is; under load = the same with two extra busy-loop processes, each pinned to one core (taskset), for the whole pass.`, '',
  `| figure | ${cols.join(' | ')} |${base && loaded ? ' load / baseline |' : ''}`,
  `| --- | ${cols.map(() => '---:').join(' | ')} |${base && loaded ? ' ---: |' : ''}`,
  row('load average (1 min) during the pass', (p) => p.load),
  row('import time', (p) => s(p.importMs), ratio((p) => p.importMs)),
  row('import requests (statuses)', (p) => `${p.importRequests} (${[...new Set(p.importStatuses)].join(', ')})`),
  row('rows imported (sum of answers) / in the table / distinct external ids', (p) => `${p.importedSum} / ${p.tableCount} / ${p.distinctExternal}`),
  row('answer to POST …/tally', (p) => `${p.answerMs.toFixed(0)} ms`),
  row('second POST while it runs answers the same run', (p) => ok(p.sameRunOnSecondPost)),
  row('tally run time (POST to ended)', (p) => s(p.runMs), ratio((p) => p.runMs)),
  row('final state', (p) => `${p.run.status === 'done' ? 'done' : `**${p.run.status}** ${p.run.error ?? ''}`}`),
  row('processed / total', (p) => `${p.run.processed} / ${p.run.total}`),
  row('items created (new items by the run / items in the checklist)', (p) => `${p.run.newItems} / ${p.items}`),
  row('every row imported exactly once', (p) => ok(p.importedSum === ROWS && p.tableCount === ROWS && p.distinctExternal === ROWS)),
  row('every suggestion in exactly one item; none pending', (p) => ok(p.assignedOnce && p.pending === 0)),
  row('progress monotonic, reaching total', (p) => ok(p.monotonic && p.run.processed === p.run.total)),
  row('5xx answers', (p) => (p.fiveXX === 0 ? '0' : `**${p.fiveXX}**`)),
  '',
  ...results.map((p) => `Progress samples, ${p.label} (s: processed/total status): ${p.samples.map((x) => `${x.s.toFixed(0)}: ${x.processed}/${x.total}${x.status === 'running' ? '' : ` ${x.status}`}`).join(' → ')}`),
  '',
  ...(failures.length ? [...failures, ''] : []),
  `All answers seen: ${[...statuses].sort(([a], [b]) => a - b).map(([k, v]) => `${k} × ${v}`).join(', ')}.`,
];
console.log(lines.join('\n'));
const failed = failures.length > 0 || results.some((p) => p.run.status !== 'done' || !p.assignedOnce || p.fiveXX > 0 || p.tableCount !== ROWS);
process.exit(failed ? 1 : 0);
