import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '@kaimen/shared';
import { keys } from '../src/db/keys';
import { userItem } from '../src/auth/store';
import { recount, storedAggregates } from '../src/orglife/recount';
import { putNew } from '../../scripts/seed/put-new';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

let api: TestApi;
let secretary: string;
let member: string;
let countyAdmin: string;
let cityAdmin: string;
let provinceAdmin: string;
let otherSecretary: string;
let otherMember: string;

const branch = 'lj-dh-gz-b1';
const otherBranch = 'lj-dh-ls1-b1';
const liJing = 'm-lj-dh-gz-b1-2';
const zhangLei = 'm-lj-dh-gz-b1-3';
const zhaoMin = 'm-lj-dh-gz-b1-4';
const wuFang = 'm-lj-dh-ls1-b1-2';
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR = 3_600_000;
// The Beijing month of the meetings this file holds two hours ago (early on the 1st, that is last month).
const month = monthOf(Date.now() - 2 * HOUR);

/** Gives a seeded roster member an openid so the test can sign in as them. */
async function signInAs(userId: string, name: string, orgId: string, orgPath: string, roles: ('member' | 'secretary')[], openid: string) {
  await putNew(userItem({ id: userId, name, roles, orgId, orgPath, createdAt: new Date().toISOString(), openid }));
  await putNew({ ...keys.openid(openid), type: 'openid', userId });
  return api.token(openid);
}

beforeAll(async () => {
  api = await startTestApi();
  secretary = await api.token('dev-secretary');
  member = await api.token('dev-member');
  countyAdmin = await api.token('dev-county-admin');
  cityAdmin = await api.token('dev-city-admin');
  provinceAdmin = await api.token('dev-admin');
  otherSecretary = await signInAs('m-lj-dh-ls1-b1-1', '黄志强', otherBranch, '/jn/lj/lj-dh/lj-dh-ls1/lj-dh-ls1-b1/', ['secretary'], 'test-other-secretary');
  otherMember = await signInAs('m-lj-dh-ls1-b1-9', '吴芳二', otherBranch, '/jn/lj/lj-dh/lj-dh-ls1/lj-dh-ls1-b1/', ['member'], 'test-other-member');
}, 300_000); // seeding and seven sign-ins: slow on a busy shared machine
afterAll(() => api?.close());

const meetingBody = (over: Record<string, unknown> = {}) => ({
  type: 'theme_day', heldAt: ago(2 * HOUR), place: '公证处三楼会议室', topic: '学习贯彻全会精神主题党日', presiderId: 'm-lj-dh-gz-b1-1',
  attendeeIds: ['m-lj-dh-gz-b1-1', liJing, zhangLei], absences: [{ userId: zhaoMin, reason: '出差' }], minutes: '<p>会议<strong>传达</strong>了精神。</p>',
  ...over,
});

interface TreeOrg { id: string; name: string; kind: string; parentId: string | null; path: string; bureauLevel?: string }
/**
 * The active orgs an admin sees (GET /admin/org-tree). The demo census grows with the seeds, so the
 * expected counts are taken from the tree the test runs against rather than remembered.
 */
async function orgTree(token: string) {
  const items = (await api.request('GET', '/admin/org-tree', { token })).json.items as TreeOrg[];
  const partyOrgs = items.filter((o) => o.kind === 'party_org');
  return { items, partyOrgs, childBureaus: (id: string) => items.filter((o) => o.parentId === id && o.kind === 'bureau') };
}

async function expectUnchanged(run: () => Promise<void>) {
  const before = await tableSnapshot(api.endpoint, api.tableName);
  await run();
  expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
}

