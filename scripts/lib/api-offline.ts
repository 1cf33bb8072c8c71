import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Children, waitForHttp } from './processes';
import { root } from './env';

export interface OfflineOptions {
  host: string;
  port: number;
  lambdaPort: number;
  stage: 'local' | 'test';
  dynamoEndpoint: string;
  tableName: string;
  env?: Record<string, string>;
  quiet?: boolean;
  /**
   * Rebuild a function when its source is saved (`npm run dev`). Otherwise all functions are bundled
   * once, in one esbuild call (infra/offline-one-build.cjs): a stack starts in seconds, not a minute.
   */
  rebuildOnSave?: boolean;
}

/** The esbuild work folder of the stack on this port (relative to the service, under the git-ignored .esbuild/). */
export function esbuildDirFor(port: number): string {
  return `.esbuild/offline-${port}`;
}

/**
 * Runs the functions under serverless-offline (the real HTTP API emulation) and waits until it answers.
 * Each stack bundles into its own folder, emptied before it starts.
 */
export async function startOffline(children: Children, o: OfflineOptions): Promise<{ url: string; child: ChildProcess; esbuildDir: string }> {
  const bin = resolve(root, 'node_modules/.bin/serverless');
  const esbuildDir = esbuildDirFor(o.port);
  rmSync(resolve(root, esbuildDir), { recursive: true, force: true });
  const child = children.start('api', bin, ['offline', 'start', '--stage', o.stage], {
    cwd: root,
    prefix: !o.quiet,
    env: {
      ...process.env,
      API_HOST: o.host,
      API_PORT: String(o.port),
      API_LAMBDA_PORT: String(o.lambdaPort),
      DYNAMODB_ENDPOINT: o.dynamoEndpoint,
      TABLE_NAME: o.tableName,
      SLS_TELEMETRY_DISABLED: '1',
      KAIMEN_ESBUILD_DIR: esbuildDir,
      ...(o.rebuildOnSave ? {} : { KAIMEN_OFFLINE_ONE_BUILD: '1' }),
      // esbuild's Go runtime otherwise lets its heap grow far past what a rebuild needs before collecting.
      GOMEMLIMIT: process.env.GOMEMLIMIT ?? '768MiB',
      ...o.env,
    },
  });
  const url = `http://${o.host}:${o.port}`;
  // A loaded machine may need longer: OFFLINE_START_TIMEOUT_MS.
  await waitForHttp(`${url}/health`, Number(process.env.OFFLINE_START_TIMEOUT_MS ?? process.env.API_START_TIMEOUT_MS) || 240_000, () => child.exitCode === null);
  return { url, child, esbuildDir };
}
