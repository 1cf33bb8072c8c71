// `npm run seed`: starts DynamoDB Local if nothing answers on its port, creates the table if missing,
// and seeds the demo data (idempotent).
import { ensureTable, startDynamoLocal } from './lib/dynamo-local';
import { localEnv } from './lib/env';

const dynamo = await startDynamoLocal(localEnv.dynamoPort, localEnv.dataDir);
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
process.env.TABLE_NAME = localEnv.tableName;
process.env.STAGE ??= 'local';
try {
  const created = await ensureTable(dynamo.endpoint, localEnv.tableName);
  const { seedDemo } = await import('./seed/index');
  const report = await seedDemo();
  console.log(`table ${localEnv.tableName} ${created ? 'created' : 'present'}; ${report.orgs} orgs, ${report.members} members, ${report.written} new items`);
} finally {
  await dynamo.stop();
}
