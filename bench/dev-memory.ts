// Memory of the dev stack (`npm run dev`: DynamoDB Local, serverless-offline + serverless-esbuild,
// the H5 app in watch mode) while the H5 app rebuilds again and again. Not part of `npm run bench`
// (it runs for DEV_MEMORY_MINUTES, 30 by default): `node --import tsx bench/dev-memory.ts`; last figures in bench/DEV-MEMORY.md.
// Every REBUILD_SECONDS it edits an H5 page (a comment at its end: a real watch rebuild; the page is
// restored at the end) and writes a burst of files into
// miniapp/dist/ (what `npm run build:h5` does); every 30 s it samples the RSS of each process of the
// stack and checks whether the API's bundles were rebuilt (they must not be: nothing of the H5 side
// is an API source). Prints a Markdown table.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from '../scripts/lib/env';
import { freePort } from '../scripts/lib/ports';
import { esbuildDirFor } from '../scripts/lib/api-offline';

const minutes = Number(process.env.DEV_MEMORY_MINUTES ?? 30);
const rebuildEvery = Number(process.env.REBUILD_SECONDS ?? 60) * 1000;
const sampleEvery = 30_000;
const [apiPort, dynamoPort, h5Port, lambdaPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
const dataDir = resolve(root, `.data/dev-memory-${dynamoPort}`);
const burstDir = resolve(root, 'miniapp/dist/dev-memory-probe');
const touched = resolve(root, 'miniapp/src/pages/feedback/index.tsx');
const apiBundle = resolve(root, esbuildDirFor(apiPort), '.build/functions/src/auth/index.mjs');

const dev = spawn('nice', ['-n', '15', process.execPath, '--import', 'tsx', resolve(root, 'scripts/dev.ts')], {
  cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  env: {
    ...process.env, API_PORT: String(apiPort), DYNAMODB_PORT: String(dynamoPort), H5_PORT: String(h5Port),
    API_LAMBDA_PORT: String(lambdaPort), KAIMEN_DATA_DIR: dataDir, TABLE_NAME: 'kaimen-dev-memory',
  },
});
let log = '';
dev.stdout.on('data', (d: Buffer) => { log += d.toString(); });
dev.stderr.on('data', (d: Buffer) => { log += d.toString(); });

const original = readFileSync(touched, 'utf8');
function stop(): void {
  writeFileSync(touched, original);
  try { process.kill(-dev.pid!, 'SIGTERM'); } catch { /* gone */ }
}
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const started = Date.now();
while (!log.includes('Kaimen is running')) {
  if (dev.exitCode !== null) throw new Error(`dev stack exited:\n${log.slice(-3000)}`);
  if (Date.now() - started > 600_000) throw new Error(`dev stack did not start in 10 minutes:\n${log.slice(-3000)}`);
  await new Promise((r) => setTimeout(r, 1000));
}
console.error(`stack up in ${((Date.now() - started) / 1000).toFixed(0)} s`);

interface Proc { pid: number; ppid: number; rssKb: number; args: string }
function tree(): Proc[] {
  const all = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' }).split('\n').flatMap((l) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l);
    return m ? [{ pid: +m[1]!, ppid: +m[2]!, rssKb: +m[3]!, args: m[4]! }] : [];
  });
  const ids = new Set([dev.pid!]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (!ids.has(p.pid) && ids.has(p.ppid)) { ids.add(p.pid); grew = true; }
  }
  return all.filter((p) => ids.has(p.pid));
}
function kind(args: string): string {
  if (/(^|\/)esbuild$/.test(args.split(' ')[0]!)) return 'esbuild';
  if (/serverless/.test(args)) return 'serverless-offline';
  if (/DynamoDBLocal|java/.test(args)) return 'dynamodb-local';
  if (/taro|webpack|dev:h5/.test(args)) return 'h5 (taro/webpack)';
  if (/scripts\/dev\.ts/.test(args)) return 'dev.ts (seed, supervisor)';
  return 'other';
}

const peak = new Map<string, number>();
const samples: { minute: number; totalMb: number; byKind: Record<string, number> }[] = [];
const bundleMtime = () => { try { return statSync(apiBundle).mtimeMs; } catch { return 0; } };
const firstBundle = bundleMtime();
let apiRebuilds = 0;
let lastBundle = firstBundle;
let rebuilds = 0;
let nextRebuild = Date.now() + rebuildEvery;
const end = Date.now() + minutes * 60_000;

while (Date.now() < end) {
  if (Date.now() >= nextRebuild) {
    writeFileSync(touched, `${original}\n// dev-memory rebuild ${rebuilds + 1}\n`);
    mkdirSync(burstDir, { recursive: true });
    for (let i = 0; i < 200; i++) writeFileSync(resolve(burstDir, `chunk-${i}.js`), `export const x${i} = ${Date.now()};\n`);
    rebuilds++;
    nextRebuild += rebuildEvery;
  }
  const byKind: Record<string, number> = {};
  for (const p of tree()) byKind[kind(p.args)] = (byKind[kind(p.args)] ?? 0) + p.rssKb / 1024;
  for (const [k, v] of Object.entries(byKind)) peak.set(k, Math.max(peak.get(k) ?? 0, v));
  const totalMb = Object.values(byKind).reduce((a, b) => a + b, 0);
  samples.push({ minute: (Date.now() - started) / 60_000, totalMb, byKind });
  const m = bundleMtime();
  if (m !== lastBundle) { apiRebuilds++; lastBundle = m; }
  console.error(`${new Date().toISOString()} total ${totalMb.toFixed(0)} MB ${JSON.stringify(Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, Math.round(v)])))}`);
  await new Promise((r) => setTimeout(r, Math.min(sampleEvery, Math.max(1000, end - Date.now()))));
}
stop();
rmSync(burstDir, { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });

const first = samples[0]!;
const last = samples[samples.length - 1]!;
console.log('## Dev stack memory over H5 rebuilds\n');
console.log(`${minutes} minutes of \`npm run dev\` (niced), an edit of an H5 page (a watch rebuild) and a 200-file burst into miniapp/dist every ${rebuildEvery / 1000} s (${rebuilds} in all); RSS sampled every 30 s.\n`);
console.log('| process | first sample | last sample | peak |');
console.log('| --- | ---: | ---: | ---: |');
for (const k of [...peak.keys()].sort()) {
  console.log(`| ${k} | ${(first.byKind[k] ?? 0).toFixed(0)} MB | ${(last.byKind[k] ?? 0).toFixed(0)} MB | ${peak.get(k)!.toFixed(0)} MB |`);
}
console.log(`| **all** | ${first.totalMb.toFixed(0)} MB | ${last.totalMb.toFixed(0)} MB | ${Math.max(...samples.map((s) => s.totalMb)).toFixed(0)} MB |`);
console.log(`\nAPI rebuilds triggered by the H5 side: ${apiRebuilds} (bundle ${firstBundle ? 'present' : 'missing'}).`);
process.exit(0);
