import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';
import { archiveOf, createQuiz, expireAttempt, rightAnswers, seedBank, tableItem, wrongAnswers } from './support/quiz';

let api: TestApi;
let admin: string;
let member: string;
let secretary: string;
let bankId: string;
const MEMBER_ID = 'm-lj-dh-gz-b1-2';

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('dev-admin');
  member = await api.token('dev-member');
  secretary = await api.token('dev-secretary');
  bankId = await seedBank(api, admin);
});
afterAll(() => api?.close());

const draw = { single: 4, multiple: 2, judge: 2 };
const start = (quizId: string, token = member) => api.request('POST', `/quizzes/${quizId}/attempts`, { token });
const submit = (attemptId: string, answers: Record<string, string[]>, token = member) => api.request('POST', `/attempts/${attemptId}/submit`, { token, body: { answers } });

describe('setting a quiz', () => {
  it('checks the draw against the bank, the pass score against the total, and the orgs against the caller', async () => {
    const bad = (body: Record<string, unknown>, token = admin) => api.request('POST', '/admin/quizzes', { token, body: { title: '测', bankId, timeLimitSeconds: 600, attemptsAllowed: 1, passScore: 1, ...body } });
    expect(expectProblem(await bad({ draw: { judge: 9 } }), 400, 'VALIDATION_FAILED').detail).toContain('判断题只有 3 道');
    expectProblem(await bad({ draw: { single: 1 }, questionIds: ['x1'] }), 400, 'VALIDATION_FAILED');
    expect(expectProblem(await bad({ draw: { single: 1 }, passScore: 50 }), 400, 'VALIDATION_FAILED').detail).toContain('满分 2');
    expectProblem(await bad({ draw: { single: 1 }, orgIds: ['qs'] }, await api.token('dev-city-admin')), 403, 'FORBIDDEN');
    expectProblem(await bad({ draw: { single: 1 } }, member), 403, 'FORBIDDEN');
    const quiz = await createQuiz(api, admin, { bankId, draw, points: { single: 5, multiple: 10, judge: 5 }, passScore: 30 });
    expect(quiz).toMatchObject({ questionCount: 8, maxScore: 50, status: 'open', scoreRule: 'best', reviewPolicy: 'immediate', orgIds: ['jn'] });
  });
});

