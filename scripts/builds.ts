// The front-end builds named on the command line (h5, admin, weapp; all three without names), one
// after another, each reported with its wall and CPU time. `npm test` runs them beside the unit and
// integration tests, which wait on DynamoDB Local and HTTP and leave about one of the two cores idle.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { formatTimes, readCpu, withCpu } from './lib/cpu-time';
import { root } from './lib/env';

const all: Record<string, [string, string]> = {
  h5: ['H5 build', 'build:h5'],
  admin: ['PC console build', 'build:admin'],
  weapp: ['weapp build', 'build:weapp'],
};
const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in all));
if (unknown.length) {
  console.error(`unknown build ${unknown.join(', ')}: choose from ${Object.keys(all).join(', ')}`);
  process.exit(2);
}
const builds = (names.length ? names : Object.keys(all)).map((n) => all[n]!);

let ok = true;
for (const [title, script] of builds) {
  const started = Date.now();
  const cpuFile = resolve(tmpdir(), `kaimen-build-cpu-${process.pid}`);
  const res = spawnSync(...withCpu('npm', ['run', script], cpuFile), { cwd: root, stdio: 'inherit' });
  const cpu = readCpu(cpuFile);
  const passed = res.status === 0;
  console.log(`${passed ? '✔' : '✘'} ${title} (${formatTimes({ wall: (Date.now() - started) / 1000, cpu })})`);
  if (!passed) {
    ok = false;
    break;
  }
}
process.exit(ok ? 0 : 1);
