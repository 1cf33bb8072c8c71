import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { expireChallenge, rightOf, shiftDuel, storedQuestions, wrongOf } from './support/games';
import { tableItem } from './support/quiz';
import { studyDay } from '@kaimen/shared';

let api: TestApi;
let member: string;
let secretary: string;
let admin: string;
const MEMBER_ID = 'm-lj-dh-gz-b1-2';
const SECRETARY_ID = 'm-lj-dh-gz-b1-1';

beforeAll(async () => {
  api = await startTestApi();
  member = await api.token('dev-member');
  secretary = await api.token('dev-secretary');
  admin = await api.token('dev-admin');
});
afterAll(() => api?.close());

const post = (path: string, token: string, body?: unknown) => api.request('POST', path, { token, ...(body === undefined ? {} : { body }) });
const get = (path: string, token: string) => api.request('GET', path, { token });

describe('每日答题', () => {
  it('draws five questions without their answers, takes each answer once and earns capped points and a streak', async () => {
    const set = await get('/games/daily', member);
    expect(set.status).toBe(200);
    expect(set.json.questions).toHaveLength(5);
    expect(set.text).not.toMatch(/"answer"|"explanation"|"order"/);
    expect(set.json).toMatchObject({ done: false, verdicts: [], pointsToday: 0 });
    // The same set all day.
    expect((await get('/games/daily', member)).json.questions).toEqual(set.json.questions);

    const day = studyDay(Date.now());
    const stored = await storedQuestions(api, `USER#${MEMBER_ID}`, `DAILY#${day}`);
    const [q0, q1, q2, q3, q4] = stored;

    const first = await post('/games/daily/answers', member, { questionId: q0!.id, answer: rightOf(q0!) });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ awarded: 1, done: false, verdict: { correct: true, correctAnswer: rightOf(q0!) } });
    expect(expectProblem(await post('/games/daily/answers', member, { questionId: q0!.id, answer: rightOf(q0!) }), 409, 'CONFLICT').detail).toContain('已经答过');

    // Two racing taps on one question: one counts.
    const racing = await Promise.all([1, 2, 3].map(() => post('/games/daily/answers', member, { questionId: q1!.id, answer: rightOf(q1!) })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409]);

    // Bad input changes nothing.
    expectProblem(await post('/games/daily/answers', member, { questionId: q2!.id, answer: ['Z'] }), 400, 'VALIDATION_FAILED');
    expectProblem(await post('/games/daily/answers', member, { questionId: q2!.id, answer: ['F', 'F'] }), 400, 'VALIDATION_FAILED');
    expect(expectProblem(await post('/games/daily/answers', member, { questionId: 'not-today', answer: ['A'] }), 400, 'VALIDATION_FAILED').detail).toContain('不在今天');
    expectProblem(await post('/games/daily/answers', member, { questionId: q2!.id, answer: ['A'], userId: SECRETARY_ID }), 400, 'VALIDATION_FAILED');

    const wrong = await post('/games/daily/answers', member, { questionId: q2!.id, answer: wrongOf(q2!) });
    expect(wrong.json).toMatchObject({ awarded: 0, verdict: { correct: false, correctAnswer: rightOf(q2!) } });
    await post('/games/daily/answers', member, { questionId: q3!.id, answer: rightOf(q3!) });
    const last = await post('/games/daily/answers', member, { questionId: q4!.id, answer: rightOf(q4!) });
    expect(last.json).toMatchObject({ done: true, streak: 1 });

    const after = await get('/games/daily', member);
    expect(after.json).toMatchObject({ done: true, streak: 1, pointsToday: 4 });
    expect(after.json.verdicts).toHaveLength(5);
  });

  it('puts the wrong answer in the mistakes book, shows it to its owner only, and takes it out after two right in a row', async () => {
    const book = await get('/games/mistakes', member);
    expect(book.status).toBe(200);
    expect(book.json.items.length).toBeGreaterThanOrEqual(1);
    const m = book.json.items[0];
    expect(m).toMatchObject({ source: '每日答题', wrongCount: 1, rightInARow: 0 });
    expect(m.correctAnswer).not.toBeNull();
    expect((await get('/games/mistakes', secretary)).json.items).toEqual([]);
    expectProblem(await post('/games/mistakes/practice', secretary, { bankId: m.bankId, questionId: m.questionId, answer: m.correctAnswer }), 404, 'NOT_FOUND');

    const wrongLetter = m.options.map((o: { key: string }) => o.key).find((k: string) => !m.correctAnswer.includes(k));
    const practise = (answer: string[]) => post('/games/mistakes/practice', member, { bankId: m.bankId, questionId: m.questionId, answer });
    expect((await practise(m.correctAnswer)).json).toMatchObject({ rightInARow: 1, cleared: false });
    expect((await practise([wrongLetter])).json).toMatchObject({ rightInARow: 0, cleared: false });
    expect((await practise(m.correctAnswer)).json).toMatchObject({ rightInARow: 1, cleared: false });
    expect((await practise(m.correctAnswer)).json).toMatchObject({ rightInARow: 2, cleared: true });
    expect((await get('/games/mistakes', member)).json.items.find((x: { questionId: string }) => x.questionId === m.questionId)).toBeUndefined();
    expectProblem(await practise(m.correctAnswer), 404, 'NOT_FOUND');
  });
});

