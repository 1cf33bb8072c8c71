import { DeleteCommand, GetCommand, ScanCommand } from '../src/lib/dynamo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWechat } from './support/fake-wechat';
import { startTestApi, type TestApi } from './support/test-api';

const TEMPLATES = { progress: 'tpl-progress', study: 'tpl-study', work: 'tpl-work' };
const branch = 'lj-dh-gz-b1';
/** 10:00 China time on Saturday 29 March 2025: two days before the report deadline, within a week of the month's and quarter's end. */
const MARCH_29 = new Date('2025-03-29T02:00:00Z');

let api: TestApi;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let reminders: typeof import('../src/orglife/reminders');
let sendDue: typeof import('../src/notify/sender').sendDue;
let lib: typeof import('../src/lib/db');
let keys: typeof import('../src/db/keys').keys;
let noteIdOf: typeof import('../src/notify/note').noteIdOf;

interface Person { token: string; userId: string; openid: string }
let secretary: Person;
let countyAdmin: Person;
let cityAdmin: Person;
let provinceAdmin: Person;

async function person(openid: string, workCredits = 0): Promise<Person> {
  const token = await api.token(openid);
  const me = await api.request('GET', '/me', { token });
  if (workCredits) {
    const res = await api.request('POST', '/me/subscriptions', { token, body: { results: Array.from({ length: workCredits }, () => ({ templateKey: 'work', result: 'accept' })) } });
    expect(res.status).toBe(200);
  }
  return { token, userId: me.json.id as string, openid };
}

interface Note { id: string; kind: string; title: string; body: string; link: string }
const inbox = async (p: Person): Promise<Note[]> => (await api.request('GET', '/me/notifications?limit=100', { token: p.token })).json.items;
const ofKind = async (p: Person, kind: string) => (await inbox(p)).filter((n) => n.kind === kind);

beforeAll(async () => {
  wechat = await startFakeWechat('wx-orglife-app', 'wx-orglife-secret', {}, { templateIds: Object.values(TEMPLATES), ratePerSecond: 400 });
  api = await startTestApi({
    env: {
      WECHAT_API_BASE: wechat.url, WECHAT_APP_ID: 'wx-orglife-app', WECHAT_APP_SECRET: 'wx-orglife-secret',
      WECHAT_TEMPLATES: JSON.stringify(TEMPLATES), NOTIFY_SEND_PER_SECOND: '1000', NOTIFY_SEND_CONCURRENCY: '4',
    },
  });
  reminders = await import('../src/orglife/reminders');
  ({ sendDue } = await import('../src/notify/sender'));
  lib = await import('../src/lib/db');
  ({ keys } = await import('../src/db/keys'));
  ({ noteIdOf } = await import('../src/notify/note'));
  secretary = await person('dev-secretary', 6);
  countyAdmin = await person('dev-county-admin', 6);
  cityAdmin = await person('dev-city-admin');
  provinceAdmin = await person('dev-admin');
}, 300_000);
afterAll(async () => {
  await api?.close();
  await wechat?.close();
});

