import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Children started by a script; all of them are stopped together (Ctrl-C, an error, the end). */
export class Children {
  private readonly list: { name: string; child: ChildProcess }[] = [];

  start(name: string, command: string, args: string[], options: SpawnOptions & { prefix?: boolean } = {}): ChildProcess {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
    const tag = `[${name}] `;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (d: Buffer) => {
        if (options.prefix === false) return;
        for (const line of d.toString().split('\n')) if (line.trim()) process.stdout.write(tag + line + '\n');
      });
    }
    this.list.push({ name, child });
    return child;
  }

  add(name: string, child: ChildProcess): void {
    this.list.push({ name, child });
  }

  /** Signals each child's whole process group (npx and npm run spawn grandchildren). */
  async stopAll(): Promise<void> {
    await Promise.all(
      this.list.map(({ child }) => new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
        child.once('exit', () => resolve());
        const kill = (sig: NodeJS.Signals) => {
          try {
            process.kill(-child.pid!, sig);
          } catch {
            child.kill(sig);
          }
        };
        kill('SIGTERM');
        setTimeout(() => kill('SIGKILL'), 5000).unref();
      })),
    );
  }
}

export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    if (!isAlive()) throw new Error(`${url}: the process serving it exited`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
