// 200 members submit one quiz at the same moment against the local API (serverless-offline, stage
// test, DynamoDB Local in memory); each then submits again. Prints throughput, p50/p99 of the
// submission and counts proving that every attempt was recorded exactly once.
// Run: npx tsx bench/quiz-submit.ts   (BENCH_QUIZ_MEMBERS overrides the 200)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable, localClient, startDynamoLocal } from '../scripts/lib/dynamo-local';
import { freePort } from '../scripts/lib/ports';
import { Children } from '../scripts/lib/processes';
import { startOffline } from '../scripts/lib/api-offline';
import { ms, percentile, pool } from './lib/stats';

const MEMBERS = Number(process.env.BENCH_QUIZ_MEMBERS ?? 200);
/** Members who submit one at a time first: the latency of a submission with nothing else going on. */
const SOLO = 20;
const TOTAL = MEMBERS + SOLO;
const BRANCH = { id: 'lj-dh-gz-b1', path: '/jn/lj/lj-dh/lj-dh-gz/lj-dh-gz-b1/' };

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const dynamo = await startDynamoLocal(await freePort(), null);
const tableName = 'kaimen-bench-quiz';
await ensureTable(dynamo.endpoint, tableName);
Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, STAGE: 'test', LOG_LEVEL: 'ERROR' });
const children = new Children();

