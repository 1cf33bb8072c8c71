/**
 * The tally function against DynamoDB Local (standalone: `npx tsx bench/tally-dynamo.ts [n]`): n
 * generated suggestions (default 2,000) queued in one campaign, one full run of `runTally` as the
 * Lambda runs it, then 200 more and an incremental run. Counts the DynamoDB requests each run makes
 * (reads must grow with the new suggestions, not with the campaign). DynamoDB Local runs in memory on
 * this machine, so absolute times are a lower bound of nothing in particular: compare runs. Prints markdown.
 */
import { BatchWriteCommand } from '../functions/src/lib/dynamo';
import { ensureTable, startDynamoLocal } from '../scripts/lib/dynamo-local';
import { freePort } from '../scripts/lib/ports';
import { generate } from './lib/tally-data';
import { countRequests } from './lib/request-count';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const n = Number(process.argv[2] ?? 2000);
const dynamo = await startDynamoLocal(await freePort(), null);
const tableName = 'kaimen-bench-tally';
await ensureTable(dynamo.endpoint, tableName);
Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, STAGE: 'local' });

const { db, table } = await import('../functions/src/lib/db');
const { suggestionItem } = await import('../functions/src/feedback/suggestion-store');
const { runTally } = await import('../functions/src/checklist/tally-run');

const campaignId = 'bench-campaign';
const requests = countRequests(db());

async function queue(seed: number, count: number, startMs: number): Promise<void> {
  const rows = generate(count, seed, startMs).map((s) => suggestionItem({
    id: s.id, campaignId, campaignOrgPath: '/jn/lj/', category: s.category, content: s.content, channel: s.channel as 'miniapp',
    anonymous: true, createdAt: s.submittedAt, submittedAt: s.submittedAt,
  }));
  for (let i = 0; i < rows.length; i += 25) {
    await db().send(new BatchWriteCommand({ RequestItems: { [table()]: rows.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
}

async function measure(label: string, count: number) {
  requests.clear();
  const t0 = performance.now();
  const outcome = await runTally(campaignId, new Date());
  const ms = performance.now() - t0;
  const writes = requests.byOperation.get('TransactWriteItems') ?? 0;
  const reads = (requests.byOperation.get('Query') ?? 0) + (requests.byOperation.get('GetItem') ?? 0) + (requests.byOperation.get('BatchGetItem') ?? 0);
  return `| ${label} | ${count.toLocaleString('en')} | ${outcome.processed.toLocaleString('en')} | ${outcome.newItems} | ${(ms / 1000).toFixed(2)} s | ${(ms / count).toFixed(2)} ms | ${writes} | ${reads} |`;
}

try {
  await queue(1, n, Date.UTC(2026, 0, 1));
  const full = await measure('full run', n);
  await queue(7, 200, Date.UTC(2026, 6, 1));
  const incremental = await measure('incremental', 200);
  console.log(['## Tally function against DynamoDB Local', '',
    `One campaign, generated suggestions (bench/lib/tally-data.ts), \`runTally\` in process against DynamoDB Local in memory.`, '',
    '| run | queued | processed | new items | time | per suggestion | transactions | read requests |', '| --- | --- | --- | --- | --- | --- | --- | --- |',
    full, incremental].join('\n'));
} finally {
  await dynamo.stop();
}
