import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWechat } from './support/fake-wechat';
import { tableSnapshot } from './support/table';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';

const CAMPAIGN = 'demo-lj-2026';
const TEMPLATES = { progress: 'tpl-progress', study: 'tpl-study' }; // no `work` template: configuration left it out
let api: TestApi;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let sendDue: typeof import('../src/notify/sender').sendDue;
let emitNotification: typeof import('../src/notify/emit').emitNotification;

beforeAll(async () => {
  wechat = await startFakeWechat('wx-notify-app', 'wx-notify-secret', {}, { templateIds: Object.values(TEMPLATES), ratePerSecond: 400 });
  api = await startTestApi({
    env: {
      WECHAT_API_BASE: wechat.url, WECHAT_APP_ID: 'wx-notify-app', WECHAT_APP_SECRET: 'wx-notify-secret',
      WECHAT_TEMPLATES: JSON.stringify(TEMPLATES), NOTIFY_SEND_PER_SECOND: '1000', NOTIFY_SEND_CONCURRENCY: '8',
    },
  });
  ({ sendDue } = await import('../src/notify/sender'));
  ({ emitNotification } = await import('../src/notify/emit'));
});
afterAll(async () => {
  await api?.close();
  await wechat?.close();
});

async function guest(openid: string, subscribe: ('progress' | 'study' | 'work')[] = []) {
  const token = await api.token(openid);
  const me = await api.request('GET', '/me', { token });
  if (subscribe.length) {
    const res = await api.request('POST', '/me/subscriptions', { token, body: { results: subscribe.map((templateKey) => ({ templateKey, result: 'accept' })) } });
    expect(res.status).toBe(200);
  }
  return { token, userId: me.json.id as string, openid };
}

const inbox = async (token: string) => (await api.request('GET', '/me/notifications', { token })).json;
const sentTo = (openid: string) => wechat.sent.filter((m) => m.touser === openid);

