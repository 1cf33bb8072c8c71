// `npm test`: typecheck, lint, the three front-end builds, unit and integration tests, browser tests.
// Two lines of steps run at once from the start: the unit and integration tests (which wait on
// DynamoDB Local and HTTP and leave a core idle), and beside them typecheck, lint and the H5, PC
// console and weapp builds (their output kept in a log shown when each ends). The browser tests
// start when both lines are done (they need the H5 and console builds).
// Stops at the first failing step; ends with each step's wall and CPU time and one line
// "Tests: N passed, N failed".
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
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
async function run(title: string, command: string, args: string[], quiet = false, extraEnv: Record<string, string> = {}): Promise<boolean> {
  const started = Date.now();
  const id = steps++;
  const cpuFile = resolve(out, `.cpu-${id}`);
  const log = resolve(out, `step-${id}.log`);
  console.log(`\n▶ ${title}${quiet ? ' (beside the tests; its output when it ends)' : ''}`);
  const fd = quiet ? openSync(log, 'w') : null;
  // In a process group of its own, so a failure elsewhere can stop the step with all it started.
  const child = spawn(...withCpu(command, args, cpuFile), { cwd: root, env: { ...env, ...extraEnv }, detached: true, stdio: fd === null ? 'inherit' : ['ignore', fd, fd] });
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

async function vitest(title: string, project: string, args: string[] = [], quiet = false, report = resolve(out, `${project}.json`), extraEnv: Record<string, string> = {}): Promise<boolean> {
  const ok = await run(title, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], quiet, extraEnv);
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
  if (process.argv.includes('--browser')) {
    if (!(await startStacks())) finish(false);
    finish(await browserTests());
  }
  await Promise.all([
    line(
      () => vitest('unit tests', 'unit'),
      // Two files at once (vitest's default on two cores is one): they wait on DynamoDB Local more than
      // they compute. One worker took 370–443 s in CI runs; two took 344 s beside the other line.
      () => vitest('integration tests (DynamoDB Local, HTTP)', 'integration', ['--maxWorkers=2']),
      // Here rather than beside: the integration tests now end before the builds and stacks do.
      () => run('lint', 'npm', ['run', 'lint'], true),
    ),
    line(
      () => run('typecheck', 'npm', ['run', 'typecheck'], true),
      () => run('H5 and PC console builds', 'npx', ['tsx', 'scripts/builds.ts', 'h5', 'admin'], true),
      () => run('weapp build', 'npx', ['tsx', 'scripts/builds.ts', 'weapp'], true),
      // Ahead of the browser tests, while the integration tests leave a core idle.
      startStacks,
    ),
  ]);
  finish(await browserTests());
}

/**
 * The browser tests run in three groups at once, each on a stack of its own (DynamoDB Local, API,
 * static servers), so no group sees another's data: the phone-page sweep at each size
 * (PHONE_SWEEP_SIZES) with some console flows beside each, and the other flows. The stacks are started
 * ahead, while the integration tests run; four groups overloaded two cores (tests timed out).
 * The groups are balanced by the files' times in CI logs (the flows group is the sum of many files).
 */
const BROWSER_GROUPS: { name: string; files: string[]; env?: Record<string, string> }[] = [
  { name: 'flows', files: [] }, // every file not in another group
  { name: 'phone sweep at the normal size, console sweep and study', files: ['e2e/phone-pages.test.ts', 'e2e/console-pages.test.ts', 'e2e/console-shell.test.ts', 'e2e/study.test.ts'], env: { PHONE_SWEEP_SIZES: 'normal' } },
  { name: 'phone sweep in 长辈模式, console flows, pioneer, checklist, shell', files: ['e2e/phone-pages.test.ts', 'e2e/console-inbox.test.ts', 'e2e/console-learn.test.ts', 'e2e/console-checklist.test.ts', 'e2e/pioneer.test.ts', 'e2e/checklist.test.ts', 'e2e/shell.test.ts'], env: { PHONE_SWEEP_SIZES: 'elder' } },
];

const stackFile = (i: number) => resolve(out, `e2e-stack-${i}.json`);

/**
 * Starts one browser-test stack per group (scripts/e2e-stack.ts), one after another so their start-up
 * work does not pile up, and waits until each has written its URLs. They are stopped when the run ends.
 */
async function startStacks(): Promise<boolean> {
  const started = Date.now();
  for (let i = 0; i < BROWSER_GROUPS.length; i++) {
    const log = openSync(resolve(out, `e2e-stack-${i}.log`), 'w');
    const child = spawn('npx', ['tsx', 'scripts/e2e-stack.ts', stackFile(i)], { cwd: root, env, detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    running.add(child);
    const ready = await new Promise<boolean>((res) => {
      const timer = setInterval(() => {
        if (!existsSync(stackFile(i))) return;
        clearInterval(timer);
        res(true);
      }, 250);
      child.on('exit', () => {
        clearInterval(timer);
        res(existsSync(stackFile(i)));
      });
    });
    if (!ready) {
      console.error(`✘ browser test stack ${i} did not start:\n${readFileSync(resolve(out, `e2e-stack-${i}.log`), 'utf8')}`);
      return false;
    }
  }
  timings.push({ title: `${BROWSER_GROUPS.length} browser test stacks, started ahead`, wall: (Date.now() - started) / 1000, cpu: null });
  console.log(`✔ ${BROWSER_GROUPS.length} browser test stacks ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return true;
}

async function browserTests(): Promise<boolean> {
  const taken = new Set(BROWSER_GROUPS.flatMap((g) => g.files));
  const results = await Promise.all(BROWSER_GROUPS.map((g, i) => {
    const args = g.files.length ? g.files : [...taken].flatMap((f) => ['--exclude', f]);
    return vitest(`browser tests, ${g.name} (Chromium, H5 and console builds, serverless-offline)`, 'e2e', args, i > 0, resolve(out, `e2e-${i}.json`), { ...g.env, E2E_STACK_FILE: stackFile(i) });
  }));
  return results.every(Boolean);
}

await main();
