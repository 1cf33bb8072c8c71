import type { ChildProcess } from 'node:child_process';
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
}

/** Runs the functions under serverless-offline (the real HTTP API emulation) and waits until it answers. */
export async function startOffline(children: Children, o: OfflineOptions): Promise<{ url: string; child: ChildProcess }> {
  const bin = resolve(root, 'node_modules/.bin/serverless');
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
      ...o.env,
    },
  });
  const url = `http://${o.host}:${o.port}`;
  await waitForHttp(`${url}/health`, 180_000, () => child.exitCode === null); // esbuild of every function: slow on a busy machine
  return { url, child };
}