try {
  // The demo data plus MEMBERS roster members of one branch, each already bound to a WeChat openid.
  const { seedDemo } = await import('../scripts/seed/index');
  await seedDemo();
  const { PutCommand } = await import('../functions/src/lib/dynamo');
  const { db, table } = await import('../functions/src/lib/db');
  const { keys } = await import('../functions/src/db/keys');
  const { userItem } = await import('../functions/src/auth/store');
  const openids = Array.from({ length: TOTAL }, (_, i) => `bench-quiz-${String(i + 1).padStart(4, '0')}`);
  await pool(TOTAL, 20, async (i) => {
    const id = `m-bench-${i + 1}`;
    await db().send(new PutCommand({ TableName: table(), Item: userItem({ id, name: `党员${i + 1}`, roles: ['member'], orgId: BRANCH.id, orgPath: BRANCH.path, openid: openids[i], createdAt: new Date().toISOString() }) }));
    await db().send(new PutCommand({ TableName: table(), Item: { ...keys.openid(openids[i]!), type: 'openid', userId: id } }));
  });

  const api = await startOffline(children, {
    host: '127.0.0.1', port: await freePort(), lambdaPort: await freePort(), stage: 'test',
    dynamoEndpoint: dynamo.endpoint, tableName, quiet: true, env: { LOG_LEVEL: 'ERROR' },
  });
  const call = async (method: string, path: string, token?: string, body?: unknown, raw?: { type: string; bytes: Buffer }) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw) headers['content-type'] = raw.type;
    const res = await fetch(api.url + path, { method, headers, body: raw ? new Uint8Array(raw.bytes) : body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json().catch(() => null)) as any };
  };
  const signIn = async (openid: string) => (await call('POST', '/auth/dev', undefined, { openid })).json.token as string;

  const admin = await signIn('dev-admin');
  const bank = await call('POST', '/admin/question-banks', admin, { title: '压测题库' });
  const csv = readFileSync(resolve(import.meta.dirname, '../functions/test/fixtures/quiz-bank-good.csv'));
  const imported = await call('POST', `/admin/question-banks/${bank.json.id}/import`, admin, undefined, { type: 'text/csv', bytes: csv });
  if (imported.status !== 200) throw new Error(`import: ${JSON.stringify(imported.json)}`);
  const quiz = await call('POST', '/admin/quizzes', admin, {
    title: '压测测试', bankId: bank.json.id, draw: { single: 5, multiple: 3, judge: 2 }, timeLimitSeconds: 1800, attemptsAllowed: 1, passScore: 10, orgIds: [BRANCH.id],
  });
  if (quiz.status !== 201) throw new Error(`quiz: ${JSON.stringify(quiz.json)}`);

  const tokens = await pool(TOTAL, 20, (i) => signIn(openids[i]!));
  const attempts = await pool(TOTAL, 20, async (i) => {
    const a = await call('POST', `/quizzes/${quiz.json.id}/attempts`, tokens[i]);
    if (a.status !== 201) throw new Error(`start: ${a.status} ${JSON.stringify(a.json)}`);
    return a.json as { attemptId: string; questions: { id: string; type: string }[] };
  });
  // Everyone answers A (single, judge) or A+B (multiple): a mix of right and wrong answers.
  const bodies = attempts.map((a) => ({ answers: Object.fromEntries(a.questions.map((q) => [q.id, q.type === 'multiple' ? ['A', 'B'] : ['A']])) }));

  const solo: number[] = [];
  for (let i = MEMBERS; i < TOTAL; i++) {
    const t = performance.now();
    const res = await call('POST', `/attempts/${attempts[i]!.attemptId}/submit`, tokens[i], bodies[i]);
    if (res.status !== 200) throw new Error(`solo submit: ${res.status}`);
    solo.push(performance.now() - t);
  }

  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const t0 = performance.now();
  await Promise.all(attempts.slice(0, MEMBERS).map(async (a, i) => {
    const t = performance.now();
    const res = await call('POST', `/attempts/${a.attemptId}/submit`, tokens[i], bodies[i]);
    latencies.push(performance.now() - t);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }));
  const seconds = (performance.now() - t0) / 1000;

  // Every member submits again at once: each must be refused and nothing recorded twice.
  const again = new Map<number, number>();
  await Promise.all(attempts.slice(0, MEMBERS).map(async (a, i) => {
    const res = await call('POST', `/attempts/${a.attemptId}/submit`, tokens[i], bodies[i]);
    again.set(res.status, (again.get(res.status) ?? 0) + 1);
  }));

  const client = localClient(dynamo.endpoint);
  const count = async (input: ConstructorParameters<typeof QueryCommand>[0]) => {
    let n = 0;
    let start: Record<string, any> | undefined;
    do {
      const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      n += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return n;
  };
  const graded = await count({ TableName: tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': { S: `QUIZ_ATTEMPTS#${quiz.json.id}` } } });
  let archived = 0;
  await pool(TOTAL, 20, async (i) => {
    const n = await count({
      TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', FilterExpression: 'kind = :k',
      ExpressionAttributeValues: { ':pk': { S: `USER#m-bench-${i + 1}` }, ':p': { S: 'ARCHIVE#' }, ':k': { S: 'quiz' } },
    });
    archived += n;
  });
  const stats = await call('GET', `/admin/quizzes/${quiz.json.id}/stats`, admin);
  client.destroy();

  const fmt = (m: Map<number, number>) => [...m.entries()].sort().map(([s, n]) => `${n} × ${s}`).join(', ');
  const once = graded === TOTAL && archived === TOTAL && stats.json.participants === TOTAL && (statuses.get(200) ?? 0) === MEMBERS && (again.get(409) ?? 0) === MEMBERS;
  console.log(`## Quiz submissions (issue 5)

${MEMBERS} members of one branch submit the same quiz (10 questions drawn per attempt, options shuffled) at the same moment through serverless-offline (stage test, DynamoDB Local in memory); then every one of them submits the same attempt again, all at once. Before that, ${SOLO} other members submit one at a time, for the latency of a submission with nothing else going on. The counts cover all ${TOTAL}.

| figure | value |
| --- | ---: |
| submissions | ${MEMBERS} at once |
| throughput | ${(MEMBERS / seconds).toFixed(1)} submissions/s (${seconds.toFixed(2)} s for all) |
| submission latency p50 / p99, ${MEMBERS} at once | ${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))} |
| submission latency p50 / p99, one at a time | ${ms(percentile(solo, 50))} / ${ms(percentile(solo, 99))} |
| answers to the first wave | ${fmt(statuses)} |
| answers to the repeated wave | ${fmt(again)} |
| graded attempts stored | ${graded} |
| archive entries (kind \`quiz\`) | ${archived} |
| participants in the quiz's statistics | ${stats.json.participants} |
| each attempt recorded exactly once | ${once ? 'yes' : '**NO**'} |
`);
  if (!once) process.exitCode = 1;
} finally {
  await children.stopAll();
  await dynamo.stop();
}