describe('挑战答题', () => {
  it('runs until the first mistake, scores by length, keeps bests and cannot be answered again', async () => {
    const start = await post('/games/challenges', member);
    expect(start.status).toBe(201);
    expect(start.text).not.toMatch(/"answer"|"explanation"|"order"/);
    const runId = start.json.runId as string;
    expect((await post('/games/challenges', member)).json.runId).toBe(runId);
    const qs = await storedQuestions(api, `CHALRUN#${runId}`, 'CHALRUN');
    let state = start.json;
    for (let i = 0; i < 3; i++) {
      const q = qs[i]!;
      expect(state.question.id).toBe(q.id);
      const res = await post(`/games/challenges/${runId}/answers`, member, { questionId: q.id, answer: rightOf(q) });
      expect(res.status).toBe(200);
      state = res.json;
    }
    expect(expectProblem(await post(`/games/challenges/${runId}/answers`, member, { questionId: qs[0]!.id, answer: rightOf(qs[0]!) }), 409, 'CONFLICT').detail).toContain('当前的题');
    const end = await post(`/games/challenges/${runId}/answers`, member, { questionId: qs[3]!.id, answer: wrongOf(qs[3]!) });
    expect(end.json).toMatchObject({ status: 'ended', endedBy: 'mistake', length: 3, awarded: 1, personalBest: 3, branchBest: 3, question: null });
    expect(end.json.last).toMatchObject({ correct: false, correctAnswer: rightOf(qs[3]!) });
    expectProblem(await post(`/games/challenges/${runId}/answers`, member, { questionId: qs[4]!.id, answer: rightOf(qs[4]!) }), 409, 'CONFLICT');
    expectProblem(await get(`/games/challenges/${runId}`, secretary), 404, 'NOT_FOUND');
    const next = await post('/games/challenges', member);
    expect(next.json.runId).not.toBe(runId);
  });

  it('starts a new run at once after one left to run out of time', async () => {
    const first = await post('/games/challenges', member);
    const runId = first.json.runId as string;
    await expireChallenge(api, runId);
    const next = await post('/games/challenges', member);
    expect(next.status).toBe(201);
    expect(next.json).toMatchObject({ status: 'open', length: 0 });
    expect(next.json.runId).not.toBe(runId);
    expect((await get(`/games/challenges/${runId}`, member)).json).toMatchObject({ status: 'ended', endedBy: 'timeout' });
  });
});

