import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ensureTable, startDynamoLocal } from '../../scripts/lib/dynamo-local';
import { freePort } from '../../scripts/lib/ports';
import { startS3Local } from '../../scripts/lib/s3-local';
import { Children } from '../../scripts/lib/processes';
import { startOffline } from '../../scripts/lib/api-offline';
import { serveH5 } from '../../scripts/lib/static-server';
import { root } from '../../scripts/lib/env';

const h5Dir = resolve(root, 'miniapp/dist/h5');
const adminDir = resolve(root, 'admin/dist');

export interface BrowserStack {
  h5Url: string;
  adminUrl: string;
  apiUrl: string;
  /** The stack's DynamoDB table and S3 bucket, for tests that read or write them directly. */
  env: Record<'DYNAMODB_ENDPOINT' | 'TABLE_NAME' | 'STAGE' | 'S3_ENDPOINT' | 'PHOTO_BUCKET', string>;
  /** What the stack cost before the first test, for whoever reads the CI log. */
  timing: string;
}

/**
 * The whole stack for the browser tests: DynamoDB Local (in memory) with the demo data, the API
 * under serverless-offline on the `test` stage, and the H5 and PC console builds served with their
 * runtime config. Builds what is missing (or everything with E2E_REBUILD=1).
 */
export async function startBrowserStack(): Promise<BrowserStack & { stop: () => Promise<void> }> {
  const started = Date.now();
  if (!existsSync(resolve(h5Dir, 'index.html')) || process.env.E2E_REBUILD === '1') {
    execFileSync('npm', ['run', 'build:h5', '-w', 'miniapp'], { cwd: root, stdio: 'inherit' });
  }
  if (!existsSync(resolve(adminDir, 'index.html')) || process.env.E2E_REBUILD === '1') {
    execFileSync('npm', ['run', 'build:admin'], { cwd: root, stdio: 'inherit' });
  }
  // TEST_DYNAMODB_PORT: use a DynamoDB Local already running there (a busy machine may start one slowly).
  const dynamo = await startDynamoLocal(Number(process.env.TEST_DYNAMODB_PORT) || (await freePort()), null);
  const tableName = 'kaimen-e2e';
  await ensureTable(dynamo.endpoint, tableName);
  const s3 = await startS3Local(await freePort(), null, 'kaimen-test-photos');
  const env = { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, STAGE: 'test', S3_ENDPOINT: s3.endpoint, PHOTO_BUCKET: s3.bucket };
  // The seed writes through the functions' own configuration, read from the environment.
  Object.assign(process.env, env);
  const { seedDemo } = await import('../../scripts/seed/index');
  await seedDemo();
  const dataReady = Date.now();

  const children = new Children();
  const api = await startOffline(children, {
    host: '127.0.0.1', port: await freePort(), lambdaPort: await freePort(), stage: 'test',
    dynamoEndpoint: dynamo.endpoint, tableName, quiet: true,
  });
  const offlineReady = Date.now();
  const h5 = await serveH5(h5Dir, api.url, 0);
  const admin = await serveH5(adminDir, api.url, 0, '127.0.0.1', { publicUrl: h5.url });
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  return {
    h5Url: h5.url, adminUrl: admin.url, apiUrl: api.url, env,
    timing: `browser test stack ready in ${seconds(Date.now() - started)} s (DynamoDB Local, S3 and demo data ${seconds(dataReady - started)} s, serverless-offline ${seconds(offlineReady - dataReady)} s)`,
    stop: async () => {
      await h5.close();
      await admin.close();
      await children.stopAll();
      await dynamo.stop();
      await s3.stop();
    },
  };
}
