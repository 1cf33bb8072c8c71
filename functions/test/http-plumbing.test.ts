import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { MAX_BODY_BYTES: '65536', CORS_ORIGINS: 'https://h5.example.cn,http://127.0.0.1:10086' } });
});
afterAll(() => api?.close());

describe('bad input gets problem+json and changes nothing', () => {
  it('malformed JSON, wrong types, unknown fields, missing body, wrong media type', async () => {
    const before = await tableSnapshot(api.endpoint, api.tableName);
    expectProblem(await api.request('POST', '/auth/dev', { rawBody: '{"openid": "dev-member"', headers: { 'content-type': 'application/json' } }), 400, 'VALIDATION_FAILED');
    const wrongType = expectProblem(await api.request('POST', '/auth/dev', { body: { openid: 42 } }), 400, 'VALIDATION_FAILED');
    expect(wrongType.errors?.[0]?.path).toBe('openid');
    expect(wrongType.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    const unknown = expectProblem(await api.request('POST', '/auth/dev', { body: { openid: 'dev-member', role: 'admin' } }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(unknown.errors)).toContain('role');
    expectProblem(await api.request('POST', '/auth/dev', {}), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', '/auth/dev', { rawBody: 'openid=dev-member', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', '/auth/dev', { body: ['dev-member'] }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('GET', '/campaigns?limit=0'), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('GET', '/campaigns?limit=abc'), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('GET', '/campaigns?cursor=bm90LWpzb24'), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('GET', '/campaigns?status=draft'), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('GET', '/campaigns?colour=red'), 400, 'VALIDATION_FAILED');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const p = expectProblem(await api.request('POST', '/auth/dev', { body: { openid: 'x'.repeat(70_000) } }), 413, 'PAYLOAD_TOO_LARGE');
    expect(p.detail).toContain('KB');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('answers 404 problem for unknown campaigns', async () => {
    expectProblem(await api.request('GET', '/campaigns/no-such-campaign'), 404, 'NOT_FOUND');
  });

  it('never answers 500 to generated bodies, and stores nothing when it answers 4xx', async () => {
    const before = await tableSnapshot(api.endpoint, api.tableName);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ openid: v }))),
        async (raw) => {
          const res = await api.request('POST', '/auth/dev', { rawBody: raw, headers: { 'content-type': 'application/json' } });
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
          else accepted++;
        },
      ),
      { numRuns: 150 },
    );
    // Some generated openids are valid and sign in as guests: only those may have been written.
    const after = await tableSnapshot(api.endpoint, api.tableName);
    const added = after.filter((k) => !before.includes(k));
    for (const k of added) expect(k).toMatch(/^(OPENID#|USER#)/);
    expect(added.length).toBeLessThanOrEqual(accepted * 2);
  });
});

describe('CORS', () => {
  it('echoes an allowed origin and answers preflight', async () => {
    const res = await api.request('GET', '/health', { headers: { origin: 'http://127.0.0.1:10086' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:10086');
    const other = await api.request('GET', '/health', { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await api.request('OPTIONS', '/auth/dev', { headers: { origin: 'https://h5.example.cn', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
  });
});