describe('双人对战', () => {
  async function startRound() {
    const created = await post('/games/duels', member);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'waiting', question: null });
    const duelId = created.json.duelId as string;
    const open = await get('/games/duels', secretary);
    expect(open.json.items.map((i: { duelId: string }) => i.duelId)).toContain(duelId);
    const joined = await post(`/games/duels/${duelId}/join`, secretary);
    expect(joined.json).toMatchObject({ status: 'playing', index: 0, question: null });
    await shiftDuel(api, duelId, 100);
    return duelId;
  }

  it('plays five questions: the faster right answer wins each, racing answers count once, nobody answers for the other', async () => {
    const duelId = await startRound();
    expect(expectProblem(await post(`/games/duels/${duelId}/join`, admin), 409, 'CONFLICT').detail).toContain('已经有人加入');
    expectProblem(await get(`/games/duels/${duelId}`, admin), 403, 'FORBIDDEN');
    const qs = await storedQuestions(api, `DUEL#${duelId}`, 'DUEL');
    const state = await get(`/games/duels/${duelId}`, member);
    expect(state.json.question.id).toBe(qs[0]!.id);
    expect(state.text).not.toMatch(/"answer"|"explanation"|"order"/);
    expectProblem(await post(`/games/duels/${duelId}/answers`, member, { index: 0, answer: rightOf(qs[0]!), userId: SECRETARY_ID }), 400, 'VALIDATION_FAILED');
    expectProblem(await post(`/games/duels/${duelId}/answers`, member, { index: 1, answer: rightOf(qs[1]!) }), 409, 'CONFLICT');

    // Question 0: the member is faster; the other sees that the member answered, not what.
    const a = await post(`/games/duels/${duelId}/answers`, member, { index: 0, answer: rightOf(qs[0]!) });
    expect(a.json).toMatchObject({ youAnswered: true, otherAnswered: false, last: { correct: true, correctAnswer: null } });
    const seen = await get(`/games/duels/${duelId}`, secretary);
    expect(seen.json).toMatchObject({ index: 0, youAnswered: false, otherAnswered: true });
    expect(seen.text).not.toContain(JSON.stringify(rightOf(qs[0]!)));
    await post(`/games/duels/${duelId}/answers`, secretary, { index: 0, answer: rightOf(qs[0]!) });

    // Question 1: the member taps three times at once; one answer counts.
    const racing = await Promise.all([1, 2, 3].map(() => post(`/games/duels/${duelId}/answers`, member, { index: 1, answer: wrongOf(qs[1]!) })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    await post(`/games/duels/${duelId}/answers`, secretary, { index: 1, answer: rightOf(qs[1]!) });

    // Questions 2–4 answered by both at the same moment.
    for (const i of [2, 3, 4]) {
      const both = await Promise.all([
        post(`/games/duels/${duelId}/answers`, member, { index: i, answer: rightOf(qs[i]!) }),
        post(`/games/duels/${duelId}/answers`, secretary, { index: i, answer: wrongOf(qs[i]!) }),
      ]);
      expect(both.map((r) => r.status)).toEqual([200, 200]);
    }
    const end = await get(`/games/duels/${duelId}`, member);
    expect(end.json).toMatchObject({ status: 'finished', endedBy: 'complete', winner: MEMBER_ID });
    expect(end.json.results.map((r: { winner: string | null }) => r.winner)).toEqual([MEMBER_ID, SECRETARY_ID, MEMBER_ID, MEMBER_ID, MEMBER_ID]);
    expect((await get(`/games/duels/${duelId}`, secretary)).json).toMatchObject({ status: 'finished', winner: MEMBER_ID });
    expect(await tableItem(api, `USER#${MEMBER_ID}`, `DUELRES#${duelId}`)).toMatchObject({ result: '胜' });
    expect(await tableItem(api, `USER#${SECRETARY_ID}`, `DUELRES#${duelId}`)).toMatchObject({ result: '负' });
    expectProblem(await post(`/games/duels/${duelId}/answers`, secretary, { index: 4, answer: rightOf(qs[4]!) }), 409, 'CONFLICT');
  });

  it('a player who drops out loses by timeout', async () => {
    const duelId = await startRound();
    const qs = await storedQuestions(api, `DUEL#${duelId}`, 'DUEL');
    await post(`/games/duels/${duelId}/answers`, member, { index: 0, answer: wrongOf(qs[0]!) });
    await shiftDuel(api, duelId, 60_000);
    const end = await get(`/games/duels/${duelId}`, member);
    expect(end.json).toMatchObject({ status: 'finished', endedBy: 'timeout', winner: MEMBER_ID });
    expect(await tableItem(api, `USER#${SECRETARY_ID}`, `DUELRES#${duelId}`)).toMatchObject({ result: '负', endedBy: 'timeout' });
  });

  it('times each question on the server: both see one deadline, an answer after it counts as missed, the next opens at it', async () => {
    const duelId = await startRound();
    const qs = await storedQuestions(api, `DUEL#${duelId}`, 'DUEL');
    const [mine, theirs] = await Promise.all([get(`/games/duels/${duelId}`, member), get(`/games/duels/${duelId}`, secretary)]);
    expect(mine.json.questionDeadline).toBe(theirs.json.questionDeadline);
    const deadline0 = Date.parse(mine.json.questionDeadline);
    expect(deadline0 - Date.parse(mine.json.serverTime)).toBeGreaterThan(15_000);
    // The phone's clock is not asked: a time in the answer is refused.
    expectProblem(await post(`/games/duels/${duelId}/answers`, secretary, { index: 0, answer: rightOf(qs[0]!), answeredAt: new Date().toISOString() }), 400, 'VALIDATION_FAILED');
    expect((await post(`/games/duels/${duelId}/answers`, member, { index: 0, answer: rightOf(qs[0]!) })).status).toBe(200);

    // The question's time runs out on the server before the secretary's right answer arrives.
    await shiftDuel(api, duelId, 20_500);
    const late = expectProblem(await post(`/games/duels/${duelId}/answers`, secretary, { index: 0, answer: rightOf(qs[0]!) }), 409, 'CONFLICT');
    expect(late.detail).toContain('作答时间已到');
    const [after, afterOther] = await Promise.all([get(`/games/duels/${duelId}`, secretary), get(`/games/duels/${duelId}`, member)]);
    expect(after.json).toMatchObject({ status: 'playing', index: 1, youAnswered: false });
    expect(after.json.results).toEqual([{ index: 0, winner: MEMBER_ID, youCorrect: false }]);
    expect(after.json.players.find((x: { userId: string }) => x.userId === SECRETARY_ID).answered).toBe(0);
    // The next question opened at the missed deadline, the same for both players.
    expect(afterOther.json.questionDeadline).toBe(after.json.questionDeadline);
    expect(Date.parse(after.json.questionDeadline) - Date.parse(after.json.serverTime)).toBeLessThan(20_000);
    // One miss is not a drop-out: the secretary plays on.
    expect((await post(`/games/duels/${duelId}/answers`, secretary, { index: 1, answer: rightOf(qs[1]!) })).status).toBe(200);
    expect((await get(`/games/duels/${duelId}`, member)).json).toMatchObject({ status: 'playing', index: 1, otherAnswered: true });
  });
});

