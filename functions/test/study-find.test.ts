import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';

let api: TestApi;
let member: string;
let secretary: string;

beforeAll(async () => {
  api = await startTestApi();
  member = await api.token('dev-member');
  secretary = await api.token('dev-secretary');
});
afterAll(() => api?.close());

const get = (path: string, token = member) => api.request('GET', path, { token });

describe('search, favourites and continue where you stopped', () => {
  it('finds lessons and topics by whole words of title, text and tags, not by runs of characters', async () => {
    const res = await get(`/study/search?q=${encodeURIComponent('诚信')}`);
    expect(res.status).toBe(200);
    expect(res.json.items[0]).toMatchObject({ kind: 'lesson', id: 'demo-lesson-rl-3', topicTitle: '法治为民 初心如磐' });
    const text = await get(`/study/search?q=${encodeURIComponent('公证 真实')}`);
    expect(text.json.items.map((i: { id: string }) => i.id)).toContain('demo-lesson-rl-3');
    const topic = await get(`/study/search?q=${encodeURIComponent('红色故事')}`);
    expect(topic.json.items[0]).toMatchObject({ kind: 'topic', id: 'demo-topic-red-stories' });
    // 信底 is a run of characters across two words, not a word.
    expect((await get(`/study/search?q=${encodeURIComponent('信底')}`)).json.items).toEqual([]);
    expect(expectProblem(await get('/study/search?q='), 400, 'VALIDATION_FAILED').errors?.[0]?.message).toBe('请输入要搜索的内容');
    expectProblem(await get(`/study/search?q=${'长'.repeat(51)}`), 400, 'VALIDATION_FAILED');
  });

  it('keeps favourites per member', async () => {
    expect((await api.request('PUT', '/me/favourites/demo-lesson-rl-3', { token: member })).json).toMatchObject({ lessonId: 'demo-lesson-rl-3', topicTitle: '法治为民 初心如磐' });
    await api.request('PUT', '/me/favourites/demo-lesson-rl-3', { token: member });
    expect((await get('/me/favourites')).json.items.map((i: { lessonId: string }) => i.lessonId)).toEqual(['demo-lesson-rl-3']);
    expect((await get('/me/favourites', secretary)).json.items).toEqual([]);
    expectProblem(await api.request('PUT', '/me/favourites/no-such-lesson', { token: member }), 404, 'NOT_FOUND');
    await api.request('DELETE', '/me/favourites/demo-lesson-rl-3', { token: member });
    expect((await get('/me/favourites')).json.items).toEqual([]);
  });

  it('offers the lesson last studied and not finished', async () => {
    expect((await get('/study/resume')).json).toEqual({ lesson: null });
    const res = await api.request('POST', '/lessons/demo-lesson-rl-1/progress', { token: member, body: { seconds: 5, completed: false, position: 120 } });
    expect(res.status).toBe(200);
    expect((await get('/study/resume')).json.lesson).toMatchObject({ id: 'demo-lesson-rl-1', title: '读原文：把群众的事当成自己的事', position: 120 });
    expect((await get('/study/resume', secretary)).json).toEqual({ lesson: null });
  });
});
