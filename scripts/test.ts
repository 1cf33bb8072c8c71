// `npm test`: typecheck, lint, unit and integration tests, both mini-program builds, the PC console
// build, browser tests.
// Stops at the first failing step; ends with one line "Tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './lib/env';
import { chromiumPath } from './lib/chromium';

const out = resolve(root, '.test-artifacts');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
let passed = 0;
let failed = 0;

function run(title: string, command: string, args: string[]): boolean {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  const ok = res.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function vitest(title: string, project: string): boolean {
  const report = resolve(out, `${project}.json`);
  const ok = run(title, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  try {
    const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numPassedTests + r.numFailedTests === 0) {
      console.error(`✘ ${title}: no test ran`);
      return false;
    }
  } catch {
    failed++;
  }
  return ok;
}

function finish(ok: boolean): never {
  console.log(`\nTests: ${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

try {
  chromiumPath();
} catch (err) {
  console.error(`✘ ${(err as Error).message}`);
  finish(false);
}

const steps: (() => boolean)[] = [
  () => run('typecheck', 'npm', ['run', 'typecheck']),
  () => run('lint', 'npm', ['run', 'lint']),
  () => vitest('unit tests', 'unit'),
  () => vitest('integration tests (DynamoDB Local, HTTP)', 'integration'),
  () => run('weapp build', 'npm', ['run', 'build:weapp']),
  () => run('H5 build', 'npm', ['run', 'build:h5']),
  () => run('PC console build', 'npm', ['run', 'build:admin']),
  () => vitest('browser tests (Chromium, H5 build, serverless-offline)', 'e2e'),
];
for (const step of steps) if (!step()) finish(false);
finish(true);
