// 5,000 public suggestions at concurrency 50 against the local API (serverless-offline), a tenth of
// them retried with the same Idempotency-Key; then counts what is stored.
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { localClient } from '../scripts/lib/dynamo-local';
import { startBenchStack } from './lib/stack';
import { median, ms, percentile, pool } from './lib/stats';

const TOTAL = Number(process.env.BENCH_SUGGESTIONS ?? 5000);
const CONCURRENCY = 50;
const stack = await startBenchStack({ RATE_SUGGESTIONS_PER_WINDOW: '1000000' });
try {
  const token = ((await (await fetch(`${stack.url}/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'dev-admin' }) })).json()) as any).token;
  const campaign: any = await (await fetch(`${stack.url}/admin/campaigns`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: '压测活动', description: 'bench', orgId: 'lj', opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), status: 'open' }),
  })).json();

  const services = ['公证', '法律援助', '12348热线', '司法鉴定', '律师', '人民调解'];
  const problems = ['排队时间太长', '收费不透明', '工作人员态度冷淡', '材料要求太多', '电话打不通', '周末不开门'];
  const latencies: number[] = [];
  const accepted = new Map<string, number>(); // suggestion id → times answered
  let failures = 0;
  const statuses = new Map<string, number>();
  let replays = 0;

  const send = async (body: string, key: string) => {
    const t = performance.now();
    const res = await fetch(`${stack.url}/campaigns/${campaign.id}/suggestions`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body,
    });
    const json: any = await res.json();
    latencies.push(performance.now() - t);
    const tag = res.status === 201 ? '201' : `${res.status} ${json.code ?? json.errorType ?? ''} ${String(json.detail ?? json.errorMessage ?? '').slice(0, 60)}`;
    statuses.set(tag, (statuses.get(tag) ?? 0) + 1);
    if (res.status === 201) {
      accepted.set(json.id, (accepted.get(json.id) ?? 0) + 1);
      if (res.headers.get('idempotent-replayed')) replays++;
    } else failures++;
    return json.id as string | undefined;
  };

  const started = performance.now();
  await pool(TOTAL, CONCURRENCY, async (i) => {
    const body = JSON.stringify({ category: 'notary', content: `${services[i % 6]}${problems[(i >> 3) % 6]}，第${i}条意见`, anonymous: true });
    const key = randomUUID();
    const first = await send(body, key);
    if (i % 10 === 0) {
      const again = await send(body, key); // the phone lost the answer and retried
      if (again !== first) failures++;
    }
  });
  const seconds = (performance.now() - started) / 1000;

  const client = localClient(stack.endpoint);
  const stored = new Map<string, number>();
  let start: Record<string, any> | undefined;
  do {
    const page = await client.send(new QueryCommand({
      TableName: stack.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `CAMPAIGN_SUGG#${campaign.id}` } }, ExclusiveStartKey: start,
    }));
    for (const item of page.Items ?? []) stored.set(item.id!.S!, (stored.get(item.id!.S!) ?? 0) + 1);
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();

  const distinctAccepted = accepted.size;
  const exactlyOnce = [...accepted.keys()].every((id) => stored.get(id) === 1) && stored.size === distinctAccepted;
  const requests = latencies.length;
  console.log(`## Public submissions (issue 3)

${TOTAL} suggestions at concurrency ${CONCURRENCY} through serverless-offline (stage local, DynamoDB Local in memory), every tenth sent again with the same \`Idempotency-Key\` after its answer.

| figure | value |
| --- | ---: |
| requests | ${requests} (${TOTAL} first sends + ${requests - TOTAL} retries) |
| throughput | ${(requests / seconds).toFixed(0)} requests/s (${seconds.toFixed(1)} s) |
| latency p50 / p99 | ${ms(median(latencies))} / ${ms(percentile(latencies, 99))} |
| non-201 answers or mismatched retries | ${failures} |
| retries answered from the idempotency record | ${replays} |
| distinct suggestions accepted | ${distinctAccepted} |
| suggestions stored for the campaign | ${stored.size} |
| every accepted suggestion stored exactly once, nothing else | ${exactlyOnce ? 'yes' : '**NO**'} |
`);
  if (statuses.size > 1) console.log(`Answers: ${[...statuses].map(([k, v]) => `${k} ×${v}`).join('; ')}\n`);
  if (!exactlyOnce || failures) process.exitCode = 1;
} finally {
  await stack.stop();
}
