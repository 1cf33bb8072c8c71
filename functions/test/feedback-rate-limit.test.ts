import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { RATE_SUGGESTIONS_PER_WINDOW: '3', RATE_ANON_SUGGESTIONS_PER_IP: '3', RATE_WINDOW_SECONDS: '600' } });
});
afterAll(() => api?.close());

it('answers 429 with Retry-After once a client has sent its share, and stores nothing more', async () => {
  for (let i = 0; i < 3; i++) {
    const res = await api.request('POST', '/campaigns/demo-lj-2026/suggestions', { body: { category: 'notary', content: `第${i}条：公证预约系统经常打不开`, anonymous: true } });
    expect(res.status).toBe(201);
  }
  const before = await tableSnapshot(api.endpoint, api.tableName);
  const res = await api.request('POST', '/campaigns/demo-lj-2026/suggestions', { body: { category: 'notary', content: '第四条：公证预约系统经常打不开', anonymous: true } });
  expect(expectProblem(res, 429, 'RATE_LIMITED').detail).toMatch(/请在 \d+ (分钟|秒)后再试/);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(600);
  expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  // Bad input does not use up the share.
  expectProblem(await api.request('POST', '/campaigns/demo-lj-2026/suggestions', { body: { category: 'notary', content: '短', anonymous: true } }), 400, 'VALIDATION_FAILED');
});

it('limits signed-in people each on their own, not by the Wi-Fi they share', async () => {
  // The anonymous share of this IP is used up above; five people at the same window still get through.
  for (let i = 0; i < 5; i++) {
    const token = await api.token(`wx-window-${i}`);
    const res = await api.request('POST', '/campaigns/demo-lj-2026/suggestions', { token, body: { category: 'notary', content: `窗口第${i}位群众：公证预约系统经常打不开`, anonymous: true } });
    expect(res.status).toBe(201);
  }
  const one = await api.token('wx-window-busy');
  for (let i = 0; i < 3; i++) {
    expect((await api.request('POST', '/campaigns/demo-lj-2026/suggestions', { token: one, body: { category: 'notary', content: `同一人第${i}条：窗口排队时间太长了`, anonymous: true } })).status).toBe(201);
  }
  expectProblem(await api.request('POST', '/campaigns/demo-lj-2026/suggestions', { token: one, body: { category: 'notary', content: '同一人第四条：窗口排队时间太长了', anonymous: true } }), 429, 'RATE_LIMITED');
});
