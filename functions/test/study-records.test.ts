import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { publishedTopic, shortArticle, sleep } from './support/study';
import { tableSnapshot } from './support/table';

let api: TestApi;
let admin: string;
let member: string;
let topicId: string;

beforeAll(async () => {
  // A low daily cap for articles, so the cap can be reached in a test.
  api = await startTestApi({ env: { STUDY_POINT_RULES: JSON.stringify({ article: { points: 1, per: 1, dailyCap: 2 } }) } });
  admin = await api.token('dev-admin');
  member = await api.token('dev-member');
  topicId = await publishedTopic(api, admin);
});
afterAll(() => api?.close());

const progress = (lessonId: string, body: unknown, headers?: Record<string, string>) =>
  api.request('POST', `/lessons/${lessonId}/progress`, { token: member, body, ...(headers ? { headers } : {}) });

describe('honest study records', () => {
  it('credits only real elapsed time: inflated reports are cut down, replays add nothing, completion needs the time', async () => {
    const lessonId = await shortArticle(api, admin, topicId);
    const lesson = await api.request('GET', `/lessons/${lessonId}`, { token: member });
    expect(lesson.json.progress).toMatchObject({ creditedSeconds: 0, requiredSeconds: 4, completed: false });

    const started = Date.now();
    const first = await progress(lessonId, { seconds: 3600, completed: true });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ acceptedSeconds: 0, completed: false, newlyCompleted: false });
    expect(first.json.notice).toContain('学习时间还不够');

    const inflated = await progress(lessonId, { seconds: 3600, completed: true });
    expect(inflated.json.acceptedSeconds).toBeLessThanOrEqual((Date.now() - started) / 1000);
    expect(inflated.json.completed).toBe(false);

    await sleep(2200);
    const honest = await progress(lessonId, { seconds: 2, completed: false }, { 'idempotency-key': 'progress-honest-0001' });
    expect(honest.json.acceptedSeconds).toBeGreaterThan(1.5);
    expect(honest.json.acceptedSeconds).toBeLessThanOrEqual(2);

    const replayedKey = await progress(lessonId, { seconds: 2, completed: false }, { 'idempotency-key': 'progress-honest-0001' });
    expect(replayedKey.headers.get('idempotent-replayed')).toBe('true');
    expect(replayedKey.json).toEqual(honest.json);
    const replayed = await progress(lessonId, { seconds: 2, completed: false });
    expect(replayed.json.acceptedSeconds).toBeLessThan(0.5);

    await sleep(2300);
    const done = await progress(lessonId, { seconds: 2.3, completed: true });
    expect(done.json).toMatchObject({ completed: true, newlyCompleted: true });
    expect(done.json.pointsAwarded).toBeGreaterThanOrEqual(1);
    expect(done.json.creditedSeconds).toBeLessThanOrEqual((Date.now() - started) / 1000);

    const again = await progress(lessonId, { seconds: 1, completed: true });
    expect(again.json).toMatchObject({ completed: true, newlyCompleted: false, completedAt: done.json.completedAt });

    const archive = await api.request('GET', '/me/archive', { token: member });
    const entries = archive.json.items.filter((e: { refId: string }) => e.refId === lessonId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'lesson', title: '短文一篇' });
    expect(archive.json.totals.lessonsCompleted).toBe(1);
    expect(archive.json.totals.minutes).toBeGreaterThan(0);
    // Minutes are kept to a tenth.
    expect(archive.json.totals.minutes).toBeLessThanOrEqual((Date.now() - started) / 60_000 + 0.05);
  });

  it('never credits more than real time however many inflated reports race in at once', async () => {
    const lessonId = await api.request('POST', `/admin/topics/${topicId}/lessons`, {
      token: admin, body: { title: '长音频', kind: 'audio', mode: 'lecture', durationSeconds: 600, mediaUrl: 'https://media.example.cn/long.mp3', published: true },
    }).then((r) => r.json.id as string);
    const started = Date.now();
    await progress(lessonId, { seconds: 0, completed: false });
    await sleep(1500);
    const burst = await Promise.all(Array.from({ length: 8 }, () => progress(lessonId, { seconds: 60, completed: true, position: 120 })));
    const elapsed = (Date.now() - started) / 1000;
    // Racing reports of one member are serialised; one that keeps losing the race is refused whole (409), never half-counted.
    for (const r of burst) if (r.status !== 200) expectProblem(r, 409, 'CONFLICT');
    const accepted = burst.filter((r) => r.status === 200);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    const credited = accepted.reduce((s, r) => s + r.json.acceptedSeconds, 0);
    expect(credited).toBeLessThanOrEqual(elapsed);
    const lesson = await api.request('GET', `/lessons/${lessonId}`, { token: member });
    expect(lesson.json.progress.creditedSeconds).toBeLessThanOrEqual(elapsed);
    expect(lesson.json.progress).toMatchObject({ completed: false, position: 120 });
  });

  it('stops paying points at the daily cap, even for lessons finished at the same moment', async () => {
    const ids = await Promise.all([1, 2, 3].map((n) => shortArticle(api, admin, topicId, `限额短文${n}`)));
    const before = (await api.request('GET', '/me/archive', { token: member })).json.totals.points;
    await Promise.all(ids.map((id) => progress(id, { seconds: 0, completed: false })));
    await sleep(2100);
    await Promise.all(ids.map((id) => progress(id, { seconds: 2.1, completed: false })));
    await sleep(2100);
    const done = await Promise.all(ids.map((id) => progress(id, { seconds: 2.1, completed: true })));
    for (const d of done) expect(d.json.newlyCompleted).toBe(true);
    const archive = (await api.request('GET', '/me/archive', { token: member })).json;
    const lessonPoints = archive.items.filter((e: { refId: string }) => ids.includes(e.refId)).map((e: { points: number }) => e.points);
    expect(lessonPoints).toHaveLength(3);
    // The first test already earned one article point today; the cap is two.
    expect(lessonPoints.reduce((s: number, p: number) => s + p, 0)).toBe(1);
    expect(archive.totals.points).toBeGreaterThanOrEqual(before + 1);
  });

  it('rejects bad reports with problem+json and changes nothing', async () => {
    const lessonId = await shortArticle(api, admin, topicId, '校验用');
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const negative = expectProblem(await progress(lessonId, { seconds: -5, completed: false }), 400, 'VALIDATION_FAILED');
    expect(negative.errors?.[0]?.message).toContain('不能为负数');
    expectProblem(await progress(lessonId, { seconds: 5, completed: false, cheat: true }), 400, 'VALIDATION_FAILED');
    expectProblem(await progress(lessonId, { seconds: '5', completed: false }), 400, 'VALIDATION_FAILED');
    expectProblem(await progress('no-such-lesson', { seconds: 5, completed: false }), 404, 'NOT_FOUND');
    expectProblem(await api.request('POST', `/lessons/${lessonId}/progress`, { body: { seconds: 5, completed: false } }), 401, 'UNAUTHENTICATED');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });
});