describe('recording a meeting', () => {
  it('refuses a held meeting in the future, strangers in the attendance, scripts in the minutes, and writes nothing', async () => {
    await expectUnchanged(async () => {
      const future = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ heldAt: new Date(Date.now() + 2 * 86_400_000).toISOString() }) });
      expect(expectProblem(future, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('heldAt');
      // A slip in the year: 1900 for 2026, or a meeting planned two centuries ahead.
      const slip = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ heldAt: '1900-07-01T02:00:00.000Z' }) });
      expect(expectProblem(slip, 400, 'VALIDATION_FAILED').errors).toEqual([{ path: 'heldAt', message: '会议时间不能早于 2000 年 1 月 1 日' }]);
      const far = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ status: 'scheduled', heldAt: '2226-07-01T02:00:00.000Z' }) });
      expect(expectProblem(far, 400, 'VALIDATION_FAILED').errors).toEqual([{ path: 'heldAt', message: '预约的会议最多安排在一年以内' }]);
      const stranger = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ attendeeIds: [liJing, wuFang] }) });
      const p = expectProblem(stranger, 400, 'VALIDATION_FAILED');
      expect(p.errors).toEqual([{ path: 'attendeeIds.1', message: '此人不在本党组织的组织生活名单中' }]);
      const script = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ minutes: '<p>记录</p><script>alert(1)</script>' }) });
      expect(expectProblem(script, 400, 'VALIDATION_FAILED').detail).toContain('脚本');
      const handler = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ minutes: '<img src="https://a/b.png" onerror="x()">' }) });
      expectProblem(handler, 400, 'VALIDATION_FAILED');
      const badType = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ type: 'party' }) });
      expectProblem(badType, 400, 'VALIDATION_FAILED');
      const notMine = await api.request('POST', `/admin/orgs/${otherBranch}/meetings`, { token: secretary, body: meetingBody() });
      expectProblem(notMine, 403, 'FORBIDDEN');
      const outcomesWrongType = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ reviewOutcomes: [{ userId: liJing, outcome: 'excellent' }] }) });
      expectProblem(outcomesWrongType, 400, 'VALIDATION_FAILED');
    });
  });

  it('records a held meeting with attendance, absences, sanitised minutes and a check-in QR code', async () => {
    const res = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ minutes: '<p style="color:red">会议<a href="https://x.cn">链接</a></p>' }) });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      type: 'theme_day', typeLabel: '主题党日', status: 'held', orgName: '东湖公证处党支部', presider: { name: '王晓明' },
      absences: [{ userId: zhaoMin, name: '赵敏', reason: '出差' }], expected: 5, minutes: '<p>会议<a href="https://x.cn">链接</a></p>',
    });
    expect(res.json.attendees.map((a: { name: string }) => a.name)).toEqual(['王晓明', '李静', '张磊']);
    expect(res.json.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(res.json.checkInPath).toBe(`/pages/orglife/checkin?code=${res.json.checkInCode}`);
  });

  it('lets members check in to a scheduled meeting by its code, once, and only those on its roster', async () => {
    const created = await api.request('POST', `/admin/orgs/${branch}/meetings`, {
      token: secretary, body: { type: 'party_lecture', status: 'scheduled', heldAt: ago(10 * 60_000), topic: '书记讲党课：法治为民', attendeeIds: [] },
    });
    expect(created.status).toBe(201);
    const code = created.json.checkInCode as string;
    const first = await api.request('POST', '/meetings/check-in', { token: member, body: { code: code.toLowerCase() } });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ alreadyCheckedIn: false, meeting: { topic: '书记讲党课：法治为民' } });
    const again = await api.request('POST', '/meetings/check-in', { token: member, body: { code } });
    expect(again.json.alreadyCheckedIn).toBe(true);
    expect(again.json.meeting.attendees).toHaveLength(1);
    expectProblem(await api.request('POST', '/meetings/check-in', { token: otherMember, body: { code } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', '/meetings/check-in', { token: member, body: { code: 'ZZZZZZZZ' } }), 404, 'NOT_FOUND');

    // 一方隶属、多重组织生活: listed here, the other branch's member appears on this roster and may check in.
    const attach = await api.request('POST', `/admin/orgs/${branch}/orglife-roster`, { token: secretary, body: { userId: 'm-lj-dh-ls1-b1-9' } });
    expect(attach.status).toBe(200);
    expect(attach.json.items.find((i: { userId: string }) => i.userId === 'm-lj-dh-ls1-b1-9')).toMatchObject({ guest: true, orgId: otherBranch });
    const guest = await api.request('POST', '/meetings/check-in', { token: otherMember, body: { code } });
    expect(guest.status).toBe(200);
    expect(guest.json.meeting.attendees.map((a: { guest: boolean }) => a.guest)).toEqual([false, true]);

    // A scheduled meeting counts once it is marked held; check-ins are kept.
    const held = await api.request('PATCH', `/admin/meetings/${created.json.id}`, { token: secretary, body: { status: 'held', minutes: '<p>讲授党课</p>' } });
    expect(held.status).toBe(200);
    expect(held.json.status).toBe('held');
    expect(held.json.attendees.every((a: { checkedInAt?: string }) => a.checkedInAt)).toBe(true);
  });

  it('rejects a check-in to a meeting that is long over', async () => {
    const old = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ type: 'committee_meeting', heldAt: ago(3 * 86_400_000) }) });
    expectProblem(await api.request('POST', '/meetings/check-in', { token: member, body: { code: old.json.checkInCode } }), 409, 'CONFLICT');
  });

  it('keeps the per-period aggregates exactly equal to a recount of the meetings', async () => {
    const m = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ type: 'group_meeting' }) });
    // Move it, change its attendance: the aggregates follow.
    const patched = await api.request('PATCH', `/admin/meetings/${m.json.id}`, { token: secretary, body: { attendeeIds: [liJing], heldAt: ago(40 * 86_400_000) } });
    expect(patched.status).toBe(200);
    const bad = await api.request('PATCH', `/admin/meetings/${m.json.id}`, { token: secretary, body: { attendeeIds: [wuFang] } });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(await storedAggregates(branch)).toEqual(await recount(branch));
  });
});