async function deleteScanMarkers(): Promise<number> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await lib.db().send(new ScanCommand({
      TableName: lib.table(), FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': 'NOTIFY_SCAN#' }, ExclusiveStartKey: start,
    }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  for (const it of items) await lib.db().send(new DeleteCommand({ TableName: lib.table(), Key: { pk: it.pk, sk: it.sk } }));
  return items.length;
}

describe('organisation life reminds secretaries and bureaus through the notification service', () => {
  it('reminds of meetings due and overdue and of reports due and overdue, once per org, period and kind', async () => {
    const meeting = await api.request('POST', `/admin/orgs/${branch}/meetings`, {
      token: secretary.token,
      body: { type: 'committee_meeting', heldAt: '2025-03-10T02:00:00.000Z', place: '公证处三楼会议室', topic: '研究一季度党建工作', presiderId: secretary.userId, attendeeIds: [secretary.userId], absences: [], minutes: '<p>研究工作</p>' },
    });
    expect(meeting.status).toBe(201);
    expect((await api.request('POST', '/admin/orgs/lj-dh/reports/2025-02/submit', { token: countyAdmin.token })).status).toBe(200);

    const first = await reminders.orgLifeReminders(MARCH_29);
    expect(first.meetingDue).toBeGreaterThan(0);
    expect(first.meetingOverdue).toBeGreaterThan(0);
    expect(first.reportDue).toBeGreaterThan(0);
    expect(first.reportOverdue).toBeGreaterThan(0);

    const [due] = await ofKind(secretary, 'meeting_due');
    expect(due).toMatchObject({ title: '组织生活会议即将到期', link: '/pages/orglife/index' });
    // Held this month: the committee meeting; still due by 31 March: the other monthly ones and the quarter's.
    for (const label of ['党小组会', '主题党日', '支部党员大会', '党课']) expect(due!.body).toContain(label);
    expect(due!.body).not.toContain('支委会');
    expect(due!.body).not.toContain('组织生活会'); // yearly: the year is far from its end
    const [overdue] = await ofKind(secretary, 'meeting_overdue');
    expect(overdue!.body).toContain('2025-02');
    for (const label of ['支委会', '党小组会', '主题党日']) expect(overdue!.body).toContain(label);

    // The county submitted February: only March is due. The city submitted nothing: February overdue too.
    expect((await ofKind(countyAdmin, 'report_due')).map((n) => n.title)).toEqual(['2025-03 月报即将截止']);
    expect(await ofKind(countyAdmin, 'report_overdue')).toEqual([]);
    expect((await ofKind(cityAdmin, 'report_overdue')).map((n) => n.title)).toEqual(['2025-02 月报逾期未报']);
    expect((await ofKind(cityAdmin, 'report_due')).map((n) => n.title)).toEqual(['2025-03 月报即将截止']);
    // The province reports to no level above it in Kaimen.
    expect((await inbox(provinceAdmin)).filter((n) => n.kind.startsWith('report_'))).toEqual([]);

    const before = await Promise.all([secretary, countyAdmin, cityAdmin].map(inbox));
    const again = await reminders.orgLifeReminders(MARCH_29);
    expect(again).toEqual({ meetingDue: 0, meetingOverdue: 0, reportDue: 0, reportOverdue: 0, reportReturned: 0 });
    // Even with the scan's markers gone (expired, deleted), the messages themselves are idempotent.
    expect(await deleteScanMarkers()).toBeGreaterThan(0);
    await reminders.orgLifeReminders(MARCH_29);
    expect(await Promise.all([secretary, countyAdmin, cityAdmin].map(inbox))).toEqual(before);

    // The subscribed secretary and county admin get WeChat messages; the unsubscribed city admin only the inbox.
    await sendDue();
    const to = (p: Person) => wechat.sent.filter((m) => m.touser === p.openid);
    expect(to(secretary)).toHaveLength(2);
    expect(to(countyAdmin)).toHaveLength(1);
    expect(to(cityAdmin)).toHaveLength(0);
    for (const m of [...to(secretary), ...to(countyAdmin)]) expect(m.template_id).toBe('tpl-work');
    expect(to(secretary).map((m) => m.page)).toEqual(['pages/orglife/index', 'pages/orglife/index']);
  });

  it('runs the daily scan once a China day, however often the sender runs', async () => {
    const at = new Date('2025-06-27T03:00:00Z');
    const made = await reminders.orgLifeDue(at);
    expect(made).toBeGreaterThan(0);
    expect(await reminders.orgLifeDue(new Date(at.getTime() + 3_600_000))).toBe(0);
  });

  it('holds reminders found in quiet hours until 08:00 and honours a kind switched off', async () => {
    const off = await api.request('PUT', '/me/notification-settings', { token: secretary.token, body: { off: ['meeting_overdue'] } });
    expect(off.status).toBe(200);
    const sentBefore = wechat.sent.length;
    // 23:00 China time on 29 April: the April meetings are due, March's ended short.
    const at = new Date('2025-04-29T15:00:00Z');
    await reminders.orgLifeReminders(at);
    const note = async (eventKey: string) => (await lib.db().send(new GetCommand({ TableName: lib.table(), Key: keys.note(secretary.userId, noteIdOf(eventKey)) }))).Item;
    const due = await note(`meeting-due#${branch}#2025-04`);
    expect(due).toMatchObject({ kind: 'meeting_due', sendState: 'pending', sendAfter: '2025-04-30T00:00:00.000Z' });
    const overdue = await note(`meeting-overdue#${branch}#2025-03`);
    expect(overdue).toMatchObject({ kind: 'meeting_overdue', skipped: 'off' });
    expect(overdue!.sendState).toBeUndefined();
    await sendDue({ now: () => new Date('2025-04-29T23:59:00Z') });
    expect(wechat.sent.filter((m) => m.touser === secretary.openid).length).toBe(2);
    await sendDue({ now: () => new Date('2025-04-30T00:00:01Z') });
    expect(wechat.sent.slice(sentBefore).filter((m) => m.touser === secretary.openid)).toHaveLength(1);
    expect(wechat.sent.filter((m) => m.touser === secretary.openid).length).toBe(3);
    await api.request('PUT', '/me/notification-settings', { token: secretary.token, body: { off: [] } });
  });

  it('tells the bureau when the level above sends its report back, once, and the daily scan does not repeat it', async () => {
    expect((await api.request('POST', '/admin/orgs/lj-dh/reports/2025-01/submit', { token: countyAdmin.token })).status).toBe(200);
    const back = await api.request('POST', '/admin/orgs/lj-dh/reports/2025-01/return', { token: cityAdmin.token, body: { comment: '请补充党员教育培训数据' } });
    expect(back.status).toBe(200);
    const returned = await ofKind(countyAdmin, 'report_returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({ title: '2025-01 月报被退回' });
    expect(returned[0]!.body).toContain('请补充党员教育培训数据');
    expect(await ofKind(cityAdmin, 'report_returned')).toEqual([]);

    // 10 February: January's report is returned and past due; the scan catches up a missed message with the same event.
    const scan = await reminders.orgLifeReminders(new Date('2025-02-10T02:00:00Z'));
    expect(scan.reportReturned).toBe(1);
    expect(await ofKind(countyAdmin, 'report_returned')).toHaveLength(1);
    expect((await ofKind(countyAdmin, 'report_overdue')).map((n) => n.title)).toContain('2025-01 月报逾期未报');
  });
});