describe('points that rank', () => {
  it('ranks the week, month and year by branch, institution and bureau, and the archive counts the points', async () => {
    const week = await get('/games/rankings?scope=branch&period=week', member);
    expect(week.status).toBe(200);
    const me = week.json.items.find((i: { userId: string }) => i.userId === MEMBER_ID);
    expect(me.points).toBe(week.json.mine);
    // daily 4 + challenge 1 + duels (win 2, timeout win 2, capped at 4) = 9.
    expect(week.json.mine).toBe(9);
    expect(week.json.items[0].userId).toBe(MEMBER_ID);
    for (const scope of ['institution', 'bureau']) {
      for (const period of ['month', 'year']) {
        const r = await get(`/games/rankings?scope=${scope}&period=${period}`, member);
        expect(r.json.items.find((i: { userId: string }) => i.userId === MEMBER_ID)?.points).toBe(9);
      }
    }
    expectProblem(await get('/games/rankings?scope=world', member), 400, 'VALIDATION_FAILED');
    const archive = await get('/me/archive', member);
    expect(archive.json.totals.points).toBeGreaterThanOrEqual(9);
  });
});

describe('quizzes feed the points and the mistakes book', () => {
  it('earns capped quiz points and files wrong answers, their right answers hidden until the review policy allows', async () => {
    const { createQuiz } = await import('./support/quiz');
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    const quiz = await createQuiz(api, admin, { title: '错题来源测试', bankId: 'qb-demo-lj', draw: { single: 4, judge: 2 }, reviewPolicy: 'after_close', closesAt, passScore: 1 });
    const started = await post(`/quizzes/${quiz.id}/attempts`, member);
    expect(started.status).toBe(201);
    const qs = await storedQuestions(api, `ATTEMPT#${started.json.attemptId}`, 'ATTEMPT');
    // Four right, two wrong.
    const answers = Object.fromEntries(qs.map((q, i) => [q.id, i < 4 ? rightOf(q) : wrongOf(q)]));
    const before = (await get('/games/rankings?scope=branch&period=week', member)).json.mine as number;
    const submitted = await post(`/attempts/${started.json.attemptId}/submit`, member, { answers });
    expect(submitted.status).toBe(200);
    expect(submitted.json.correctCount).toBe(4);
    // 1 point per 2 right answers.
    expect((await get('/games/rankings?scope=branch&period=week', member)).json.mine).toBe(before + 2);
    const book = (await get('/games/mistakes', member)).json.items.filter((m: { source: string }) => m.source === '错题来源测试');
    expect(book.map((m: { questionId: string }) => m.questionId).sort()).toEqual([qs[4]!.id, qs[5]!.id].sort());
    for (const m of book) expect(m).toMatchObject({ correctAnswer: null, explanation: null, revealAt: closesAt });
    expect(JSON.stringify(book)).not.toContain('"answer"');
    // Practising would tell right from wrong, so it waits for the review too.
    const early = await post('/games/mistakes/practice', member, { bankId: book[0].bankId, questionId: book[0].questionId, answer: ['A'] });
    expect(expectProblem(early, 409, 'CONFLICT').detail).toContain('公布，届时可以练习');
  });
});
