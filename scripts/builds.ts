// The three front-end builds, one after another, each reported with its time. `npm test` runs this in
// the background while the unit and integration tests run: those wait on DynamoDB Local and HTTP and
// leave about one of the two cores idle.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { root } from './lib/env';

const builds: [string, string][] = [
  ['weapp build', 'build:weapp'],
  ['H5 build', 'build:h5'],
  ['PC console build', 'build:admin'],
];

let ok = true;
for (const [title, script] of builds) {
  const started = Date.now();
  // Through bash, whose `times` gives the build's CPU time (user + system, with its children's).
  const cpuFile = resolve(tmpdir(), `kaimen-build-cpu-${process.pid}`);
  const res = spawnSync('bash', ['-c', '"$@"; rc=$?; times > "$0"; exit $rc', cpuFile, 'npm', 'run', script], { cwd: root, stdio: 'inherit' });
  let cpu = '?';
  try {
    const line = readFileSync(cpuFile, 'utf8').trim().split('\n')[1] ?? '';
    cpu = [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0).toFixed(1);
    rmSync(cpuFile);
  } catch {
    // no CPU figure: the time is still shown
  }
  const passed = res.status === 0;
  console.log(`${passed ? '✔' : '✘'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s, CPU ${cpu} s)`);
  if (!passed) {
    ok = false;
    break;
  }
}
process.exit(ok ? 0 : 1);
