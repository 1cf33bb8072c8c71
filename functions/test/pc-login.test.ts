import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';
import { localClient } from '../../scripts/lib/dynamo-local';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const start = async () => {
  const res = await api.request('POST', '/auth/pc-login');
  expect(res.status).toBe(201);
  return res.json as { ticket: string; pollKey: string; expiresAt: string };
};
const poll = (ticket: string, pollKey: string) => api.request('POST', `/auth/pc-login/${ticket}/poll`, { body: { pollKey } });

describe('QR sign-in of the PC console', () => {
  it('an admin on the phone scans and confirms; the PC receives the admin\'s session once', async () => {
    const { ticket, pollKey, expiresAt } = await start();
    expect(ticket).toMatch(/^[\w-]{22}$/);
    expect(pollKey).not.toBe(ticket);
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(2);
    expect(minutes).toBeLessThanOrEqual(3);
    expect((await poll(ticket, pollKey)).json).toEqual({ status: 'waiting', expiresAt });

    const admin = await api.token('dev-city-admin');
    expect((await api.request('POST', `/auth/pc-login/${ticket}/scan`, { token: admin })).status).toBe(200);
    expect((await poll(ticket, pollKey)).json.status).toBe('scanned');

    // Whoever holds only the ticket (it is in the QR) can never collect the session.
    expectProblem(await poll(ticket, 'x'.repeat(22)), 404, 'NOT_FOUND');

    expect((await api.request('POST', `/auth/pc-login/${ticket}/confirm`, { token: admin })).status).toBe(200);
    const done = await poll(ticket, pollKey);
    expect(done.json.status).toBe('confirmed');
    expect(done.json.session.user.roles).toContain('admin');
    const me = await api.request('GET', '/me', { token: done.json.session.token });
    expect(me.status).toBe(200);
    expect(me.json.id).toBe(done.json.session.user.id);

    // Used once: polled again, or confirmed again, it is gone.
    const again = expectProblem(await poll(ticket, pollKey), 404, 'NOT_FOUND');
    expect(again.detail).toContain('二维码已失效');
    expectProblem(await api.request('POST', `/auth/pc-login/${ticket}/confirm`, { token: admin }), 404, 'NOT_FOUND');
  });

  it('refuses members, guests and the signed-out, and a second confirmation', async () => {
    const { ticket, pollKey } = await start();
    expectProblem(await api.request('POST', `/auth/pc-login/${ticket}/confirm`), 401, 'UNAUTHENTICATED');
    expectProblem(await api.request('POST', `/auth/pc-login/${ticket}/confirm`, { token: await api.token('dev-member') }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', `/auth/pc-login/${ticket}/confirm`, { token: await api.token('someone-new') }), 403, 'FORBIDDEN');
    expect((await poll(ticket, pollKey)).json.status).toBe('waiting');

    const secretary = await api.token('dev-secretary');
    expect((await api.request('POST', `/auth/pc-login/${ticket}/confirm`, { token: secretary })).status).toBe(200);
    // A second phone cannot take it over after the first confirmed.
    expectProblem(await api.request('POST', `/auth/pc-login/${ticket}/confirm`, { token: await api.token('dev-admin') }), 404, 'NOT_FOUND');
    expect((await poll(ticket, pollKey)).json.session.user.roles).toContain('secretary');
  });

  it('expires after its minutes, and rejects malformed tickets without writing anything', async () => {
    const { ticket, pollKey } = await start();
    const client = localClient(api.endpoint);
    await client.send(new UpdateItemCommand({
      TableName: api.tableName, Key: { pk: { S: `PCLOGIN#${ticket}` }, sk: { S: 'PCLOGIN' } },
      UpdateExpression: 'SET expiresAtMs = :past', ExpressionAttributeValues: { ':past': { N: String(Date.now() - 1000) } },
    }));
    client.destroy();
    expectProblem(await poll(ticket, pollKey), 404, 'NOT_FOUND');
    expectProblem(await api.request('POST', `/auth/pc-login/${ticket}/confirm`, { token: await api.token('dev-admin') }), 404, 'NOT_FOUND');

    const admin = await api.token('dev-admin');
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const bad = expectProblem(await api.request('POST', '/auth/pc-login/short/confirm', { token: admin }), 400, 'VALIDATION_FAILED');
    expect(bad.detail).toMatch(/[\u4e00-\u9fa5]/);
    expectProblem(await api.request('POST', `/auth/pc-login/${ticket}/poll`, { body: { pollKey: 'bad key!' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', `/auth/pc-login/${'a'.repeat(22)}/confirm`, { token: admin }), 404, 'NOT_FOUND');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });
});
