// `npm test`: typecheck, lint, unit and integration tests (with both mini-program builds and the PC
// console build running beside them), browser tests.
// Stops at the first failing step; ends with one line "Tests: N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
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

/** Starts the front-end builds in the background, their output kept in a log shown when they end. */
function startBuilds(): { title: string; done: Promise<boolean>; log: string; started: number } {
  const log = resolve(out, 'builds.log');
  const fd = openSync(log, 'w');
  const child = spawn('npx', ['tsx', 'scripts/builds.ts'], { cwd: root, stdio: ['ignore', fd, fd], env });
  closeSync(fd);
  const done = new Promise<boolean>((res) => {
    child.on('exit', (code) => res(code === 0));
    child.on('error', () => res(false));
  });
  return { title: 'weapp, H5 and PC console builds (in the background)', done, log, started: Date.now() };
}

async function joinBuilds(builds: ReturnType<typeof startBuilds>): Promise<boolean> {
  console.log(`\n▶ ${builds.title}`);
  const ok = await builds.done;
  console.log(readFileSync(builds.log, 'utf8'));
  console.log(`${ok ? '✔' : '✘'} ${builds.title} (${((Date.now() - builds.started) / 1000).toFixed(1)} s since started)`);
  return ok;
}

async function main(): Promise<void> {
  for (const step of [() => run('typecheck', 'npm', ['run', 'typecheck']), () => run('lint', 'npm', ['run', 'lint'])]) {
    if (!step()) finish(false);
  }
  const builds = startBuilds();
  const testsOk = vitest('unit tests', 'unit') && vitest('integration tests (DynamoDB Local, HTTP)', 'integration');
  const buildsOk = await joinBuilds(builds);
  if (!testsOk || !buildsOk) finish(false);
  finish(await browserTests());
}

/**
 * The browser tests run in two groups at once, each with a stack of its own (DynamoDB Local, API,
 * static servers), so neither sees the other's data: the page sweeps (phone pages, console pages),
 * and the feature flows. They mostly wait on pages and the API. (Three groups overloaded two cores:
 * steps timed out.) The first group prints as it goes; the other's output is printed when both end.
 */
const BROWSER_GROUPS: { name: string; files: string[] }[] = [
  { name: 'flows', files: [] }, // every file not in another group
  { name: 'sweeps', files: ['e2e/phone-pages.test.ts', 'e2e/console-pages.test.ts'] },
];

async function browserTests(): Promise<boolean> {
  const title = 'browser tests (Chromium, H5 build, serverless-offline)';
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const group = (name: string, args: string[], log: string | null) => {
    const report = resolve(out, `e2e-${name}.json`);
    const fd = log ? openSync(log, 'w') : null;
    const child = spawn('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
      cwd: root, env, stdio: fd === null ? 'inherit' : ['ignore', fd, fd],
    });
    if (fd !== null) closeSync(fd);
    return new Promise<boolean>((res) => {
      child.on('exit', (code) => res(code === 0));
      child.on('error', () => res(false));
    }).then((ok) => {
      try {
        const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
        passed += r.numPassedTests;
        failed += r.numFailedTests;
        return ok && r.numPassedTests + r.numFailedTests > 0;
      } catch {
        failed++;
        return false;
      }
    });
  };
  const taken = BROWSER_GROUPS.flatMap((g) => g.files);
  const logs = BROWSER_GROUPS.map((g, i) => (i === 0 ? null : resolve(out, `e2e-${g.name}.log`)));
  const results = await Promise.all(BROWSER_GROUPS.map((g, i) => {
    const args = g.files.length ? g.files : taken.flatMap((f) => ['--exclude', f.endsWith('.ts') ? f : `${f}*.test.ts`]);
    return group(g.name, args, logs[i]!);
  }));
  for (const log of logs) if (log) console.log(`\n${readFileSync(log, 'utf8')}`);
  const ok = results.every(Boolean);
  console.log(`${ok ? '✔' : '✘'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

await main();
