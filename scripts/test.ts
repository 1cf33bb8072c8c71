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

const testStarted = Date.now();
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
let passed = 0;
let failed = 0;

interface Timing { title: string; wall: number; cpu: number | null }
/** Each step's wall time and CPU time (user + system of the step and everything it started), shown at the end. */
const timings: Timing[] = [];

/**
 * Runs a command through bash so its CPU time can be read afterwards: bash's `times` prints the
 * user and system time of the children it waited for, which include their own waited-for children.
 */
function withCpu(command: string, args: string[], cpuFile: string): [string, string[]] {
  // `npm exec --` rather than `npx`: the same process as npx runs, so nothing matches the wrapper that did not match before.
  const [cmd, rest] = command === 'npx' ? ['npm', ['exec', '--', ...args]] : [command, args];
  return ['bash', ['-c', '"$@"; rc=$?; times > "$0"; exit $rc', cpuFile, cmd, ...rest]];
}

function readCpu(cpuFile: string): number | null {
  try {
    const children = readFileSync(cpuFile, 'utf8').trim().split('\n')[1] ?? '';
    const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    return secs.length === 2 ? secs[0]! + secs[1]! : null;
  } catch {
    return null;
  }
}

let cpuFiles = 0;
function cpuFile(): string {
  return resolve(out, `.cpu-${cpuFiles++}`);
}

function fmt(t: { wall: number; cpu: number | null }): string {
  return `${t.wall.toFixed(1)} s, CPU ${t.cpu === null ? '?' : `${t.cpu.toFixed(1)} s`}`;
}

function record(title: string, started: number, file: string): Timing {
  const t = { title, wall: (Date.now() - started) / 1000, cpu: readCpu(file) };
  timings.push(t);
  return t;
}

function run(title: string, command: string, args: string[]): boolean {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const file = cpuFile();
  const res = spawnSync(...withCpu(command, args, file), { cwd: root, stdio: 'inherit', env });
  const ok = res.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${title} (${fmt(record(title, started, file))})`);
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
  if (timings.length) {
    console.log('\nStep times (wall, CPU = user + system):');
    for (const t of timings) console.log(`  ${t.title}: ${fmt(t)}`);
    const cpu = timings.reduce((sum, t) => sum + (t.cpu ?? 0), 0);
    console.log(`  npm test: ${((Date.now() - testStarted) / 1000).toFixed(1)} s wall, CPU of the steps ${cpu.toFixed(1)} s`);
  }
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
function startBuilds(): { title: string; done: Promise<boolean>; log: string; started: number; cpu: string } {
  const log = resolve(out, 'builds.log');
  const fd = openSync(log, 'w');
  const cpu = cpuFile();
  const child = spawn(...withCpu('npx', ['tsx', 'scripts/builds.ts'], cpu), { cwd: root, stdio: ['ignore', fd, fd], env });
  closeSync(fd);
  const done = new Promise<boolean>((res) => {
    child.on('exit', (code) => res(code === 0));
    child.on('error', () => res(false));
  });
  return { title: 'weapp, H5 and PC console builds (in the background)', done, log, started: Date.now(), cpu };
}

async function joinBuilds(builds: ReturnType<typeof startBuilds>): Promise<boolean> {
  console.log(`\n▶ ${builds.title}`);
  const ok = await builds.done;
  console.log(readFileSync(builds.log, 'utf8'));
  console.log(`${ok ? '✔' : '✘'} ${builds.title} (${fmt(record(builds.title, builds.started, builds.cpu))} since started)`);
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
    const cpu = cpuFile();
    const groupStarted = Date.now();
    const child = spawn(...withCpu('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], cpu), {
      cwd: root, env, stdio: fd === null ? 'inherit' : ['ignore', fd, fd],
    });
    if (fd !== null) closeSync(fd);
    return new Promise<boolean>((res) => {
      child.on('exit', (code) => res(code === 0));
      child.on('error', () => res(false));
    }).then((ok) => {
      console.log(`${ok ? '✔' : '✘'} browser tests, ${name} (${fmt(record(`browser tests, ${name}`, groupStarted, cpu))})`);
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
