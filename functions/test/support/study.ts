import type { TestApi } from './test-api';

/** Creates a published topic for the root org and returns its id. */
export async function publishedTopic(api: TestApi, admin: string, title = '测试专题'): Promise<string> {
  const res = await api.request('POST', '/admin/topics', { token: admin, body: { title, summary: '集成测试用', published: true } });
  if (res.status !== 201) throw new Error(`topic: ${res.status} ${res.text}`);
  return res.json.id as string;
}

/** A published article short enough to finish in a few real seconds (5 s long, 4 s required). */
export async function shortArticle(api: TestApi, admin: string, topicId: string, title = '短文一篇'): Promise<string> {
  const res = await api.request('POST', `/admin/topics/${topicId}/lessons`, {
    token: admin, body: { title, kind: 'article', mode: 'self_study', body: '<p>学习为民服务的初心。</p>', published: true },
  });
  if (res.status !== 201) throw new Error(`lesson: ${res.status} ${res.text}`);
  return res.json.id as string;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
