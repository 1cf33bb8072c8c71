// DynamoDB requests per hot route, counted on the functions' own client (its onRequest hook,
// nothing changed in the handlers), and the public submission at concurrency 50 in-process against
// the very DynamoDB requests it makes, replayed raw on the same client, in the same run.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PutCommand } from '../functions/src/lib/dynamo';
import { recordRequests, startInProcess, type Sent } from './lib/in-process';
import { median, ms, percentile, pool } from './lib/stats';

const TOTAL = Number(process.env.BENCH_ROUND_TRIPS_SUBMITS ?? 2000);
const CONCURRENCY = 50;
const BRANCH = { id: 'lj-dh-gz-b1', path: '/jn/lj/lj-dh/lj-dh-gz/lj-dh-gz-b1/' };

const stack = await startInProcess({ RATE_SUGGESTIONS_PER_WINDOW: '1000000', RATE_ANON_SUGGESTIONS_PER_IP: '1000000' });
try {
  const { db, table } = await import('../functions/src/lib/db');
  const { keys } = await import('../functions/src/db/keys');
  const { userItem } = await import('../functions/src/auth/store');
  const during = await recordRequests();
  const ok = (what: string, res: { status: number; json: any }, status = [200, 201]) => {
    if (!status.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  };

  // Setup (not counted): an open campaign, a member of a branch, a quiz and a lesson for them.
  const admin = await stack.token('dev-admin');
  const campaign = ok('campaign', await stack.call('POST', '/admin/campaigns', { token: admin, body: {
    title: '往返次数活动', description: 'bench', orgId: 'lj', status: 'open',
    opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  } }));
  const units = ok('units', await stack.call('GET', `/campaigns/${campaign.id}/units`)).items as { id: string }[];
  await db().send(new PutCommand({ TableName: table(), Item: userItem({ id: 'm-bench-rt', name: '压测党员', roles: ['member'], orgId: BRANCH.id, orgPath: BRANCH.path, openid: 'bench-rt', createdAt: new Date().toISOString() }) }));
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.openid('bench-rt'), type: 'openid', userId: 'm-bench-rt' } }));
  const member = await stack.token('bench-rt');
  const bank = ok('bank', await stack.call('POST', '/admin/question-banks', { token: admin, body: { title: '往返题库' } }));
  const csv = readFileSync(resolve(import.meta.dirname, '../functions/test/fixtures/quiz-bank-good.csv'));
  ok('import', await stack.call('POST', `/admin/question-banks/${bank.id}/import`, { token: admin, raw: { type: 'text/csv', bytes: csv } }));
  const quiz = ok('quiz', await stack.call('POST', '/admin/quizzes', { token: admin, body: {
    title: '往返测试', bankId: bank.id, draw: { single: 5, multiple: 3, judge: 2 }, timeLimitSeconds: 1800, attemptsAllowed: 1, passScore: 10, orgIds: [BRANCH.id],
  } }));
  const topic = ok('topic', await stack.call('POST', '/admin/topics', { token: admin, body: { title: '往返专题', summary: 'bench', published: true } }));
  const lesson = ok('lesson', await stack.call('POST', `/admin/topics/${topic.id}/lessons`, { token: admin, body: {
    title: '往返短文', kind: 'article', mode: 'self_study', body: '<p>学习为民服务的初心。</p>', published: true,
  } }));

  const submitBody = (i: number) => ({ category: 'notary', content: `公证排队时间太长，第${i}条意见`, anonymous: true });
  const anonSubmit = (i: number, key = randomUUID()) =>
    stack.call('POST', `/campaigns/${campaign.id}/suggestions`, { body: submitBody(i), headers: { 'idempotency-key': key } });

  const rows: { route: string; sent: Sent[] }[] = [];
  const count = async (route: string, work: () => Promise<{ status: number; json: any }>, status?: number[]) => {
    const { result, sent } = await during(work);
    ok(route, result, status);
    rows.push({ route, sent });
    return result.json;
  };

  const first = await count('public submit, first in a fresh function (anonymous)', () => anonSubmit(0));
  const templateKey = randomUUID();
  const second = await count('public submit (anonymous)', () => anonSubmit(1, templateKey));
  const template = rows.at(-1)!.sent;
  await count('public submit, same Idempotency-Key again', () => anonSubmit(1, templateKey));
  await count('public submit (signed in, with a unit)', () => stack.call('POST', `/campaigns/${campaign.id}/suggestions`, {
    token: member, headers: { 'idempotency-key': randomUUID() }, body: { category: 'notary', content: '律师收费不透明', anonymous: false, contact: { name: '张三', phone: '13800138000' }, orgId: units[0]!.id },
  }));
  await count('track (GET /suggestions/track/{code})', () => stack.call('GET', `/suggestions/track/${first.trackingCode}`));
  ok('reply', await stack.call('POST', `/admin/suggestions/${first.id}/reply`, { token: admin, body: { text: '已改进排队叫号。' } }));
  await count('rating', () => stack.call('POST', `/suggestions/track/${first.trackingCode}/rating`, { headers: { 'idempotency-key': randomUUID() }, body: { rating: 'satisfied' } }));
  await count('campaign list (GET /campaigns)', () => stack.call('GET', '/campaigns?status=open'));
  const attempt = await count('quiz start', () => stack.call('POST', `/quizzes/${quiz.id}/attempts`, { token: member }));
  const answers = Object.fromEntries((attempt.questions as { id: string; type: string }[]).map((q) => [q.id, q.type === 'multiple' ? ['A', 'B'] : ['A']]));
  await count('quiz save', () => stack.call('PUT', `/attempts/${attempt.attemptId}/answers`, { token: member, body: { answers, seq: 1 } }));
  await count('quiz submit', () => stack.call('POST', `/attempts/${attempt.attemptId}/submit`, { token: member, body: { answers } }));
  await count('lesson progress', () => stack.call('POST', `/lessons/${lesson.id}/progress`, { token: member, headers: { 'idempotency-key': randomUUID() }, body: { seconds: 3, completed: false } }));

  /** Items read more than once by one request (GetItem, BatchGetItem): what "no request reads the same item twice" forbids. */
  const repeatedReads = (sent: Sent[]) => {
    const seen = new Map<string, number>();
    for (const s of sent) {
      const keysRead = s.command === 'GetItem' ? [s.input.Key] : s.command === 'BatchGetItem' ? Object.values(s.input.RequestItems as Record<string, { Keys: unknown[] }>).flatMap((r) => r.Keys) : [];
      for (const k of keysRead) seen.set(JSON.stringify(k), (seen.get(JSON.stringify(k)) ?? 0) + 1);
    }
    return [...seen.values()].filter((n) => n > 1).length;
  };
  const table1 = rows.map(({ route, sent }) =>
    `| ${route} | ${sent.length} | ${sent.map((s) => s.command).join(', ') || '—'} | ${repeatedReads(sent)} |`).join('\n');

  // The same submission 2×TOTAL times at concurrency 50: through the handler, and as the raw requests
  // it made (the warm template above, its ids made unique per replay), interleaved in halves so load
  // drifts affect both sides alike.
  const oldCode = String(second.trackingCode).replace(/-/g, '');
  const replay = (i: number) => {
    let json = JSON.stringify(template);
    for (const [from, to] of [[second.id, `${second.id}r${i}`], [oldCode, `${oldCode}R${i}`], [templateKey, `${templateKey}-${i}`]] as const) json = json.split(from).join(to);
    return JSON.parse(json) as Sent[];
  };
  const { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, DeleteCommand } = await import('../functions/src/lib/dynamo');
  const commands: Record<string, new (input: any) => any> = { BatchGetItem: BatchGetCommand, GetItem: GetCommand, PutItem: PutCommand, Query: QueryCommand, TransactWriteItems: TransactWriteCommand, UpdateItem: UpdateCommand, DeleteItem: DeleteCommand };
  const handlerTimes: number[] = [];
  const rawTimes: number[] = [];
  let failures = 0;
  let rawConflicts = 0;
  const runHandler = (offset: number) => pool(TOTAL / 2, CONCURRENCY, async (i) => {
    const t = performance.now();
    const res = await anonSubmit(offset + i + 10);
    handlerTimes.push(performance.now() - t);
    if (res.status !== 201) failures++;
  });
  const runRaw = (offset: number) => pool(TOTAL / 2, CONCURRENCY, async (i) => {
    const sent = replay(offset + i);
    const t = performance.now();
    for (const s of sent) {
      const Command = commands[s.command];
      if (!Command) throw new Error(`cannot replay ${s.command}`);
      // As the store does: a transaction cancelled only by a concurrent one on a shared item (the IP's counter) is sent again.
      for (let attempt = 0; ; attempt++) {
        try {
          await db().send(new Command(s.input));
          break;
        } catch (err) {
          const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
          if (attempt >= 4 || !reasons.some((r) => r.Code === 'TransactionConflict') || reasons.some((r) => r.Code === 'ConditionalCheckFailed')) throw err;
          rawConflicts++;
          await new Promise((r) => setTimeout(r, (10 + Math.random() * 40) * 2 ** attempt));
        }
      }
    }
    rawTimes.push(performance.now() - t);
  });
  await runHandler(0); await runRaw(0); await runHandler(TOTAL / 2); await runRaw(TOTAL / 2);

  console.log(`## Round trips per request (issue 14)

DynamoDB requests each hot route makes, counted by the onRequest hook of the functions' DynamoDB client, handlers called in-process against DynamoDB Local (demo data). "Repeated reads": items one request reads more than once.

| route | requests | what | repeated reads |
| --- | ---: | --- | ---: |
${table1}

Public submission (anonymous, with an \`Idempotency-Key\`) at concurrency ${CONCURRENCY}, ${TOTAL} through the handler in-process and ${TOTAL} replays of the DynamoDB requests one warm submission makes (${template.map((s) => s.command).join(' + ')}), sent raw on the same client; alternated in halves.

| path | p50 | p99 |
| --- | ---: | ---: |
| handler in-process | ${ms(median(handlerTimes))} | ${ms(percentile(handlerTimes, 99))} |
| its raw DynamoDB requests | ${ms(median(rawTimes))} | ${ms(percentile(rawTimes, 99))} |
| **ratio (p50)** | **${(median(handlerTimes) / median(rawTimes)).toFixed(2)}×** | ${(percentile(handlerTimes, 99) / percentile(rawTimes, 99)).toFixed(2)}× |

Non-201 answers: ${failures}. Raw transactions sent again after a conflict with a concurrent one: ${rawConflicts}.
`);
  if (failures) process.exitCode = 1;
} finally {
  await stack.stop();
}