describe('a guest\'s suggestion, its reply, and the message about it', () => {
  let g: Awaited<ReturnType<typeof guest>>;
  let suggestionId: string;
  let trackingCode: string;

  it('records who submitted when a token comes with the public submit, and lists it under my suggestions', async () => {
    g = await guest('wx-notify-guest', ['progress']);
    const res = await api.request('POST', `/campaigns/${CAMPAIGN}/suggestions`, {
      token: g.token, body: { category: 'notary', content: '公证处能否周六上午开放半天，方便上班族办理', anonymous: true },
    });
    expect(res.status).toBe(201);
    ({ id: suggestionId, trackingCode } = res.json);
    const mine = await api.request('GET', '/me/suggestions', { token: g.token });
    expect(mine.status).toBe(200);
    expect(mine.json.items).toHaveLength(1);
    expect(mine.json.items[0]).toMatchObject({ id: suggestionId, trackingCode, status: 'received', campaignId: CAMPAIGN });
    const other = await guest('wx-notify-someone-else');
    expect((await api.request('GET', '/me/suggestions', { token: other.token })).json.items).toEqual([]);
    expect((await api.request('GET', `/suggestions/track/${trackingCode}`)).status).toBe(200);
  });

  it('never shows the link between guest and suggestion in admin lists, stats or the export', async () => {
    const admin = await api.token('dev-admin');
    const secrets = [g.userId, g.openid];
    const list = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?limit=100`, { token: admin });
    expect(list.status).toBe(200);
    expect(list.json.items.some((s: { id: string }) => s.id === suggestionId)).toBe(true);
    const stats = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/stats`, { token: admin });
    for (const text of [list.text, stats.text]) for (const s of secrets) expect(text).not.toContain(s);

    const res = await fetch(`${api.url}/admin/campaigns/${CAMPAIGN}/suggestions.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells.join('|')).toContain('公证处能否周六上午开放半天');
    for (const s of secrets) expect(cells.join('|')).not.toContain(s);
  });

  it('puts the reply in the inbox and sends one WeChat message with one token', async () => {
    const admin = await api.token('dev-admin');
    const reply = await api.request('POST', `/admin/suggestions/${suggestionId}/reply`, { token: admin, body: { text: '已研究决定自下月起每周六上午开放，欢迎前来办理。' } });
    expect(reply.status).toBe(200);
    expect(reply.text).not.toContain(g.openid);
    const box = await inbox(g.token);
    expect(box.unread).toBe(1);
    expect(box.items[0]).toMatchObject({ kind: 'suggestion_reply', title: '您的意见有了答复', link: `/pages/feedback/track?code=${trackingCode}` });
    expect(box.items[0].readAt).toBeUndefined();

    const tokensBefore = wechat.state.tokenRequests;
    const run = await sendDue();
    expect(run).toMatchObject({ sent: 1, failed: 0 });
    expect(wechat.state.tokenRequests - tokensBefore).toBe(1);
    const [m] = sentTo(g.openid);
    expect(m).toMatchObject({ template_id: 'tpl-progress', page: `pages/feedback/track?code=${trackingCode}`, lang: 'zh_CN', miniprogram_state: 'trial' });
    expect(Object.keys(m!.data)).toEqual(['thing1', 'thing2', 'time3']);
    expect(m!.data.thing2!.value).toBe('已研究决定自下月起每周六上午开放，欢迎…');

    expect(await sendDue()).toMatchObject({ claimed: 0, sent: 0 });
    const again = await emitNotification({ kind: 'suggestion_reply', eventKey: `reply#${suggestionId}#${box.items[0].createdAt}`, userIds: [g.userId], title: 'x', body: 'y', link: '/pages/me/index', scopePath: '/' });
    expect(again.created + again.duplicates).toBe(1);
    expect(sentTo(g.openid)).toHaveLength(1);
  });

  it('marks messages read (own only) and rejects bad input in Chinese, changing nothing', async () => {
    const box = await inbox(g.token);
    const other = await guest('wx-notify-someone-else');
    expect((await api.request('POST', '/me/notifications/read', { token: other.token, body: { ids: [box.items[0].id] } })).json).toEqual({ unread: 0 });
    expect((await inbox(g.token)).unread).toBe(1);

    const before = await tableSnapshot(api.endpoint, api.tableName);
    for (const body of [{ ids: [] }, { ids: ['../x'] }, { ids: 'abc' }, {}, { ids: [box.items[0].id], extra: 1 }]) {
      const p = expectProblem(await api.request('POST', '/me/notifications/read', { token: g.token, body }), 400, 'VALIDATION_FAILED');
      expect(p.detail).toMatch(/[\u4e00-\u9fa5]/);
    }
    expectProblem(await api.request('GET', '/me/notifications'), 401, 'UNAUTHENTICATED');
    expectProblem(await api.request('PUT', '/me/notification-settings', { token: g.token, body: { off: ['nonsense'] } }), 400, 'VALIDATION_FAILED');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);

    const read = await api.request('POST', '/me/notifications/read', { token: g.token, body: { ids: [box.items[0].id, box.items[0].id] } });
    expect(read.json).toEqual({ unread: 0 });
    expect((await inbox(g.token)).items[0].readAt).toBeTruthy();
    expect((await api.request('POST', '/me/notifications/read', { token: g.token, body: { ids: [box.items[0].id] } })).json).toEqual({ unread: 0 });
  });
});

