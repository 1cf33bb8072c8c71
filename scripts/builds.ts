// The three front-end builds, one after another, each reported with its time. `npm test` runs this in
// the background while the unit and integration tests run: those wait on DynamoDB Local and HTTP and
// leave about one of the two cores idle.
import { spawnSync } from 'node:child_process';
import { root } from './lib/env';

const builds: [string, string][] = [
  ['weapp build', 'build:weapp'],
  ['H5 build', 'build:h5'],
  ['PC console build', 'build:admin'],
];

let ok = true;
for (const [title, script] of builds) {
  const started = Date.now();
  const res = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  const passed = res.status === 0;
  console.log(`${passed ? '✔' : '✘'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!passed) {
    ok = false;
    break;
  }
}
process.exit(ok ? 0 : 1);
