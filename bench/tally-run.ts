/**
 * A tally run on demand over HTTP (standalone: `npx tsx bench/tally-run.ts [n]`): an admin imports n
 * generated suggestions (default 5,000, the import's limit) into a new campaign through the real API (in
 * process, against DynamoDB Local in memory), starts the tally (POST …/tally → 202 { runId }), asks to
 * start it again while it runs (it must answer the same run), and reads the run until it ends, as the
 * admin console's progress bar does. Prints markdown: how long the answer to POST took against how long
 * the run took, and the progress readings seen.
 */
import { ensureTable, startDynamoLocal } from '../scripts/lib/dynamo-local';
import { freePort } from '../scripts/lib/ports';
import { startLambdaHttp } from '../scripts/lib/lambda-http';
import { generate } from './lib/tally-data';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const n = Number(process.argv[2] ?? 5000);
// DYNAMODB_PORT: reuse a DynamoDB Local already running there (start-up can exceed 30 s on a busy machine).
const dynamo = await startDynamoLocal(Number(process.env.DYNAMODB_PORT) || await freePort(), null);
const tableName = 'kaimen-bench-tally-run';
await ensureTable(dynamo.endpoint, tableName);
Object.assign(process.env, {
  DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, STAGE: 'test', JWT_SECRET: 'bench-secret-0123456789abcdef0123456789', AWS_REGION: 'cn-northwest-1', LOG_LEVEL: 'ERROR',
  // Dev sign-in (/auth/dev) answers only offline, as under serverless-offline or the test harness.
  IS_OFFLINE: 'true',
});
const { seedDemo } = await import('../scripts/seed/index');
await seedDemo();
const server = await startLambdaHttp();

async function request(method: string, path: string, token?: string, body?: string, type = 'application/json') {
  const res = await fetch(server.url + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': type } : {}) }, body });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

try {
  const admin = (await request('POST', '/auth/dev', undefined, JSON.stringify({ openid: 'dev-city-admin' }))).json.token as string;
  const created = await request('POST', '/admin/campaigns', admin, JSON.stringify({
    title: '归并压力测试', description: '开门纳谏', orgId: 'lj', opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-01-01T00:00:00.000Z', status: 'open',
  }));
  const campaign = created.json.id as string;
  const rows = generate(n, 3).map((s, i) => [s.category, `"${s.content.replace(/"/g, '""')}"`, 'window', s.submittedAt, `r${i}`].join(','));
  // One request per CHUNK rows (default: all at once, the import's limit of 5,000).
  const chunk = Number(process.env.CHUNK) || n;
  const t0 = performance.now();
  let importedRows = 0;
  const statuses: number[] = [];
  if (process.env.QUEUE_DIRECT) {
    // The import request itself can overrun its 10 s limit on a very busy machine: queue the rows as the
    // import stores them, straight into the table, and measure the run alone.
    const { BatchWriteCommand } = await import('../functions/src/lib/dynamo');
    const { db, table } = await import('../functions/src/lib/db');
    const { suggestionItem } = await import('../functions/src/feedback/suggestion-store');
    const items = generate(n, 3).map((s) => suggestionItem({
      id: s.id, campaignId: campaign, campaignOrgPath: created.json.orgPath ?? '/jn/lj/', category: s.category, content: s.content, channel: 'window',
      anonymous: true, createdAt: s.submittedAt, submittedAt: s.submittedAt,
    }));
    for (let i = 0; i < items.length; i += 25) await db().send(new BatchWriteCommand({ RequestItems: { [table()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    statuses.push(0);
    importedRows = items.length;
  }
  for (let i = 0; i < rows.length && !process.env.QUEUE_DIRECT; i += chunk) {
    // The import writes what fits in its time and answers where to go on: send the same file again from there.
    for (let from = 0; ;) {
      const imported = await request('POST', `/admin/campaigns/${campaign}/suggestions/import${from ? `?from=${from}` : ''}`, admin, ['category,content,channel,submittedAt,externalId', ...rows.slice(i, i + chunk)].join('\n'), 'text/csv');
      statuses.push(imported.status);
      if (imported.status !== 200) throw new Error(`import failed: ${imported.status} ${JSON.stringify(imported.json)}`);
      importedRows += imported.json.imported as number;
      if (!imported.json.remaining) break;
      from = imported.json.nextRow as number;
    }
  }
  const importMs = performance.now() - t0;

  const t1 = performance.now();
  const started = await request('POST', `/admin/campaigns/${campaign}/tally`, admin);
  const answerMs = performance.now() - t1;
  const again = await request('POST', `/admin/campaigns/${campaign}/tally`, admin);
  const runId = started.json.runId as string;
  const readings: number[] = [];
  let run: Record<string, unknown>;
  for (;;) {
    run = (await request('GET', `/admin/tally-runs/${runId}`, admin)).json;
    if (readings[readings.length - 1] !== run.processed) readings.push(run.processed as number);
    if (run.status === 'done' || run.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const runMs = performance.now() - t1;
  console.log(['## Tally run on demand (issue 11)', '',
    `${n.toLocaleString('en')} generated suggestions imported over HTTP into one campaign, then POST …/tally and GET /admin/tally-runs/{runId} until it ended (in-process API, DynamoDB Local in memory; the run goes on in the background of the same process, as it does in the tally Lambda invoked asynchronously).`, '',
    '| figure | value |', '| --- | ---: |',
    process.env.QUEUE_DIRECT
      ? `| ${n.toLocaleString('en')} rows queued straight into the table (not through the import request) | ${(importMs / 1000).toFixed(1)} s |`
      : `| import of ${n.toLocaleString('en')} rows | ${(importMs / 1000).toFixed(1)} s in ${statuses.length} request(s) of ≤ ${chunk.toLocaleString('en')} rows (statuses ${[...new Set(statuses)].join(', ')}, ${importedRows} imported) |`,
    `| answer to POST …/tally | ${answerMs.toFixed(0)} ms (status ${started.status}) |`,
    `| second POST while it runs | status ${again.status}, same run: ${again.json.runId === runId ? 'yes' : 'NO'} |`,
    `| run status at the end | ${run.status as string} |`,
    `| processed / total | ${run.processed as number} / ${run.total as number} |`,
    `| new items / updated items | ${run.newItems as number} / ${run.updatedItems as number} |`,
    `| run time (POST to ended) | ${(runMs / 1000).toFixed(1)} s |`,
    `| progress readings (processed) | ${readings.join(' → ')} |`,
  ].join('\n'));
} finally {
  await server.close();
  await dynamo.stop();
}