describe('a fair attempt', () => {
  it('fixes the questions, shuffles options per attempt and sends nothing that gives the answer away', async () => {
    const quiz = await createQuiz(api, admin, { bankId, draw: { single: 6, multiple: 3, judge: 3 }, passScore: 10, attemptsAllowed: 3 });
    const a = await start(quiz.id);
    expect(a.status).toBe(201);
    expect(a.json.questions).toHaveLength(12);
    expect(Date.parse(a.json.deadline) - Date.parse(a.json.startedAt)).toBe(600_000);
    const text = a.text;
    for (const leak of ['answer"', 'explanation', 'order', 'correct', '12348 是公共法律服务热线']) expect(text).not.toContain(leak);
    for (const q of a.json.questions) expect(Object.keys(q).sort()).toEqual(['id', 'options', 'points', 'stem', 'type']);

    // Another member's attempt at the same questions shows the options in other orders.
    const other = await start(quiz.id, secretary);
    const orders = (x: any) => Object.fromEntries(x.json.questions.filter((q: any) => q.type !== 'judge').map((q: any) => [q.id, q.options.map((o: any) => o.text).join('|')]));
    const mine = orders(a);
    const theirs = orders(other);
    expect(Object.keys(theirs).sort()).toEqual(Object.keys(mine).sort());
    expect(Object.keys(mine).filter((id) => mine[id] !== theirs[id]).length).toBeGreaterThan(0);

    // Starting again resumes the same attempt, with what was saved.
    const firstQ = a.json.questions[0];
    const saved = await api.request('PUT', `/attempts/${a.json.attemptId}/answers`, { token: member, body: { answers: { [firstQ.id]: ['A'] }, seq: 1 } });
    expect(saved.status).toBe(200);
    expect(saved.json.answered).toBe(1);
    const again = await start(quiz.id);
    expect(again.json.attemptId).toBe(a.json.attemptId);
    expect(again.json.questions).toEqual(a.json.questions);
    expect(again.json.answers).toEqual({ [firstQ.id]: ['A'] });
    // An older save arriving late does not undo a newer one.
    await api.request('PUT', `/attempts/${a.json.attemptId}/answers`, { token: member, body: { answers: {}, seq: 0 } });
    expect((await api.request('GET', `/attempts/${a.json.attemptId}`, { token: member })).json.attempt.answers).toEqual({ [firstQ.id]: ['A'] });
  });

  it('grades on the server: right answers under the shuffle score full marks, wrong ones nothing; the archive gets one entry', async () => {
    const quiz = await createQuiz(api, admin, { bankId, draw, points: { single: 5, multiple: 10, judge: 5 }, passScore: 30, attemptsAllowed: 2, title: '全对测试' });
    const a = await start(quiz.id);
    const res = await submit(a.json.attemptId, rightAnswers(a.json.questions));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ score: 50, maxScore: 50, passed: true, correctCount: 8, endedBy: 'submitted' });
    expect(res.json.review).toHaveLength(8);
    expect(res.json.review.every((r: any) => r.correct && r.explanation.length > 0)).toBe(true);

    const b = await start(quiz.id);
    expect(b.json.attemptId).not.toBe(a.json.attemptId);
    const wrong = await submit(b.json.attemptId, wrongAnswers(b.json.questions));
    expect(wrong.json).toMatchObject({ score: 0, passed: false, correctCount: 0 });

    const entries = (await archiveOf(api, MEMBER_ID)).filter((e) => e.kind === 'quiz' && e.title === '全对测试');
    expect(entries.map((e) => e.score).sort()).toEqual([0, 50]);
    const standing = await tableItem(api, `QUIZ#${quiz.id}`, `MEMBER#${MEMBER_ID}`);
    expect(standing).toMatchObject({ attemptsUsed: 2, gradedCount: 2, countedScore: 50, bestScore: 50, lastScore: 0, passed: true });
    expect(standing!.activeAttemptId).toBeUndefined();
    const listed = (await api.request('GET', '/quizzes', { token: member })).json.items.find((q: any) => q.id === quiz.id);
    expect(listed).toMatchObject({ myStatus: 'done', myScore: 50, attemptsUsed: 2, lastAttemptId: b.json.attemptId });
  });

  it('rejects a repeated submission and records nothing twice', async () => {
    const quiz = await createQuiz(api, admin, { bankId, draw, title: '重复提交' });
    const a = await start(quiz.id);
    expect((await submit(a.json.attemptId, rightAnswers(a.json.questions))).status).toBe(200);
    const before = await tableSnapshot(api.endpoint, api.tableName);
    expectProblem(await submit(a.json.attemptId, wrongAnswers(a.json.questions)), 409, 'CONFLICT');
    expectProblem(await api.request('PUT', `/attempts/${a.json.attemptId}/answers`, { token: member, body: { answers: {} } }), 409, 'CONFLICT');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('records one grade when submissions race', async () => {
    const quiz = await createQuiz(api, admin, { bankId, draw, title: '并发提交' });
    const a = await start(quiz.id);
    const right = rightAnswers(a.json.questions);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => submit(a.json.attemptId, i % 2 ? right : wrongAnswers(a.json.questions))));
    const ok = answers.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const r of answers.filter((x) => x.status !== 200)) expectProblem(r, 409, 'CONFLICT');
    expect((await archiveOf(api, MEMBER_ID)).filter((e) => e.kind === 'quiz' && e.title === '并发提交')).toHaveLength(1);
    const standing = await tableItem(api, `QUIZ#${quiz.id}`, `MEMBER#${MEMBER_ID}`);
    expect(standing).toMatchObject({ gradedCount: 1, attemptsUsed: 1, countedScore: ok[0]!.json.score });
  });

  it('enforces the number of attempts, even when starts race', async () => {
    const quiz = await createQuiz(api, admin, { bankId, draw, attemptsAllowed: 1, title: '一次机会' });
    const starts = await Promise.all(Array.from({ length: 8 }, () => start(quiz.id)));
    const ids = new Set(starts.map((s) => s.json?.attemptId));
    expect(starts.every((s) => s.status === 201)).toBe(true);
    expect(ids.size).toBe(1);
    expect((await tableItem(api, `QUIZ#${quiz.id}`, `MEMBER#${MEMBER_ID}`))!.attemptsUsed).toBe(1);
    const [attemptId] = [...ids] as string[];
    await submit(attemptId!, {});
    const before = await tableSnapshot(api.endpoint, api.tableName);
    expect(expectProblem(await start(quiz.id), 409, 'CONFLICT').detail).toContain('答题次数已用完');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it("rejects someone else's attempt without saying it exists, and changes nothing", async () => {
    const quiz = await createQuiz(api, admin, { bankId, draw, title: '他人答卷' });
    const a = await start(quiz.id);
    const before = await tableSnapshot(api.endpoint, api.tableName);
    expectProblem(await submit(a.json.attemptId, rightAnswers(a.json.questions), secretary), 404, 'NOT_FOUND');
    expectProblem(await api.request('PUT', `/attempts/${a.json.attemptId}/answers`, { token: secretary, body: { answers: {} } }), 404, 'NOT_FOUND');
    expectProblem(await api.request('GET', `/attempts/${a.json.attemptId}`, { token: secretary }), 404, 'NOT_FOUND');
    expectProblem(await api.request('POST', `/attempts/${a.json.attemptId}/submit`, { body: { answers: {} } }), 401, 'UNAUTHENTICATED');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('rejects a late submission and grades what was saved before the deadline instead', async () => {
    const quiz = await createQuiz(api, admin, { bankId, draw, points: { single: 5, multiple: 10, judge: 5 }, title: '超时' });
    const a = await start(quiz.id);
    const right = rightAnswers(a.json.questions);
    const [q1, q2] = a.json.questions;
    await api.request('PUT', `/attempts/${a.json.attemptId}/answers`, { token: member, body: { answers: { [q1.id]: right[q1.id]!, [q2.id]: right[q2.id]! } } });
    await expireAttempt(api, a.json.attemptId);
    expectProblem(await api.request('PUT', `/attempts/${a.json.attemptId}/answers`, { token: member, body: { answers: right } }), 409, 'CONFLICT');
    const late = await submit(a.json.attemptId, right);
    expect(expectProblem(late, 409, 'CONFLICT').detail).toContain('已超过答题时间');
    const view = await api.request('GET', `/attempts/${a.json.attemptId}`, { token: member });
    expect(view.json.status).toBe('graded');
    expect(view.json.result).toMatchObject({ endedBy: 'expired', correctCount: 2, score: 10 });
    const again = await submit(a.json.attemptId, right);
    expectProblem(again, 409, 'CONFLICT');
    expect((await archiveOf(api, MEMBER_ID)).filter((e) => e.kind === 'quiz' && e.title === '超时')).toHaveLength(1);
  });

  it('takes a submission within the grace after the deadline', async () => {
    const quiz = await createQuiz(api, admin, { bankId, draw, title: '宽限' });
    const a = await start(quiz.id);
    await expireAttempt(api, a.json.attemptId, 5);
    expect((await submit(a.json.attemptId, rightAnswers(a.json.questions))).status).toBe(200);
  });

  it('validates answers against the attempt', async () => {
    const quiz = await createQuiz(api, admin, { bankId, draw, title: '答案校验' });
    const a = await start(quiz.id);
    const single = a.json.questions.find((q: any) => q.type === 'single');
    const judge = a.json.questions.find((q: any) => q.type === 'judge');
    const before = await tableSnapshot(api.endpoint, api.tableName);
    expectProblem(await submit(a.json.attemptId, { NOTAQUESTION: ['A'] }), 400, 'VALIDATION_FAILED');
    expectProblem(await submit(a.json.attemptId, { [single.id]: ['A', 'B'] }), 400, 'VALIDATION_FAILED');
    expectProblem(await submit(a.json.attemptId, { [judge.id]: ['C'] }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', `/attempts/${a.json.attemptId}/submit`, { token: member, body: { answers: {}, score: 100 } }), 400, 'VALIDATION_FAILED');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('shows answers and explanations only as the quiz allows', async () => {
    const never = await createQuiz(api, admin, { bankId, draw, reviewPolicy: 'never', title: '不公布' });
    const a = await start(never.id);
    const res = await submit(a.json.attemptId, rightAnswers(a.json.questions));
    expect(res.json.review).toBeNull();
    expect(res.json.reviewAvailableAt).toBeNull();
    expect(res.text).not.toContain('explanation');

    const later = await createQuiz(api, admin, { bankId, draw, reviewPolicy: 'after_close', title: '结束后公布' });
    const b = await start(later.id);
    const r2 = await submit(b.json.attemptId, {});
    expect(r2.json.review).toBeNull();
    expect(r2.json.reviewAvailableAt).toBe(later.closesAt);
  });

  it('keeps a graded attempt as it was when the question is edited', async () => {
    const quiz = await createQuiz(api, admin, { bankId, draw, title: '修改题目' });
    const a = await start(quiz.id);
    const res = await submit(a.json.attemptId, rightAnswers(a.json.questions));
    const q = a.json.questions.find((x: any) => x.type === 'single');
    const edited = await api.request('PUT', `/admin/question-banks/${bankId}/questions/${q.id}`, {
      token: admin, body: { type: 'single', stem: `${q.stem}（已修改）`, options: ['一', '二', '三'], answer: 'C' },
    });
    expect(edited.status).toBe(200);
    const view = await api.request('GET', `/attempts/${a.json.attemptId}`, { token: member });
    expect(view.json.result.score).toBe(res.json.score);
    expect(view.json.result.review).toEqual(res.json.review);
    // put it back for the other tests
    await api.request('PUT', `/admin/question-banks/${bankId}/questions/${q.id}`, {
      token: admin, body: { type: 'single', stem: q.stem, options: res.json.review.find((r: any) => r.questionId === q.id).options.map((o: any) => o.text), answer: res.json.review.find((r: any) => r.questionId === q.id).correctAnswer.join('') },
    });
  });

  it('keeps quizzes to their orgs and their hours', async () => {
    // A city may set a quiz from the province's bank (an org above it), for its own members only.
    const qsQuiz = await createQuiz(api, await api.token('dev-qs-admin'), { bankId, draw: { judge: 1 }, passScore: 1, title: '青山' });
    expect(qsQuiz.orgIds).toEqual(['qs']);
    expectProblem(await start(qsQuiz.id), 404, 'NOT_FOUND');
    expect((await api.request('GET', '/quizzes', { token: member })).json.items.map((q: any) => q.id)).not.toContain(qsQuiz.id);
    const future = await createQuiz(api, admin, { bankId, draw, opensAt: new Date(Date.now() + 86_400_000).toISOString(), title: '未开始' });
    expectProblem(await start(future.id), 409, 'CONFLICT');
    const past = await createQuiz(api, admin, { bankId, draw, opensAt: '2024-01-01T00:00:00.000Z', closesAt: '2024-01-02T00:00:00.000Z', title: '已结束' });
    expectProblem(await start(past.id), 409, 'CONFLICT');
    const list = (await api.request('GET', '/quizzes', { token: member })).json.items;
    expect(list.find((q: any) => q.id === past.id).myStatus).toBe('missed');
    expect(list.find((q: any) => q.id === future.id).myStatus).toBe('upcoming');
  });
});
