import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { publishedTopic, shortArticle, sleep } from './support/study';
import { tableSnapshot } from './support/table';

let api: TestApi;
let admin: string;
let member: string;
let secretary: string;
let qsAdmin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('dev-admin');
  member = await api.token('dev-member');
  secretary = await api.token('dev-secretary');
  qsAdmin = await api.token('dev-qs-admin');
});
afterAll(() => api?.close());

async function completeLesson(lessonId: string) {
  await api.request('POST', `/lessons/${lessonId}/progress`, { token: member, body: { seconds: 0, completed: false } });
  await sleep(2100);
  await api.request('POST', `/lessons/${lessonId}/progress`, { token: member, body: { seconds: 2.1, completed: false } });
  await sleep(2100);
  const done = await api.request('POST', `/lessons/${lessonId}/progress`, { token: member, body: { seconds: 2.1, completed: true } });
  expect(done.json.newlyCompleted).toBe(true);
}

describe('content', () => {
  it('shows members the seeded topics in order with their lessons, and the daily pick', async () => {
    const topics = await api.request('GET', '/topics', { token: member });
    expect(topics.status).toBe(200);
    expect(topics.json.items.map((t: { title: string }) => t.title).slice(0, 3)).toEqual(['法治为民 初心如磐', '红色故事天天听', '支部书记领学 · 本月主题']);
    const topic = await api.request('GET', `/topics/${topics.json.items[0].id}`, { token: member });
    expect(topic.json.lessons.map((l: { kind: string }) => l.kind)).toEqual(['article', 'audio', 'article']);
    const home = await api.request('GET', '/study/home', { token: member });
    expect(home.json.dailyPick).toMatchObject({ id: expect.any(String), topicTitle: expect.any(String) });
    expect(home.json.plans[0]).toMatchObject({ title: '本季度专题学习计划', lessonsRequired: 6, lessonsCompleted: 0, done: false });
  });

  it('sanitises article HTML on the server', async () => {
    const topicId = await publishedTopic(api, admin, '净化测试');
    const res = await api.request('POST', `/admin/topics/${topicId}/lessons`, {
      token: admin,
      body: {
        title: '带脚本的正文', kind: 'article', mode: 'expert', published: true,
        body: '<p onclick="steal()">正文<script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src="https://x.example/a.png" onerror="x()"><iframe src="https://evil.example"></iframe></p>',
      },
    });
    expect(res.status).toBe(201);
    const lesson = await api.request('GET', `/lessons/${res.json.id}`, { token: member });
    expect(lesson.json.body).toBe('<p>正文<a>链接</a><img src="https://x.example/a.png" /></p>');
    expect(lesson.json.mode).toBe('expert');
  });

  it('lets admins draft, publish, unpublish and order; members see only what is published', async () => {
    const created = await api.request('POST', '/admin/topics', { token: admin, body: { title: '草稿专题' } });
    expect(created.json.published).toBe(false);
    const topicId = created.json.id;
    expectProblem(await api.request('GET', `/topics/${topicId}`, { token: member }), 404, 'NOT_FOUND');
    const a = await shortArticle(api, admin, topicId, '第一课');
    const b = await shortArticle(api, admin, topicId, '第二课');
    expect((await api.request('PATCH', `/admin/topics/${topicId}`, { token: admin, body: { published: true } })).json.published).toBe(true);
    let seen = await api.request('GET', `/topics/${topicId}`, { token: member });
    expect(seen.json.lessons.map((l: { title: string }) => l.title)).toEqual(['第一课', '第二课']);

    expect((await api.request('PUT', `/admin/topics/${topicId}/lesson-order`, { token: admin, body: { ids: [b, a] } })).status).toBe(200);
    await api.request('PATCH', `/admin/lessons/${a}`, { token: admin, body: { published: false } });
    seen = await api.request('GET', `/topics/${topicId}`, { token: member });
    expect(seen.json.lessons.map((l: { title: string }) => l.title)).toEqual(['第二课']);
    expect(seen.json.lessonCount).toBe(1);
    expectProblem(await api.request('GET', `/lessons/${a}`, { token: member }), 404, 'NOT_FOUND');
    const adminView = await api.request('GET', `/admin/topics/${topicId}`, { token: admin });
    expect(adminView.json.lessons.map((l: { title: string; published: boolean }) => [l.title, l.published])).toEqual([['第二课', true], ['第一课', false]]);

    await api.request('PATCH', `/admin/topics/${topicId}`, { token: admin, body: { published: false } });
    expectProblem(await api.request('GET', `/lessons/${b}`, { token: member }), 404, 'NOT_FOUND');
  });

  it('keeps admins to their subtree and members out of the admin pages; bad input changes nothing', async () => {
    const topicId = await publishedTopic(api, admin, '省级专题');
    const before = await tableSnapshot(api.endpoint, api.tableName);
    expectProblem(await api.request('PATCH', `/admin/topics/${topicId}`, { token: qsAdmin, body: { title: '改个名字' } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', '/admin/topics', { token: member, body: { title: '党员建的专题' } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', '/admin/topics', { token: qsAdmin, body: { title: '别人的专题', orgId: 'lj' } }), 403, 'FORBIDDEN');
    const bad = expectProblem(await api.request('POST', `/admin/topics/${topicId}/lessons`, {
      token: admin, body: { title: '无时长音频', kind: 'audio', mode: 'lecture' },
    }), 400, 'VALIDATION_FAILED');
    expect(bad.errors?.some((e) => e.path === 'durationSeconds' && e.message.includes('时长'))).toBe(true);
    expectProblem(await api.request('POST', `/admin/topics/${topicId}/lessons`, {
      token: admin, body: { title: '乱填方式', kind: 'article', mode: 'whatever' },
    }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', '/admin/topics', { token: admin, body: { title: '多了字段', extra: 1 } }), 400, 'VALIDATION_FAILED');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });
});

describe('reflections, plans, sessions and reports', () => {
  let topicId: string;
  let lessonId: string;
  beforeAll(async () => {
    topicId = await publishedTopic(api, admin, '计划专题');
    lessonId = await shortArticle(api, admin, topicId, '计划内短文');
  });

  it('holds a reflection back from the branch until the secretary approves it, then archives it once', async () => {
    const mine = await api.request('POST', `/lessons/${lessonId}/reflections`, { token: member, body: { text: '读完这一课，我想到窗口服务中要多替群众着想。' } });
    expect(mine.status).toBe(201);
    expect(mine.json.status).toBe('pending');
    expect((await api.request('GET', `/lessons/${lessonId}/reflections`, { token: secretary })).json.items).toHaveLength(0);
    expect((await api.request('GET', `/lessons/${lessonId}/reflections`, { token: member })).json.items).toHaveLength(1);

    const pending = await api.request('GET', '/admin/reflections', { token: secretary });
    expect(pending.json.items.map((r: { id: string }) => r.id)).toContain(mine.json.id);
    expectProblem(await api.request('GET', '/admin/reflections', { token: member }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', `/admin/reflections/${mine.json.id}/review`, { token: qsAdmin, body: { approve: true } }), 403, 'FORBIDDEN');

    const approved = await api.request('POST', `/admin/reflections/${mine.json.id}/review`, { token: secretary, body: { approve: true } });
    expect(approved.json.status).toBe('approved');
    expectProblem(await api.request('POST', `/admin/reflections/${mine.json.id}/review`, { token: secretary, body: { approve: false } }), 409, 'CONFLICT');
    expect((await api.request('GET', `/lessons/${lessonId}/reflections`, { token: secretary })).json.items).toHaveLength(1);
    const archive = (await api.request('GET', '/me/archive', { token: member })).json;
    expect(archive.items.filter((e: { kind: string }) => e.kind === 'reflection')).toHaveLength(1);
    expect(archive.totals.reflections).toBe(1);
    expectProblem(await api.request('POST', `/lessons/${lessonId}/reflections`, { token: member, body: { text: '太短' } }), 400, 'VALIDATION_FAILED');
  });

  it('shows the secretary who in the branch is behind on a plan', async () => {
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const plan = await api.request('POST', '/admin/study-plans', {
      token: secretary, body: { title: '测试计划', topicIds: [topicId], orgIds: ['lj-dh-gz-b1'], deadline, requirements: '按时学完' },
    });
    expect(plan.status).toBe(201);
    expectProblem(await api.request('POST', '/admin/study-plans', {
      token: secretary, body: { title: '越权计划', topicIds: [topicId], orgIds: ['qs-ng-gz-b1'], deadline },
    }), 403, 'FORBIDDEN');
    await completeLesson(lessonId);
    const progress = await api.request('GET', `/admin/study-plans/${plan.json.id}/progress`, { token: secretary });
    expect(progress.status).toBe(200);
    const rows = new Map(progress.json.members.map((m: { name: string; behind: boolean; lessonsCompleted: number }) => [m.name, m]));
    expect(rows.get('李静')).toMatchObject({ lessonsCompleted: 1, lessonsRequired: 1, behind: false });
    expect(rows.get('张磊')).toMatchObject({ lessonsCompleted: 0, behind: true });
    expect(progress.json.behindCount).toBe(progress.json.members.length - 1);
    const home = await api.request('GET', '/study/home', { token: member });
    expect(home.json.plans.find((p: { id: string }) => p.id === plan.json.id)).toMatchObject({ lessonsCompleted: 1, done: true });
    expectProblem(await api.request('GET', `/admin/study-plans/${plan.json.id}/progress`, { token: member }), 403, 'FORBIDDEN');
  });

  it('checks members in to an offline session once with its QR code, into the archive', async () => {
    const created = await api.request('POST', '/admin/study-sessions', {
      token: secretary, body: { title: '支部书记领学：本月主题', mode: 'secretary_led', startsAt: new Date().toISOString(), minutes: 60, place: '公证处会议室' },
    });
    expect(created.status).toBe(201);
    expect(created.json.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(created.json.checkInPath).toBe(`/pages/study/checkin?code=${created.json.checkInCode}`);
    const first = await api.request('POST', '/study-sessions/check-in', { token: member, body: { code: created.json.checkInCode.toLowerCase() } });
    expect(first.json).toMatchObject({ alreadyCheckedIn: false, pointsAwarded: 5 });
    const again = await api.request('POST', '/study-sessions/check-in', { token: member, body: { code: created.json.checkInCode } });
    expect(again.json).toMatchObject({ alreadyCheckedIn: true, pointsAwarded: 0 });
    const detail = await api.request('GET', `/admin/study-sessions/${created.json.id}`, { token: secretary });
    expect(detail.json.attendees.map((a: { name: string }) => a.name)).toEqual(['李静']);
    expect(detail.json.attendance).toBe(1);
    expectProblem(await api.request('GET', `/admin/study-sessions/${created.json.id}`, { token: qsAdmin }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', '/study-sessions/check-in', { token: member, body: { code: 'ZZZZZZZZ' } }), 404, 'NOT_FOUND');
    const archive = (await api.request('GET', '/me/archive', { token: member })).json;
    expect(archive.items.filter((e: { kind: string }) => e.kind === 'session')).toEqual([expect.objectContaining({ minutes: 60, points: 5 })]);
    expect(archive.totals.sessionsAttended).toBe(1);
  });

  it('reports a branch and an org, and exports the workbook for the yearly evaluation', async () => {
    const branch = await api.request('GET', '/admin/study-report', { token: secretary });
    expect(branch.status).toBe(200);
    expect(branch.json).toMatchObject({ orgId: 'lj-dh-gz-b1', totals: { members: 5, activeMembers: 1 } });
    expect(branch.json.totals.points).toBeGreaterThan(0);
    expect(branch.json.totals.completion).toBeGreaterThan(0);
    const city = await api.request('GET', '/admin/study-report?orgId=lj', { token: admin });
    expect(city.json.branches.length).toBe(7);
    expect(city.json.totals.lessonsCompleted).toBe(branch.json.totals.lessonsCompleted);
    expectProblem(await api.request('GET', '/admin/study-report?orgId=lj', { token: qsAdmin }), 403, 'FORBIDDEN');

    const file = await fetch(`${api.url}/admin/study-report.xlsx?orgId=lj`, { headers: { authorization: `Bearer ${admin}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    const ws = wb.getWorksheet('党员学习情况')!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const names = ws.getColumn(3).values.slice(2);
    expect(names).toContain('李静');
    expect(wb.getWorksheet('支部汇总')!.rowCount).toBe(9);
  });
});
