import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, and refuses the key with another body', async () => {
    const admin = await api.token('dev-admin');
    const code = (await api.request('POST', '/admin/members/m-qs-bt-gf-b1-2/binding-code', { token: admin })).json.bindingCode;
    const guest = await api.token('wx-idem');
    const headers = { 'idempotency-key': 'bind-attempt-0001' };
    const first = await api.request('POST', '/me/bind', { token: guest, headers, body: { bindingCode: code } });
    expect(first.status).toBe(200);
    const retry = await api.request('POST', '/me/bind', { token: guest, headers, body: { bindingCode: code } });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json).toEqual(first.json);
    expectProblem(await api.request('POST', '/me/bind', { token: guest, headers, body: { bindingCode: 'ZZZZ-ZZZZ' } }), 409, 'CONFLICT');
  });

  it('runs concurrent retries once', async () => {
    const admin = await api.token('dev-admin');
    const code = (await api.request('POST', '/admin/members/m-qs-bt-gf-b1-3/binding-code', { token: admin })).json.bindingCode;
    const guest = await api.token('wx-idem-race');
    const headers = { 'idempotency-key': 'bind-race-000000001' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.request('POST', '/me/bind', { token: guest, headers, body: { bindingCode: code } })));
    const ok = answers.filter((a) => a.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect(new Set(ok.map((a) => a.json.user.id))).toEqual(new Set(['m-qs-bt-gf-b1-3']));
  });

  it('forgets a key whose request failed, so a corrected retry may use it', async () => {
    const guest = await api.token('wx-idem-fail');
    const headers = { 'idempotency-key': 'bind-fail-0000001' };
    expectProblem(await api.request('POST', '/me/bind', { token: guest, headers, body: { bindingCode: 'ZZZZ-ZZZZ' } }), 404, 'NOT_FOUND');
    expectProblem(await api.request('POST', '/me/bind', { token: guest, headers, body: { bindingCode: 'YYYY-YYYY' } }), 404, 'NOT_FOUND');
  });

  it('rejects a malformed key', async () => {
    const guest = await api.token('wx-idem-bad');
    expectProblem(await api.request('POST', '/me/bind', { token: guest, headers: { 'idempotency-key': 'short' }, body: { bindingCode: 'ZZZZ-ZZZZ' } }), 400, 'VALIDATION_FAILED');
  });
});
