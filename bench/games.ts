// Head-to-head rounds and rankings, against the real handlers behind HTTP (in-process, as the
// integration tests run them) on DynamoDB Local in memory.
//  1. ROUNDS simultaneous rounds (2 × ROUNDS members polling every POLL_MS): latency from one
//     player's answer leaving the phone to the other player's poll first showing it (p50, p99),
//     DynamoDB requests and Lambda invocations per round. Baseline: one round played alone.
//  2. Rankings of RANK_MEMBERS members of one bureau: the top 50 read through the rank index
//     (items read, latency) against reading every member's total and sorting (what a scan would do).
// Run: npx tsx bench/games.ts   (BENCH_DUEL_ROUNDS, BENCH_RANK_MEMBERS override 100 and 20000;
//      BENCH_INFLIGHT bounds the requests in flight, as a Lambda's reserved concurrency would, default 24)
//
// Robust on a busy machine: at most BENCH_INFLIGHT requests reach the in-process API at once (200
// phones polling every second otherwise open hundreds of sockets to DynamoDB Local, which then
// stopped accepting connections); a reset connection or a 5xx is retried with back-off and counted,
// and the SDK inside the handlers retries up to 6 times (AWS_MAX_ATTEMPTS).
import { BatchWriteCommand, PutCommand, QueryCommand } from '../functions/src/lib/dynamo';
import { ensureTable, startDynamoLocal } from '../scripts/lib/dynamo-local';
import { freePort } from '../scripts/lib/ports';
import { ms, percentile, pool } from './lib/stats';

const ROUNDS = Number(process.env.BENCH_DUEL_ROUNDS ?? 100);
const RANK_MEMBERS = Number(process.env.BENCH_RANK_MEMBERS ?? 20_000);
/** The phone's poll interval (miniapp/src/pages/games/duel.tsx). */
const POLL_MS = 1_000;
const INFLIGHT = Number(process.env.BENCH_INFLIGHT ?? 24);
const BRANCH = { id: 'lj-dh-gz-b1', path: '/jn/lj/lj-dh/lj-dh-gz/lj-dh-gz-b1/' };

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const dynamo = await startDynamoLocal(await freePort(), null);
const tableName = 'kaimen-bench-games';
await ensureTable(dynamo.endpoint, tableName);
// IS_OFFLINE: the dev sign-in (POST /auth/dev) answers only offline, as under serverless-offline.
Object.assign(process.env, { IS_OFFLINE: 'true', AWS_MAX_ATTEMPTS: '6', DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, STAGE: 'test', LOG_LEVEL: 'ERROR', JWT_SECRET: 'bench-secret-0123456789abcdef0123456789' });

const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

