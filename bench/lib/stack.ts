import { ensureTable, startDynamoLocal } from '../../scripts/lib/dynamo-local';
import { freePort } from '../../scripts/lib/ports';
import { Children } from '../../scripts/lib/processes';
import { startOffline } from '../../scripts/lib/api-offline';

/**
 * The local stack `npm run dev:api` runs (DynamoDB Local, the table, the demo data, serverless-offline),
 * started on free ports with DynamoDB in memory so a benchmark never touches the developer's data.
 */
export async function startBenchStack(env: Record<string, string> = {}) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoLocal(await freePort(), null);
  const tableName = 'kaimen-bench';
  await ensureTable(dynamo.endpoint, tableName);
  Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, STAGE: 'local', IS_OFFLINE: 'true', ...env });
  const { seedDemo } = await import('../../scripts/seed/index');
  await seedDemo();
  const children = new Children();
  const api = await startOffline(children, {
    host: '127.0.0.1', port: await freePort(), lambdaPort: await freePort(), stage: 'local',
    dynamoEndpoint: dynamo.endpoint, tableName, quiet: true, env,
  });
  return {
    url: api.url,
    endpoint: dynamo.endpoint,
    tableName,
    async stop() {
      await children.stopAll();
      await dynamo.stop();
    },
  };
}
