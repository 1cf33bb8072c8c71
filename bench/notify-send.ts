// 10,000 due reminders sent through a fake WeChat on loopback at its rate limit (45011 above it):
// time to send them all against the ideal time at that rate (the baseline), WeChat token requests
// (must be 1), DynamoDB requests per message (emit and send), and proof that each was sent once.
// Run: npx tsx bench/notify-send.ts   (BENCH_NOTIFY_MESSAGES and BENCH_NOTIFY_RATE override 10000 and 500/s)
import { BatchWriteCommand } from '../functions/src/lib/dynamo';
import { ensureTable, startDynamoLocal } from '../scripts/lib/dynamo-local';
import { freePort } from '../scripts/lib/ports';
import { startFakeWechat } from '../functions/test/support/fake-wechat';
import { pool } from './lib/stats';

const MESSAGES = Number(process.env.BENCH_NOTIFY_MESSAGES ?? 10_000);
const RATE = Number(process.env.BENCH_NOTIFY_RATE ?? 500);

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const dynamo = await startDynamoLocal(Number(process.env.DYNAMODB_PORT) || (await freePort()), null); // a running one on DYNAMODB_PORT is reused
const wechat = await startFakeWechat('wx-bench', 'wx-bench-secret', {}, { templateIds: ['tpl-study'], ratePerSecond: RATE });
const tableName = `kaimen-bench-notify-${Date.now().toString(36)}`; // fresh even on a reused DynamoDB Local
await ensureTable(dynamo.endpoint, tableName);
Object.assign(process.env, {
  DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, STAGE: 'test', LOG_LEVEL: 'ERROR',
  WECHAT_API_BASE: wechat.url, WECHAT_APP_ID: 'wx-bench', WECHAT_APP_SECRET: 'wx-bench-secret',
  WECHAT_TEMPLATES: JSON.stringify({ study: 'tpl-study' }), NOTIFY_SEND_PER_SECOND: String(RATE), NOTIFY_SEND_CONCURRENCY: '16',
});

try {
  const { db, table } = await import('../functions/src/lib/db');
  const { keys } = await import('../functions/src/db/keys');
  const { userItem } = await import('../functions/src/auth/store');
  const { emitNotification } = await import('../functions/src/notify/emit');
  const { sendDue } = await import('../functions/src/notify/sender');

  // MESSAGES members, each bound to an openid and subscribed once to the study reminders.
  const createdAt = new Date().toISOString();
  const ids = Array.from({ length: MESSAGES }, (_, i) => `m-bench-notify-${i + 1}`);
  await pool(Math.ceil(MESSAGES / 12), 8, async (b) => {
    const items = ids.slice(b * 12, b * 12 + 12).flatMap((id, j) => [
      userItem({ id, name: `党员${b * 12 + j + 1}`, roles: ['member'], orgId: 'bench', orgPath: '/bench/', openid: `bench-openid-${id}`, createdAt }),
      { ...keys.notifySettings(id), type: 'notifySettings', off: [], credits: { study: 1 } },
    ]);
    await db().send(new BatchWriteCommand({ RequestItems: { [table()]: items.map((Item) => ({ PutRequest: { Item } })) } }));
  });

  let requests = 0;
  db().onRequest(() => { requests += 1; });

  const at = new Date('2026-12-07T02:00:00Z'); // 10:00 in China: not in quiet hours
  let t = performance.now();
  const emitted = await emitNotification({
    kind: 'quiz_due', eventKey: 'bench#quiz-due', userIds: ids, title: '知识测试即将截止', body: '民法典知识测试', link: '/pages/quiz/index', scopePath: '/bench/', at,
  });
  const emitSeconds = (performance.now() - t) / 1000;
  const emitRequests = requests;

  requests = 0;
  t = performance.now();
  const run = await sendDue({ now: () => at });
  const sendSeconds = (performance.now() - t) / 1000;
  const sendRequests = requests;
  const again = await sendDue({ now: () => at });

  const distinct = new Set(wechat.sent.map((m) => m.touser));
  const ideal = MESSAGES / RATE;
  const limited = wechat.rejected.filter((r) => r.errcode === 45011).length;
  const ok = emitted.pushed === MESSAGES && distinct.size === MESSAGES && wechat.sent.length === MESSAGES && wechat.state.tokenRequests === 1 && again.sent === 0;
  console.log(`## notify-send

${MESSAGES.toLocaleString('en')} due reminders (quiz due in 24 h), each member subscribed once, sent through the fake WeChat on loopback
limited to ${RATE} sends per second (45011 above that); the sender paces itself at the same rate with 16 workers.

| measure | value |
| --- | --- |
| emit ${MESSAGES.toLocaleString('en')} messages (inbox + outbox, idempotent on event + user) | ${emitSeconds.toFixed(1)} s, ${(emitRequests / MESSAGES).toFixed(2)} DynamoDB requests per message |
| send them all | ${sendSeconds.toFixed(1)} s (${(MESSAGES / sendSeconds).toFixed(0)} messages/s) |
| baseline: the ideal time at WeChat's rate limit | ${ideal.toFixed(1)} s — ratio ${(sendSeconds / ideal).toFixed(2)} |
| WeChat token requests | ${wechat.state.tokenRequests} |
| DynamoDB requests per message sent | ${(sendRequests / MESSAGES).toFixed(3)} (claim + settle, plus one due-index query per 100) |
| answered 45011 (too fast) and retried | ${limited} |
| sent / distinct users / sent twice / second run | ${wechat.sent.length} / ${distinct.size} / ${wechat.sent.length - distinct.size} / ${again.sent} |
| emitted / queued for WeChat | ${emitted.created} / ${emitted.pushed} |
| sender's own count | sent ${run.sent}, retrying ${run.retrying}, failed ${run.failed} |
| all sent exactly once with one token | ${ok ? 'yes' : '**NO**'} |`);
  if (!ok) process.exitCode = 1;
} finally {
  await wechat.close();
  await dynamo.stop();
}
