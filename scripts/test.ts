// `npm test`: typecheck, lint, the three front-end builds, unit and integration tests, browser tests.
// Two lines of steps run at once from the start: the unit and integration tests (which wait on
// DynamoDB Local and HTTP and leave a core idle), and beside them typecheck, lint and the H5, PC
// console and weapp builds (their output kept in a log shown when each ends). The browser tests
// start when both lines are done (they need the H5 and console builds).
// Stops at the first failing step; ends with each step's wall and CPU time and one line
// "Tests: N passed, N failed".
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatTimes, readCpu, withCpu } from './lib/cpu-time';
import { root } from './lib/env';
import { chromiumPath } from './lib/chromium';

const out = resolve(root, '.test-artifacts');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const testStarted = Date.now();
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
let passed = 0;
let failed = 0;

interface Timing { title: string; wall: number; cpu: number | null }
/** Each step's wall time and CPU time (user + system of the step and everything it started), shown at the end. */
const timings: Timing[] = [];


const running = new Set<ReturnType<typeof spawn>>();
let steps = 0;

/**
 * Runs one step. Its output goes to the terminal as it comes, or with `quiet` to a log printed
 * when the step ends (for steps running beside others).
 */
async function run(title: string, command: string, args: string[], quiet = false): Promise<boolean> {
  const started = Date.now();
  const id = steps++;
  const cpuFile = resolve(out, `.cpu-${id}`);
  const log = resolve(out, `step-${id}.log`);
  console.log(`\n▶ ${title}${quiet ? ' (beside the tests; its output when it ends)' : ''}`);
  const fd = quiet ? openSync(log, 'w') : null;
  // In a process group of its own, so a failure elsewhere can stop the step with all it started.
  const child = spawn(...withCpu(command, args, cpuFile), { cwd: root, env, detached: true, stdio: fd === null ? 'inherit' : ['ignore', fd, fd] });
  if (fd !== null) closeSync(fd);
  running.add(child);
  const ok = await new Promise<boolean>((res) => {
    child.on('exit', (code) => res(code === 0));
    child.on('error', () => res(false));
  });
  running.delete(child);
  const t = { title, wall: (Date.now() - started) / 1000, cpu: readCpu(cpuFile) };
  timings.push(t);
  if (quiet) console.log(`\n── ${title} ──\n${readFileSync(log, 'utf8')}`);
  console.log(`${ok ? '✔' : '✘'} ${title} (${formatTimes(t)})`);
  return ok;
}

/** Adds a vitest JSON report's counts to the totals; false when it is missing or no test ran. */
function count(title: string, report: string): boolean {
  try {
    const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numPassedTests + r.numFailedTests > 0) return true;
    console.error(`✘ ${title}: no test ran`);
  } catch {
    failed++;
  }
  return false;
}

async function vitest(title: string, project: string, args: string[] = [], quiet = false, report = resolve(out, `${project}.json`)): Promise<boolean> {
  const ok = await run(title, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], quiet);
  return count(title, report) && ok;
}

function stopRunning(): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopRunning();
    process.exit(130);
  });
}

function finish(ok: boolean): never {
  // A failed step ends the run: whatever still runs beside it is stopped.
  stopRunning();
  if (timings.length) {
    console.log('\nStep times (wall, CPU = user + system):');
    for (const t of timings) console.log(`  ${t.title}: ${formatTimes(t)}`);
    const cpu = timings.reduce((sum, t) => sum + (t.cpu ?? 0), 0);
    console.log(`  npm test: ${((Date.now() - testStarted) / 1000).toFixed(1)} s wall, CPU of the steps ${cpu.toFixed(1)} s`);
  }
  console.log(`\nTests: ${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

/** Runs steps one after another until one fails (then ends the whole run). */
async function line(...stepsOf: (() => Promise<boolean>)[]): Promise<void> {
  for (const step of stepsOf) if (!(await step())) finish(false);
}

try {
  chromiumPath();
} catch (err) {
  console.error(`✘ ${(err as Error).message}`);
  finish(false);
}

async function main(): Promise<void> {
  // `npm test -- --browser`: only the browser tests (after fixing one; they build what is missing).
  if (process.argv.includes('--browser')) finish(await browserTests());
  await Promise.all([
    line(
      () => vitest('unit tests', 'unit'),
      () => vitest('integration tests (DynamoDB Local, HTTP)', 'integration'),
    ),
    line(
      () => run('typecheck', 'npm', ['run', 'typecheck'], true),
      () => run('lint', 'npm', ['run', 'lint'], true),
      () => run('H5 and PC console builds', 'npx', ['tsx', 'scripts/builds.ts', 'h5', 'admin'], true),
      () => run('weapp build', 'npx', ['tsx', 'scripts/builds.ts', 'weapp'], true),
    ),
  ]);
  finish(await browserTests());
}

/**
 * The browser tests run in two groups at once, each with a stack of its own (DynamoDB Local, API,
 * static servers), so neither sees the other's data: the page sweeps (phone pages, console pages),
 * and the feature flows. They mostly wait on pages and the API. (Three groups overloaded two cores:
 * steps timed out.) The first group prints as it goes; the other's output is printed when it ends.
 */
const BROWSER_GROUPS: { name: string; files: string[] }[] = [
  { name: 'flows', files: [] }, // every file not in another group
  { name: 'sweeps', files: ['e2e/phone-pages.test.ts', 'e2e/console-pages.test.ts'] },
];

async function browserTests(): Promise<boolean> {
  const taken = BROWSER_GROUPS.flatMap((g) => g.files);
  const results = await Promise.all(BROWSER_GROUPS.map((g, i) => {
    const args = g.files.length ? g.files : taken.flatMap((f) => ['--exclude', f]);
    return vitest(`browser tests, ${g.name} (Chromium, H5 and console builds, serverless-offline)`, 'e2e', args, i > 0, resolve(out, `e2e-${g.name}.json`));
  }));
  return results.every(Boolean);
}

await main();