describe('quiet by design', () => {
  it('holds reminders in quiet hours until 08:00 China time, but not a reply to one\'s own suggestion', async () => {
    const u = await guest('wx-notify-night', ['progress', 'study']);
    const night = new Date('2026-12-01T15:30:00Z'); // 23:30 in China
    await emitNotification({ kind: 'quiz_due', eventKey: 'quiet#quiz', userIds: [u.userId], title: '测试即将截止', body: '宪法知识测试', link: '/pages/quiz/index', scopePath: '/', at: night });
    await emitNotification({ kind: 'suggestion_reply', eventKey: 'quiet#reply', userIds: [u.userId], title: '您的意见有了答复', body: '已答复', link: '/pages/me/index', scopePath: '/', at: night });
    expect(await sendDue({ now: () => night })).toMatchObject({ sent: 1 });
    expect(sentTo(u.openid).map((m) => m.template_id)).toEqual(['tpl-progress']);
    expect(await sendDue({ now: () => new Date('2026-12-01T23:59:00Z') })).toMatchObject({ sent: 0 }); // 07:59
    expect(await sendDue({ now: () => new Date('2026-12-02T00:00:00Z') })).toMatchObject({ sent: 1 }); // 08:00
    expect((await inbox(u.token)).items).toHaveLength(2);
  });

  it('caps pushes per user and kind per day, honours a kind switched off, and pushes nothing without a subscription', async () => {
    const u = await guest('wx-notify-busy', ['study', 'study', 'study', 'study', 'study']);
    const at = new Date('2026-12-03T02:00:00Z');
    for (let i = 0; i < 3; i++) {
      await emitNotification({ kind: 'quiz_due', eventKey: `cap#${i}`, userIds: [u.userId], title: '测试即将截止', body: `测试 ${i}`, link: '/pages/quiz/index', scopePath: '/', at });
    }
    expect((await api.request('PUT', '/me/notification-settings', { token: u.token, body: { off: ['plan_due'] } })).status).toBe(200);
    await emitNotification({ kind: 'plan_due', eventKey: 'off#plan', userIds: [u.userId], title: '学习计划即将截止', body: '计划', link: '/pages/study/index', scopePath: '/', at });
    const bare = await guest('wx-notify-bare');
    await emitNotification({ kind: 'quiz_due', eventKey: 'bare#quiz', userIds: [bare.userId], title: '测试即将截止', body: '测试', link: '/pages/quiz/index', scopePath: '/', at });

    await sendDue({ now: () => at });
    expect(sentTo(u.openid)).toHaveLength(2);
    expect(sentTo(bare.openid)).toHaveLength(0);
    expect((await inbox(u.token)).items).toHaveLength(4);
    expect((await inbox(bare.token)).unread).toBe(1);
    const settings = (await api.request('GET', '/me/notification-settings', { token: u.token })).json;
    expect(settings.credits.study).toBe(3);
    expect(settings.templates).toEqual({ progress: 'tpl-progress', study: 'tpl-study', work: null });
    expect(settings.kinds.find((k: { kind: string }) => k.kind === 'plan_due').enabled).toBe(false);
  });
});

