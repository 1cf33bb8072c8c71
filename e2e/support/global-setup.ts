import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../scripts/lib/chromium';
import { ensureTable, startDynamoLocal } from '../../scripts/lib/dynamo-local';
import { freePort } from '../../scripts/lib/ports';
import { startS3Local } from '../../scripts/lib/s3-local';
import { Children } from '../../scripts/lib/processes';
import { startOffline } from '../../scripts/lib/api-offline';
import { serveH5 } from '../../scripts/lib/static-server';
import { root } from '../../scripts/lib/env';

declare module 'vitest' {
  export interface ProvidedContext {
    h5Url: string;
    adminUrl: string;
    apiUrl: string;
    chromium: string;
  }
}

const h5Dir = resolve(root, 'miniapp/dist/h5');
const adminDir = resolve(root, 'admin/dist');

/**
 * The whole stack for the browser tests: DynamoDB Local (in memory) with the demo data, the API
 * under serverless-offline on the `test` stage, and the H5 and PC console builds served with their
 * runtime config.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const chromium = chromiumPath();
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
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME = tableName;
  process.env.STAGE = 'test';
  const s3 = await startS3Local(await freePort(), null, 'kaimen-test-photos');
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.PHOTO_BUCKET = s3.bucket;
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
  project.provide('h5Url', h5.url);
  project.provide('adminUrl', admin.url);
  project.provide('apiUrl', api.url);
  project.provide('chromium', chromium);
  // For whoever reads the CI log: what the stack cost before the first test.
  console.log(`browser test stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s (DynamoDB Local, S3 and demo data ${((dataReady - started) / 1000).toFixed(1)} s, serverless-offline ${((offlineReady - dataReady) / 1000).toFixed(1)} s)`);
  return async () => {
    await h5.close();
    await admin.close();
    await children.stopAll();
    await dynamo.stop();
    await s3.stop();
  };
}
