// `npm run bench`: runs every benchmark in its own process and writes bench/RESULTS.md.
// `npm run bench -- bundles latency` runs only those and replaces only their sections, keeping the
// others; each section names the date and machine it was measured on.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { resolve } from 'node:path';
import { root } from '../scripts/lib/env';

const all = ['bundles', 'latency', 'feedback-submit', 'tally-quality', 'tally-scale', 'tally-dynamo', 'tally-run', 'tally-import-load', 'quiz-submit', 'notify-send', 'orglife-report', 'orgs-import', 'games', 'round-trips', 'cold-start', 'phone-network'];
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = (chosen.length ? chosen : all).filter((n) => existsSync(resolve(root, `bench/${n}.ts`)));

const java = (() => {
  const res = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return `${res.stderr ?? ''}${res.stdout ?? ''}`.trim();
})();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Linux ${release()}, Node ${process.version}, DynamoDB Local on ${java.split('\n')[0] || 'Java'}`;
const trailer = (name: string, took: string) => `_(bench/${name}.ts, ${took} s; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine})_`;

const sections = new Map<string, string>();
let failed = false;
for (const name of names) {
  console.log(`▶ bench/${name}.ts`);
  const started = Date.now();
  const res = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, `bench/${name}.ts`)], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'ERROR' },
  });
  const took = ((Date.now() - started) / 1000).toFixed(0);
  if (res.status !== 0) {
    failed = true;
    sections.set(name, `## ${name}\n\n**Failed** (exit ${res.status}):\n\n\`\`\`\n${(res.stderr || res.stdout).slice(-2000)}\n\`\`\`\n\n${trailer(name, took)}\n`);
  } else {
    sections.set(name, `${res.stdout.trim()}\n\n${trailer(name, took)}\n`);
  }
  console.log(`  ${res.status === 0 ? 'done' : 'FAILED'} in ${took} s`);
}

// Sections of the previous results, each ending with its bench's trailer line, kept unless rerun.
const resultsPath = resolve(root, 'bench/RESULTS.md');
const previous = new Map<string, string>();
if (existsSync(resultsPath)) {
  const body = readFileSync(resultsPath, 'utf8');
  const rest = body.slice(body.indexOf('\n## ') + 1);
  // Each section runs from the end of the previous trailer line to the end of its own.
  let from = 0;
  for (const m of rest.matchAll(/^_\(bench\/([\w-]+)\.ts[^\n]*\)_$/gm)) {
    const end = m.index! + m[0].length;
    previous.set(m[1]!, `${rest.slice(from, end).trim()}\n`);
    from = end;
  }
}
const ordered = [...new Set([...all, ...previous.keys()])]
  .map((name) => sections.get(name) ?? previous.get(name))
  .filter((section): section is string => !!section);
const doc = `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.ts); \`npm run bench -- <name>…\` reruns some and keeps the rest. Each section ends with when and on what it was measured. Local figures: DynamoDB Local answers each call in ~7–15 ms and serialises most work, so throughput here measures the local engine more than the code; compare runs on the same machine.\n\n${ordered.join('\n')}`;
writeFileSync(resultsPath, doc);
process.exit(failed ? 1 : 0);