describe('faults: nothing sent twice, nothing lost, failures visible to an admin', () => {
  // Each test on its own day, so the daily cap of one does not hold back the next.
  let at = new Date('2026-12-05T02:00:00Z');
  const nextDay = () => (at = new Date(at.getTime() + 86_400_000));
  const users: Awaited<ReturnType<typeof guest>>[] = [];
  const emit = (key: string, list = users, kind: 'quiz_due' | 'checklist_overdue' = 'quiz_due') =>
    emitNotification({ kind, eventKey: key, userIds: list.map((u) => u.userId), title: '测试即将截止', body: '民法典知识测试', link: '/pages/quiz/index', scopePath: '/jn/lj/', at });
  const failures = async () => (await api.request('GET', '/admin/notify/failures', { token: await api.token('dev-admin') })).json;

  beforeAll(async () => {
    for (let i = 0; i < 12; i++) users.push(await guest(`wx-notify-fault-${i}`, ['study', 'study', 'study', 'study', 'study', 'work']));
  }, 120_000);

  it('refreshes a token expired mid-batch once for all senders and sends each message once', async () => {
    await emit('fault#token');
    const tokensBefore = wechat.state.tokenRequests;
    wechat.state.onSent = (n) => {
      if (n === wechat.sent.length && wechat.sent.filter((m) => m.touser.startsWith('wx-notify-fault-')).length === 4) wechat.expireToken();
    };
    const run = await sendDue({ now: () => at });
    wechat.state.onSent = undefined;
    expect(run.sent).toBe(12);
    expect(wechat.state.tokenRequests - tokensBefore).toBe(1);
    expect(wechat.rejected.some((r) => r.errcode === 40001)).toBe(true);
    for (const u of users) expect(sentTo(u.openid)).toHaveLength(1);
  });

  it('keeps messages when WeChat is down, shows them to an admin, and sends them on a later run', async () => {
    nextDay();
    await emit('fault#down');
    wechat.state.down = true;
    const run = await sendDue({ now: () => at });
    wechat.state.down = false;
    expect(run).toMatchObject({ sent: 0, retrying: 12 });
    expect((await failures()).counts).toContainEqual({ state: 'pending', reason: 'unreachable', count: 12 });
    expect((await api.request('GET', '/admin/notify/failures', { token: await api.token('dev-qs-admin') })).json.counts).toEqual([]);
    expect(await sendDue({ now: () => new Date(at.getTime() + 30_000) })).toMatchObject({ sent: 0 }); // back-off not over
    expect(await sendDue({ now: () => new Date(at.getTime() + 61_000) })).toMatchObject({ sent: 12 });
    for (const u of users) expect(sentTo(u.openid)).toHaveLength(2);
    expect((await failures()).counts).toEqual([]);
  });

  it('sets a message aside when WeChat is too slow to answer, instead of sending it twice', async () => {
    nextDay();
    const slow = users.slice(2, 4);
    await emit('fault#slow', slow);
    process.env.NOTIFY_WECHAT_TIMEOUT_MS = '300';
    wechat.state.slowMs = 800;
    const run = await sendDue({ now: () => at });
    wechat.state.slowMs = 0;
    delete process.env.NOTIFY_WECHAT_TIMEOUT_MS;
    await new Promise((r) => setTimeout(r, 1000)); // WeChat finishes the slow sends: they did go out
    expect(run).toMatchObject({ uncertain: 2, retrying: 0 });
    expect(await sendDue({ now: () => new Date(at.getTime() + 3_600_000) })).toMatchObject({ sent: 0 });
    for (const u of slow) expect(sentTo(u.openid).filter((m) => m.data.time3)).toHaveLength(3);
    expect((await failures()).counts).toContainEqual({ state: 'uncertain', reason: 'timeout', count: 2 });
  });

  it('does not retry a revoked subscription, and keeps a message whose template is missing until configured', async () => {
    nextDay();
    wechat.state.unsubscribed.add(users[0]!.openid);
    await emit('fault#revoked', [users[0]!]);
    await emit('fault#template', [users[1]!], 'checklist_overdue');
    const run = await sendDue({ now: () => at });
    expect(run).toMatchObject({ unsubscribed: 1, retrying: 1, sent: 0 });
    const f = await failures();
    expect(f.counts).toContainEqual({ state: 'unsubscribed', reason: 'unsubscribed', count: 1 });
    expect(f.counts).toContainEqual({ state: 'pending', reason: 'template_missing', count: 1 });
    expect(f.items.find((i: { reason: string }) => i.reason === 'template_missing').detail).toContain('未配置');
    wechat.state.unsubscribed.clear();
  });

  it('loses nothing and sends nothing twice when the sender is killed half way', async () => {
    nextDay();
    const fresh: Awaited<ReturnType<typeof guest>>[] = [];
    for (let i = 0; i < 20; i++) fresh.push(await guest(`wx-notify-kill-${i}`, ['study']));
    await emit('fault#kill', fresh);
    const killer = new AbortController();
    wechat.state.slowMs = 20;
    wechat.state.onSent = () => {
      if (fresh.filter((u) => sentTo(u.openid).length > 0).length === 7) killer.abort();
    };
    await sendDue({ now: () => at, signal: killer.signal }).catch(() => undefined);
    wechat.state.onSent = undefined;
    wechat.state.slowMs = 0;
    await new Promise((r) => setTimeout(r, 300));
    const afterKill = fresh.filter((u) => sentTo(u.openid).length > 0).length;
    expect(afterKill).toBeGreaterThanOrEqual(7);
    expect(afterKill).toBeLessThan(20);

    // The next run, once the dead sender's claims ran out: the rest are sent, the in-flight ones set aside.
    await sendDue({ now: () => new Date(at.getTime() + 120_000) });
    const f = await failures();
    const uncertainIds = new Set(f.items.filter((i: { state: string }) => i.state === 'uncertain').map((i: { id: string }) => i.id.split('#')[0]));
    const uncertainFresh = fresh.filter((u) => uncertainIds.has(u.userId));
    expect(uncertainFresh.length).toBeLessThanOrEqual(8); // at most the messages in flight when it died
    for (const u of fresh) {
      expect(sentTo(u.openid).length).toBeLessThanOrEqual(1);
      expect(sentTo(u.openid).length === 1 || uncertainIds.has(u.userId), `${u.openid} neither sent nor set aside`).toBe(true);
      expect((await inbox(u.token)).items.some((n: { body: string }) => n.body === '民法典知识测试')).toBe(true);
    }
    const uncertainCount = f.counts.filter((c: { state: string }) => c.state === 'uncertain').reduce((n: number, c: { count: number }) => n + c.count, 0);
    expect(uncertainCount).toBe(uncertainIds.size);

    const retry = await api.request('POST', '/admin/notify/failures/retry', { token: await api.token('dev-admin'), body: { ids: f.items.filter((i: { state: string }) => i.state === 'uncertain').map((i: { id: string }) => i.id) } });
    expect(retry.json.requeued).toBe(uncertainIds.size);
  }, 180_000);
});
