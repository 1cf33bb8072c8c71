import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '@kaimen/shared';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { archiveOf, createQuiz, rightAnswers, seedBank, wrongAnswers } from './support/quiz';

let api: TestApi;
let admin: string;
let quiz: any;
const MEMBER = 'm-lj-dh-gz-b1-2'; // 李静, dev-member
const SECRETARY = 'm-lj-dh-gz-b1-1'; // 王晓明, dev-secretary

/** Binds a fresh WeChat user to a roster entry and returns their token. */
async function memberToken(memberId: string, openid: string): Promise<string> {
  const code = (await api.request('POST', `/admin/members/${memberId}/binding-code`, { token: admin })).json.bindingCode;
  const guest = await api.token(openid);
  const bound = await api.request('POST', '/me/bind', { token: guest, body: { bindingCode: code } });
  return bound.json.token as string;
}

async function take(token: string, right: boolean) {
  const a = await api.request('POST', `/quizzes/${quiz.id}/attempts`, { token });
  const answers = right ? rightAnswers(a.json.questions) : wrongAnswers(a.json.questions);
  const res = await api.request('POST', `/attempts/${a.json.attemptId}/submit`, { token, body: { answers } });
  expect(res.status).toBe(200);
  return res.json;
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('dev-admin');
  const bankId = await seedBank(api, admin);
  quiz = await createQuiz(api, admin, {
    bankId, draw: { single: 4, judge: 2 }, points: { single: 10, judge: 10 }, passScore: 36, attemptsAllowed: 2, onlineWeight: 0.6, offlineMaxScore: 100, title: '专题一测试',
  });
  await take(await api.token('dev-member'), true); // 60
  await take(await api.token('dev-secretary'), false); // 0
  await take(await memberToken('m-lj-dh-ls1-b1-2', 'wx-res-1'), true); // 吴芳, another branch: 60
  await take(await memberToken('m-qs-ng-gz-b1-2', 'wx-res-2'), false); // 夏雨, another city: 0
});
afterAll(() => api?.close());

describe('leaderboards', () => {
  it('ranks a member’s own branch', async () => {
    const res = await api.request('GET', `/quizzes/${quiz.id}/leaderboard?scope=branch`, { token: await api.token('dev-member') });
    expect(res.status).toBe(200);
    expect(res.json.items.map((i: any) => [i.rank, i.name, i.score])).toEqual([[1, '李静', 60], [2, '王晓明', 0]]);
    expect(res.json.branches).toEqual([]);
  });

  it('ranks everyone and every branch across the org', async () => {
    const res = await api.request('GET', `/quizzes/${quiz.id}/leaderboard?scope=org`, { token: await api.token('dev-member') });
    expect(res.json.items.map((i: any) => i.score)).toEqual([60, 60, 0, 0]);
    expect(res.json.items.map((i: any) => i.rank)).toEqual([1, 1, 3, 3]);
    const branches = Object.fromEntries(res.json.branches.map((b: any) => [b.orgName, [b.rank, b.participants, b.averageScore, b.passRate]]));
    expect(branches).toEqual({ 明正律师事务所党支部: [1, 1, 60, 1], 东湖公证处党支部: [2, 2, 30, 0.5], 南岗县公证处党支部: [3, 1, 0, 0] });
  });

  it('is not shown to members the quiz is not for', async () => {
    const other = await createQuiz(api, await api.token('dev-qs-admin'), { bankId: quiz.bankId, draw: { judge: 1 }, passScore: 1 });
    expectProblem(await api.request('GET', `/quizzes/${other.id}/leaderboard`, { token: await api.token('dev-member') }), 404, 'NOT_FOUND');
  });
});