describe('photos', () => {
  it('refuses what is not an image or too large, and uploads a photo through a presigned URL', async () => {
    const m = await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody({ type: 'committee_meeting' }) });
    const url = `/admin/meetings/${m.json.id}/photos`;
    await expectUnchanged(async () => {
      expectProblem(await api.request('POST', url, { token: secretary, body: { contentType: 'application/pdf', size: 1000 } }), 400, 'VALIDATION_FAILED');
      expectProblem(await api.request('POST', url, { token: secretary, body: { contentType: 'image/jpeg', size: 6 * 1024 * 1024 } }), 413, 'PAYLOAD_TOO_LARGE');
    });
    const bytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const signed = await api.request('POST', url, { token: secretary, body: { contentType: 'image/png', size: bytes.length } });
    expect(signed.status).toBe(201);
    const put = await fetch(signed.json.uploadUrl, { method: 'PUT', headers: signed.json.headers, body: bytes });
    expect(put.status).toBe(200);
    const got = await api.request('GET', `/admin/meetings/${m.json.id}`, { token: secretary });
    expect(got.json.photos).toHaveLength(1);
    const photo = await fetch(got.json.photos[0].url);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(bytes);
  });
});

describe('the rules checked', () => {
  it('shows per type what is due and held, and flags the branches falling behind, to the bureau above', async () => {
    const own = await api.request('GET', `/admin/orgs/${branch}/compliance?period=${month}`, { token: secretary });
    expect(own.status).toBe(200);
    expect(own.json.items).toHaveLength(1);
    const theme = own.json.items[0].types.find((t: { type: string }) => t.type === 'theme_day');
    expect(theme).toMatchObject({ due: 1, status: 'done', typeLabel: '主题党日', every: 'month' });
    expect(theme.held).toBeGreaterThanOrEqual(1);

    const tree = await orgTree(countyAdmin);
    expect(tree.partyOrgs.length).toBeGreaterThan(4);
    const county = await api.request('GET', `/admin/orgs/lj-dh/compliance?period=${month}`, { token: countyAdmin });
    expect(county.json.partyOrgs).toBe(tree.partyOrgs.length);
    expect(county.json.items.map((i: { orgId: string }) => i.orgId).sort()).toEqual(tree.partyOrgs.map((o) => o.id).sort());
    const quiet = county.json.items.find((i: { orgId: string }) => i.orgId === otherBranch);
    expect(quiet.types.find((t: { type: string }) => t.type === 'theme_day')).toMatchObject({ held: 0, due: 1 });
    expect(quiet.parentName).toBe('临江明正律师事务所');
    // A past month with nothing held is overdue for every monthly type.
    const past = await api.request('GET', `/admin/orgs/lj-dh/compliance?period=${Number(month.slice(0, 4)) - 1}-06`, { token: countyAdmin });
    expect(past.json.behind).toBe(tree.partyOrgs.length);
    expect(past.json.items[0].types.find((t: { type: string }) => t.type === 'committee_meeting')).toMatchObject({ status: 'overdue', due: 1, held: 0, overdue: 1 });
    expectProblem(await api.request('GET', `/admin/orgs/qs/compliance`, { token: countyAdmin }), 403, 'FORBIDDEN');
    expectProblem(await api.request('GET', `/admin/orgs/lj-dh/compliance?period=2026-13`, { token: countyAdmin }), 400, 'VALIDATION_FAILED');
  });

  it('gives each member an attendance rate, and members see their own in 我的', async () => {
    const rates = await api.request('GET', `/admin/orgs/${branch}/attendance`, { token: secretary });
    expect(rates.status).toBe(200);
    const li = rates.json.items.find((i: { userId: string }) => i.userId === liJing);
    expect(li.attended + li.absent).toBe(rates.json.meetings);
    const mine = await api.request('GET', '/me/meetings', { token: member });
    expect(mine.status).toBe(200);
    expect(mine.json.attended).toBe(li.attended);
    expect(mine.json.items.some((i: { absenceReason?: string }) => i.absenceReason === undefined)).toBe(true);
  });

  it('shows 民主评议 outcomes only to the branch secretary and the admins above', async () => {
    const review = await api.request('POST', `/admin/orgs/${branch}/meetings`, {
      token: secretary,
      body: meetingBody({ type: 'member_review', topic: '年度民主评议党员', reviewOutcomes: [{ userId: liJing, outcome: 'excellent' }, { userId: zhangLei, outcome: 'qualified' }] }),
    });
    expect(review.json.reviewOutcomes).toEqual([{ userId: liJing, name: '李静', outcome: 'excellent' }, { userId: zhangLei, name: '张磊', outcome: 'qualified' }]);
    const county = await api.request('GET', `/admin/orgs/${branch}/member-reviews`, { token: countyAdmin });
    expect(county.json.items[0].reviewOutcomes).toHaveLength(2);
    expectProblem(await api.request('GET', `/admin/orgs/${branch}/member-reviews`, { token: otherSecretary }), 403, 'FORBIDDEN');
    expectProblem(await api.request('GET', `/admin/orgs/${branch}/member-reviews`, { token: member }), 403, 'FORBIDDEN');
    const mine = await api.request('GET', '/me/meetings', { token: member });
    expect(JSON.stringify(mine.json)).not.toContain('excellent');
  });

  it('lets the province set its own frequencies, and nobody else', async () => {
    expectProblem(await api.request('PUT', '/admin/orglife-rules', { token: cityAdmin, body: { reportDueDay: 5 } }), 403, 'FORBIDDEN');
    const set = await api.request('PUT', '/admin/orglife-rules', { token: provinceAdmin, body: { frequencies: { group_meeting: { every: 'quarter', times: 2 } } } });
    expect(set.json.frequencies.group_meeting).toEqual({ every: 'quarter', times: 2 });
    const seen = await api.request('GET', '/admin/orglife-rules', { token: secretary });
    expect(seen.json.frequencies.group_meeting).toEqual({ every: 'quarter', times: 2 });
    const c = await api.request('GET', `/admin/orgs/${branch}/compliance?period=${month}`, { token: secretary });
    expect(c.json.items[0].types.find((t: { type: string }) => t.type === 'group_meeting')).toMatchObject({ every: 'quarter', due: 2 });
    await api.request('PUT', '/admin/orglife-rules', { token: provinceAdmin, body: { frequencies: { group_meeting: { every: 'month', times: 1 } } } });
  });
});

