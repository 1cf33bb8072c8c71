// `npm run dev`: DynamoDB Local (data under .data/), the table, the demo data, the API under
// serverless-offline on 127.0.0.1:3000, the H5 mini-program in watch mode and the PC console
// (Vite dev server on :10087). `--api-only` (`npm run dev:api`) leaves out both web apps. Ctrl-C stops everything this started.
import { ensureTable, startDynamoLocal, type DynamoLocal } from './lib/dynamo-local';
import { startS3Local, type S3Local } from './lib/s3-local';
import { localEnv, root } from './lib/env';
import { Children, waitForHttp } from './lib/processes';
import { startOffline } from './lib/api-offline';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const apiOnly = process.argv.includes('--api-only');
const children = new Children();
let dynamo: DynamoLocal | undefined;
let s3: S3Local | undefined;
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nstopping…');
    await children.stopAll();
    await dynamo?.stop();
    await s3?.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  dynamo = await startDynamoLocal(localEnv.dynamoPort, localEnv.dataDir);
  if (dynamo.process) children.add('dynamodb', dynamo.process);
  const created = await ensureTable(dynamo.endpoint, localEnv.tableName);
  s3 = await startS3Local(localEnv.s3Port, localEnv.s3Dir, 'kaimen-local-photos');
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: localEnv.tableName, STAGE: 'local', S3_ENDPOINT: s3.endpoint, PHOTO_BUCKET: s3.bucket,
  });
  const { seedDemo } = await import('./seed/index');
  const seeded = await seedDemo();
  console.log(`DynamoDB Local ${dynamo.endpoint} (data in ${localEnv.dataDir}); table ${localEnv.tableName} ${created ? 'created' : 'present'}; demo data: ${seeded.written} new items`);

  const api = await startOffline(children, {
    host: localEnv.apiHost, port: localEnv.apiPort, lambdaPort: Number(process.env.API_LAMBDA_PORT ?? 3002), stage: 'local',
    dynamoEndpoint: dynamo.endpoint, tableName: localEnv.tableName, rebuildOnSave: true,
  });

  let h5Url: string | null = null;
  if (!apiOnly) {
    h5Url = `http://${localEnv.apiHost}:${localEnv.h5Port}`;
    const h5 = children.start('h5', 'npm', ['run', 'dev:h5', '-w', 'miniapp'], {
      cwd: root,
      env: { ...process.env, API_URL: api.url, MINIAPP_DEV_HOST: localEnv.apiHost, MINIAPP_DEV_PORT: String(localEnv.h5Port) },
    });
    await waitForHttp(h5Url, 600_000, () => h5.exitCode === null);
  }

  let adminUrl: string | null = null;
  if (!apiOnly) {
    adminUrl = `http://${localEnv.apiHost}:${localEnv.adminPort}`;
    const admin = children.start('admin', 'npm', ['run', 'dev', '-w', 'admin'], {
      cwd: root,
      env: { ...process.env, API_URL: api.url, PUBLIC_URL: h5Url ?? '', ADMIN_DEV_HOST: localEnv.apiHost, ADMIN_PORT: String(localEnv.adminPort) },
    });
    await waitForHttp(adminUrl, 120_000, () => admin.exitCode === null);
  }

  console.log('\nKaimen is running:');
  console.log(`  API          ${api.url}   (OpenAPI: ${api.url}/openapi.json)`);
  if (h5Url) console.log(`  H5 app       ${h5Url}   (sign in as dev-member, dev-secretary or dev-admin)`);
  if (adminUrl) console.log(`  PC console   ${adminUrl}   (管理后台; sign in as dev-admin or dev-city-admin)`);
  console.log(`  DynamoDB     ${dynamo.endpoint}   table ${localEnv.tableName}`);
  console.log(`  S3 (photos)  ${s3.endpoint}   bucket ${s3.bucket} (files in ${localEnv.s3Dir})`);
  console.log('Press Ctrl-C to stop.\n');
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await stop(1);
}