try {
  const { seedDemo } = await import('../scripts/seed/index');
  await seedDemo();
  const { db, table } = await import('../functions/src/lib/db');
  const { keys } = await import('../functions/src/db/keys');
  const { userItem } = await import('../functions/src/auth/store');
  const { startLambdaHttp } = await import('../scripts/lib/lambda-http');
  const { periodsOf, rankSortKey } = await import('@kaimen/shared');

  // Every DynamoDB request the handlers make, counted at the client.
  let dynamoRequests = 0;
  db().onRequest(() => { dynamoRequests++; });

  const players = 2 * ROUNDS + 2;
  const openids = Array.from({ length: players }, (_, i) => `bench-duel-${i + 1}`);
  await pool(players, 20, async (i) => {
    const id = `m-duel-${i + 1}`;
    await db().send(new PutCommand({ TableName: table(), Item: userItem({ id, name: `党员${i + 1}`, roles: ['member'], orgId: BRANCH.id, orgPath: BRANCH.path, openid: openids[i], createdAt: new Date().toISOString() }) }));
    await db().send(new PutCommand({ TableName: table(), Item: { ...keys.openid(openids[i]!), type: 'openid', userId: id } }));
  });
  const server = await startLambdaHttp();
  let invocations = 0;
  const retried = { network: 0, server: 0 };
  // A counting semaphore: requests beyond INFLIGHT wait their turn (the wait counts in the latency).
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const acquire = () => (inFlight < INFLIGHT ? (inFlight++, Promise.resolve()) : new Promise<void>((r) => waiting.push(r)));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  };
  const once = async (method: string, path: string, token?: string, body?: unknown) => {
    invocations++;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    await acquire();
    try {
      const res = await fetch(server.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: (await res.json().catch(() => null)) as any };
    } finally {
      release();
    }
  };
  /** One request, again after a reset connection or a 5xx (up to 6 tries, back-off 0.2 s doubling). */
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await once(method, path, token, body);
        if (res.status < 500 || attempt >= 5) return { ...res, retried: attempt > 0 };
        retried.server++;
      } catch (err) {
        if (attempt >= 5) throw err;
        retried.network++;
      }
      await sleep(200 * 2 ** attempt * (0.5 + Math.random()));
    }
  };
  const tokens = await pool(players, 10, async (i) => {
    const r = await call('POST', '/auth/dev', undefined, { openid: openids[i] });
    if (r.status !== 200) throw new Error(`sign-in: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json.token as string;
  });

  let late = 0;
  let timedOut = 0;
  /** One round between players a and b: each answers option A after a short think; the other polls. */
  async function round(a: string, b: string, latencies: number[]): Promise<void> {
    const created = await call('POST', '/games/duels', a);
    if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.json)}`);
    const id = created.json.duelId as string;
    const joined = await call('POST', `/games/duels/${id}/join`, b);
    if (joined.status !== 200) throw new Error(`join: ${JSON.stringify(joined.json)}`);
    const answeredAt = new Map<string, number>();
    const player = async (me: string, other: string, first: boolean) => {
      const phase = Math.random() * POLL_MS;
      await sleep(phase);
      let answered = -1;
      for (;;) {
        const s = (await call('GET', `/games/duels/${id}`, me)).json;
        if (s.status === 'finished') {
          if (s.endedBy === 'timeout' && first) timedOut++;
          return;
        }
        if (s.otherAnswered) {
          const sent = answeredAt.get(`${other}:${s.index}`);
          if (sent !== undefined && !answeredAt.has(`${me}:seen:${s.index}`)) {
            answeredAt.set(`${me}:seen:${s.index}`, 1);
            latencies.push(performance.now() - sent);
          }
        }
        if (s.question && s.index !== answered && !s.youAnswered && (first || s.otherAnswered)) {
          await sleep(200 + Math.random() * 300);
          answeredAt.set(`${me}:${s.index}`, performance.now());
          const r = await call('POST', `/games/duels/${id}/answers`, me, { index: s.index, answer: ['A'] });
          // 409: a retried answer whose first try was stored (it counted once), or a question (or round)
          // closed by the server's deadline while the request waited; the next poll shows where the round is.
          if (r.status === 409) {
            if (String(r.json?.detail).includes('作答时间已到')) late++;
            answered = s.index;
            continue;
          }
          if (r.status !== 200) throw new Error(`answer: ${r.status} ${JSON.stringify(r.json)}`);
          answered = s.index;
          if (r.json.status === 'finished') return;
          continue;
        }
        await sleep(POLL_MS);
      }
    };
    // The host answers first each question, the guest after seeing that (the latency measured is host → guest).
    await Promise.all([player(a, b, true), player(b, a, false)]);
  }

  // Warm the function, then the baseline: one round alone.
  await round(tokens[players - 2]!, tokens[players - 1]!, []);
  const soloLat: number[] = [];
  let before = { d: dynamoRequests, i: invocations };
  await round(tokens[0]!, tokens[1]!, soloLat);
  const solo = { dynamo: dynamoRequests - before.d, invocations: invocations - before.i };

  const lat: number[] = [];
  before = { d: dynamoRequests, i: invocations };
  const started = performance.now();
  await Promise.all(Array.from({ length: ROUNDS }, (_, r) => round(tokens[2 * r]!, tokens[2 * r + 1]!, lat)));
  const took = performance.now() - started;
  const perRound = { dynamo: (dynamoRequests - before.d) / ROUNDS, invocations: (invocations - before.i) / ROUNDS };

  // Rankings: RANK_MEMBERS members' totals of this year in one bureau (written as awards would).
  const period = `year#${periodsOf(Date.now()).year}`;
  const bureau = 'lj-dh';
  await pool(Math.ceil(RANK_MEMBERS / 25), 8, async (chunk) => {
    const items = Array.from({ length: Math.min(25, RANK_MEMBERS - chunk * 25) }, (_, j) => {
      const n = chunk * 25 + j;
      const points = (n * 7919) % 5000;
      return { PutRequest: { Item: { ...keys.periodPoints(`m-rank-${n}`, period), gsi3pk: keys.rankPartition(bureau, period), gsi3sk: rankSortKey(points), type: 'periodPoints', userId: `m-rank-${n}`, name: `党员${n}`, period, points, version: 1 } } };
    });
    let request: Record<string, unknown[]> | undefined = { [table()]: items };
    for (let tries = 0; request && Object.keys(request).length > 0; tries++) {
      if (tries) await sleep(100 * tries);
      const res = await db().send(new BatchWriteCommand({ RequestItems: request as never }));
      request = res.UnprocessedItems as typeof request;
    }
  });
  const member = tokens[0]!;
  const topLat: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const r = await call('GET', '/games/rankings?scope=bureau&period=year', member);
    if (r.status !== 200 || r.json.items.length !== 50) throw new Error(`ranking: ${JSON.stringify(r.json).slice(0, 300)}`);
    topLat.push(performance.now() - t);
  }
  const top = await db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi3', Limit: 50, ScanIndexForward: false, KeyConditionExpression: 'gsi3pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.rankPartition(bureau, period) }, ReturnConsumedCapacity: 'TOTAL',
  }));
  // Baseline: read every member's total of the bureau and sort (what ranking without the index costs).
  const fullLat: number[] = [];
  let fullRead = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const all: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db().send(new QueryCommand({
        TableName: table(), IndexName: 'gsi3', ExclusiveStartKey: start, KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.rankPartition(bureau, period) },
      }));
      all.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    all.sort((x, y) => (y.points as number) - (x.points as number));
    fullLat.push(performance.now() - t);
    fullRead = all.length;
  }
  await server.close();

  const p = (v: number[], q: number) => ms(percentile(v, q));
  console.log(`## Head-to-head rounds and rankings

Short polling (each phone GETs the round every ${POLL_MS / 1000} s), real handlers over HTTP in-process, DynamoDB Local in memory. Each player thinks 0.2–0.5 s before answering; the host answers each question first, the guest after seeing it.

| | one round alone (baseline) | ${ROUNDS} rounds at once |
| --- | ---: | ---: |
| answer → other player's screen, p50 | ${p(soloLat, 50)} | ${p(lat, 50)} (×${(percentile(lat, 50) / percentile(soloLat, 50)).toFixed(2)}) |
| answer → other player's screen, p99 | ${p(soloLat, 99)} | ${p(lat, 99)} (×${(percentile(lat, 99) / percentile(soloLat, 99)).toFixed(2)}) |
| DynamoDB requests per round | ${solo.dynamo} | ${perRound.dynamo.toFixed(1)} |
| Lambda invocations (HTTP requests) per round | ${solo.invocations} | ${perRound.invocations.toFixed(1)} |
| wall time | — | ${(took / 1000).toFixed(1)} s |

At most ${INFLIGHT} requests in flight at once (the rest wait, and the wait is in the latency); retried after a reset connection: ${retried.network}, after a 5xx: ${retried.server}. Answers that reached the server after their question's deadline: ${late}; rounds ended by timeout: ${timedOut}.

The latency is bounded below by the poll interval: half of it on average (${POLL_MS / 2} ms) plus one GET.

Rankings of ${RANK_MEMBERS} members of one bureau (year):

| read | items read | p50 | p99 |
| --- | ---: | ---: | ---: |
| top 50 through the rank index (GET /games/rankings, HTTP) | ${top.Count} | ${p(topLat, 50)} | ${p(topLat, 99)} |
| every member's total, sorted (baseline, in-process) | ${fullRead} | ${p(fullLat, 50)} | ${p(fullLat, 99)} |

Ratio baseline / index (p50): ×${(percentile(fullLat, 50) / percentile(topLat, 50)).toFixed(1)}.`);
} finally {
  await dynamo.stop();
}
process.exit(0);
