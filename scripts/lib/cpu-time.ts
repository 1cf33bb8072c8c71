import { readFileSync, rmSync } from 'node:fs';

/**
 * A command wrapped in bash so its CPU time can be read afterwards (`readCpu`): bash's `times` prints
 * the user and system time of the children it waited for, which include their own waited-for children.
 */
export function withCpu(command: string, args: string[], cpuFile: string): [string, string[]] {
  // `npm exec --` rather than `npx`: the same process as npx runs, so nothing matches the wrapper that did not match before.
  const [cmd, rest] = command === 'npx' ? ['npm', ['exec', '--', ...args]] : [command, args];
  return ['bash', ['-c', '"$@"; rc=$?; times > "$0"; exit $rc', cpuFile, cmd, ...rest]];
}

/** The CPU seconds (user + system) a `withCpu` command used, or null when it wrote none; the file is removed. */
export function readCpu(cpuFile: string): number | null {
  try {
    const children = readFileSync(cpuFile, 'utf8').trim().split('\n')[1] ?? '';
    rmSync(cpuFile, { force: true });
    const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    return secs.length === 2 ? secs[0]! + secs[1]! : null;
  } catch {
    return null;
  }
}

/** "12.3 s, CPU 10.1 s" (or "CPU ?" when unknown). */
export function formatTimes(t: { wall: number; cpu: number | null }): string {
  return `${t.wall.toFixed(1)} s, CPU ${t.cpu === null ? '?' : `${t.cpu.toFixed(1)} s`}`;
}