describe('statistics and export', () => {
  it('gives per-question correct rates, hardest first, for the caller’s part of the org', async () => {
    const all = await api.request('GET', `/admin/quizzes/${quiz.id}/stats`, { token: admin });
    expect(all.json).toMatchObject({ participants: 4, attempts: 4, averageScore: 30, passRate: 0.5 });
    const rates = all.json.questions.map((q: any) => q.correctRate);
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
    expect(all.json.questions.every((q: any) => q.stem.length > 0 && q.answered >= 1)).toBe(true);
    const city = await api.request('GET', `/admin/quizzes/${quiz.id}/stats`, { token: await api.token('dev-qs-admin') });
    expect(city.json).toMatchObject({ participants: 1, averageScore: 0 });
    expectProblem(await api.request('GET', `/admin/quizzes/${quiz.id}/stats`, { token: await api.token('dev-member') }), 403, 'FORBIDDEN');
  });

  it('exports results as a workbook with a bold frozen header', async () => {
    const res = await fetch(`${api.url}/admin/quizzes/${quiz.id}/results.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const ws = wb.getWorksheet('测试成绩')!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBe(5);
    const names = [2, 3, 4, 5].map((r) => ws.getRow(r).getCell(2).value);
    expect(names.sort()).toEqual(['吴芳', '夏雨', '李静', '王晓明'].sort());
    expect(wb.getWorksheet('每题正确率')!.rowCount).toBeGreaterThan(1);
  });
});

describe('offline scores and the topic score', () => {
  it('lets a secretary record offline scores for the branch, combining them into the topic score in the archive', async () => {
    const secretary = await api.token('dev-secretary');
    const res = await api.request('PUT', `/admin/quizzes/${quiz.id}/offline-scores`, {
      token: secretary, body: { scores: [{ memberId: MEMBER, score: 80 }, { memberId: 'm-lj-dh-ls1-b1-2', score: 90 }, { memberId: 'm-lj-dh-gz-b1-3', score: 70 }] },
    });
    expect(res.status).toBe(200);
    expect(res.json.recorded).toBe(2);
    // Someone outside the branch reads exactly like an unknown id: no name, no hint they exist.
    expect(res.json.errors).toEqual([{ row: 2, message: '第 2 条数据：您所管理的组织名册中没有党员编号 m-lj-dh-ls1-b1-2' }]);
    // 李静: online 60/60 × 0.6 + offline 80/100 × 0.4 = 92
    expect(res.json.topicScores).toEqual([{ memberId: MEMBER, topicScore: 92 }]);
    const archive = await archiveOf(api, MEMBER);
    expect(archive.find((e) => e.kind === 'offline_exam')).toMatchObject({ score: 80, maxScore: 100, refId: quiz.id });
    expect(archive.find((e) => e.kind === 'topic_score')).toMatchObject({ score: 92, maxScore: 100, refId: quiz.id });

    // Correcting a score updates the same entries instead of adding new ones.
    await api.request('PUT', `/admin/quizzes/${quiz.id}/offline-scores`, { token: secretary, body: { scores: [{ memberId: MEMBER, score: 50 }] } });
    const after = await archiveOf(api, MEMBER);
    expect(after.filter((e) => e.kind === 'topic_score').map((e) => e.score)).toEqual([80]);
    expect(after.filter((e) => e.kind === 'offline_exam').map((e) => e.score)).toEqual([50]);

    // A later online attempt (the best still counts) keeps the topic score in step.
    const again = await take(await api.token('dev-secretary'), true);
    expect(again.score).toBe(60);
  });

  it('takes offline scores from a workbook, refusing a bad file whole', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成绩');
    ws.addRow(['党员编号', '姓名', '成绩']);
    ws.addRow([SECRETARY, '王晓明', 75]);
    const ok = await api.request('POST', `/admin/quizzes/${quiz.id}/offline-scores/import`, {
      token: await api.token('dev-secretary'), rawBody: Buffer.from(await wb.xlsx.writeBuffer()), headers: { 'content-type': XLSX_MEDIA_TYPE },
    });
    expect(ok.status).toBe(200);
    // 王晓明: best online 60/60 × 0.6 + 75/100 × 0.4 = 90
    expect(ok.json).toMatchObject({ recorded: 1, topicScores: [{ memberId: SECRETARY, topicScore: 90 }] });
    ws.addRow([SECRETARY, '王晓明', '优秀']);
    const bad = await api.request('POST', `/admin/quizzes/${quiz.id}/offline-scores/import`, {
      token: await api.token('dev-secretary'), rawBody: Buffer.from(await wb.xlsx.writeBuffer()), headers: { 'content-type': XLSX_MEDIA_TYPE },
    });
    expect(expectProblem(bad, 400, 'VALIDATION_FAILED').errors).toEqual([expect.objectContaining({ row: 2 })]);
  });
});