describe('the monthly report', () => {
  const path = (org: string) => `/admin/orgs/${org}/reports/${month}`;

  it('is assembled from the records, edited, submitted once, frozen, and seen by the level above', async () => {
    const draft = await api.request('GET', path('lj-dh'), { token: countyAdmin });
    expect(draft.status).toBe(200);
    expect(draft.json).toMatchObject({ status: 'draft', version: 1, orgName: '临江市东湖区司法局' });
    // Institutions with a Party org of their own or a joint one: the census's own + joint classes.
    const tree = await orgTree(countyAdmin);
    const census = (await api.request('GET', '/admin/orgs/lj-dh/coverage', { token: countyAdmin })).json;
    expect(draft.json.figures.coverage).toMatchObject({ partyOrgs: tree.partyOrgs.length, institutions: census.byClass.own + census.byClass.joint });
    expect(draft.json.figures.coverage.members).toBeGreaterThanOrEqual(15);
    expect(draft.json.figures.orgLife.held.theme_day).toBeGreaterThanOrEqual(1);
    expect(draft.json.figures.orgLife.due.theme_day).toBe(tree.partyOrgs.length);

    const edited = await api.request('PUT', path('lj-dh'), { token: countyAdmin, body: { sections: { progress: '完成主题党日 4 次', problems: '个别支部落后' } } });
    expect(edited.json.sections).toEqual({ progress: '完成主题党日 4 次', problems: '个别支部落后', nextSteps: '' });
    expectProblem(await api.request('PUT', path('lj-dh'), { token: cityAdmin, body: { sections: { progress: '代写' } } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', `${path('lj-dh')}/submit`, { token: cityAdmin }), 403, 'FORBIDDEN');

    const submitted = await api.request('POST', `${path('lj-dh')}/submit`, { token: countyAdmin });
    expect(submitted.json).toMatchObject({ status: 'submitted', version: 1, submittedAt: expect.any(String) });
    await expectUnchanged(async () => {
      expectProblem(await api.request('POST', `${path('lj-dh')}/submit`, { token: countyAdmin }), 409, 'CONFLICT');
      expectProblem(await api.request('PUT', path('lj-dh'), { token: countyAdmin, body: { sections: { progress: '改' } } }), 409, 'CONFLICT');
    });
    // Frozen: a new meeting does not move the submitted figures.
    await api.request('POST', `/admin/orgs/${branch}/meetings`, { token: secretary, body: meetingBody() });
    const frozen = await api.request('GET', path('lj-dh'), { token: countyAdmin });
    expect(frozen.json.figures).toEqual(submitted.json.figures);

    const city = await orgTree(cityAdmin);
    const counties = city.childBureaus('lj').map((o) => o.id);
    expect(counties).toEqual(expect.arrayContaining(['lj-dh', 'lj-xl']));
    const children = await api.request('GET', `${path('lj')}/children`, { token: cityAdmin });
    expect(children.status).toBe(200);
    expect(children.json.items.map((i: { orgId: string; status: string }) => [i.orgId, i.status]).sort())
      .toEqual(counties.map((id) => [id, id === 'lj-dh' ? 'submitted' : 'missing']).sort());
    const underCounties = city.partyOrgs.filter((o) => counties.includes(o.path.split('/')[3]!));
    expect(children.json.rollUp.coverage.partyOrgs).toBe(underCounties.length);
    expect(children.json.submitted).toBe(1);
    expectProblem(await api.request('GET', `${path('lj')}/children`, { token: countyAdmin }), 403, 'FORBIDDEN');
  });

  it('goes back with a comment, and a correction is a new version with its history', async () => {
    expectProblem(await api.request('POST', `${path('lj-dh')}/return`, { token: provinceAdmin, body: { comment: '越级退回' } }), 403, 'FORBIDDEN');
    const returned = await api.request('POST', `${path('lj-dh')}/return`, { token: cityAdmin, body: { comment: '请补充存在问题' } });
    expect(returned.json).toMatchObject({ status: 'returned', version: 2, returnComment: '请补充存在问题' });
    expect(returned.json.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    await api.request('PUT', path('lj-dh'), { token: countyAdmin, body: { sections: { problems: '西岭区个别支部主题党日未按月开展' } } });
    const again = await api.request('POST', `${path('lj-dh')}/submit`, { token: countyAdmin });
    expect(again.json).toMatchObject({ status: 'submitted', version: 2 });
    const revised = await api.request('POST', `${path('lj-dh')}/revise`, { token: countyAdmin });
    expect(revised.json).toMatchObject({ status: 'draft', version: 3 });
    expect(revised.json.history.map((h: { action: string }) => h.action)).toEqual(['submitted', 'returned', 'submitted', 'revised']);
    expect(revised.json.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expectProblem(await api.request('POST', `${path('lj-dh')}/revise`, { token: countyAdmin }), 409, 'CONFLICT');
    expectProblem(await api.request('GET', `/admin/orgs/lj-dh/reports/2999-01`, { token: countyAdmin }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('GET', `/admin/orgs/lj-dh/reports/1900-01`, { token: countyAdmin }), 400, 'VALIDATION_FAILED');
  });

  it('exports a workbook and a printable page', async () => {
    const xlsx = await fetch(`${api.url}${path('lj')}/report.xlsx`, { headers: { authorization: `Bearer ${cityAdmin}` } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['月报数据', '文字部分', '下级报送情况']);
    expect(wb.getWorksheet('下级报送情况')!.getRow(2).getCell(1).value).toBe('临江市东湖区司法局');
    const print = await api.request('GET', `${path('lj-dh')}/print`, { token: countyAdmin });
    expect(print.headers.get('content-type')).toContain('text/html');
    expect(print.text).toContain('临江市东湖区司法局党建工作月报');
    expect(print.text).toContain('西岭区个别支部主题党日未按月开展');
  });
});

describe('task deadlines', () => {
  it('are set for the levels below, marked with evidence, and counted by child', async () => {
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expectProblem(await api.request('POST', '/admin/orgs/lj/tasks', { token: cityAdmin, body: { title: '摸底建档', deadline: ago(HOUR) } }), 400, 'VALIDATION_FAILED');
    const created = await api.request('POST', '/admin/orgs/lj/tasks', { token: cityAdmin, body: { title: '3月底 摸底建档', description: '完成全部执业机构党员摸底', deadline } });
    expect(created.status).toBe(201);
    const counties = (await orgTree(cityAdmin)).childBureaus('lj');
    expect(counties.length).toBeGreaterThanOrEqual(2);
    expect(created.json).toMatchObject({ total: counties.length, done: 0 });
    const id = created.json.id as string;
    const assigned = await api.request('GET', '/admin/orgs/lj-dh/tasks', { token: countyAdmin });
    expect(assigned.json.assigned[0]).toMatchObject({ id, mine: { status: 'not_started' } });
    expectProblem(await api.request('POST', `/admin/tasks/${id}/progress`, { token: countyAdmin, body: { status: 'done', note: '已完成' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', `/admin/tasks/${id}/progress`, { token: countyAdmin, body: { orgId: 'lj-xl', status: 'done', note: '代报', evidence: ['x'] } }), 403, 'FORBIDDEN');
    const done = await api.request('POST', `/admin/tasks/${id}/progress`, { token: countyAdmin, body: { status: 'done', note: '已建档 4 家机构', evidence: ['东湖区党员信息台账.xlsx'] } });
    expect(done.json).toMatchObject({ done: 1, total: counties.length });
    const city = await api.request('GET', '/admin/orgs/lj/tasks', { token: cityAdmin });
    expect(city.json.set[0].children.map((c: { orgName: string; status: string }) => [c.orgName, c.status])).toEqual(
      counties.map((o) => o.name).sort((a, b) => a.localeCompare(b, 'zh')).map((name) => [name, name === '临江市东湖区司法局' ? 'done' : 'not_started']),
    );
  });
});
