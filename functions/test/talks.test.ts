import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTalkKinds } from '@kaimen/shared';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

let api: TestApi;
const tokens: Record<string, string> = {};
let roundId = '';

const notary = 'lj-dh-gz';
const liJing = 'm-lj-dh-gz-b1-2';
const zhangLei = 'm-lj-dh-gz-b1-3';
const ago = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

async function expectUnchanged(run: () => Promise<void>) {
  const before = await tableSnapshot(api.endpoint, api.tableName);
  await run();
  expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
}

beforeAll(async () => {
  api = await startTestApi();
  for (const openid of ['dev-admin', 'dev-city-admin', 'dev-county-admin', 'dev-qs-admin', 'dev-secretary', 'dev-member']) tokens[openid] = await api.token(openid);
}, 240_000);
afterAll(() => api?.close());

const talk = (over: Record<string, unknown> = {}) => ({ intervieweeId: liJing, talkerName: '陈海燕', heldAt: ago(2), kind: '1', outcome: 'stable', ...over });
const record = (body: unknown, token = tokens['dev-city-admin']) => api.request('POST', `/admin/talk-rounds/${roundId}/talks`, { token, body });

describe('a round of talks', () => {
  it('starts with the six required kinds by default, or the round’s own list', async () => {
    await expectUnchanged(async () => {
      expectProblem(await api.request('POST', '/admin/talk-rounds', { token: tokens['dev-city-admin'], body: { title: '第一轮', orgId: 'lj', endsAt: '2099-12-31', audience: {} } }), 400, 'VALIDATION_FAILED');
      expectProblem(await api.request('POST', '/admin/talk-rounds', { token: tokens['dev-city-admin'], body: { title: '第一轮', orgId: 'lj', endsAt: '2099-12-31', kinds: [], audience: { orgId: notary } } }), 400, 'VALIDATION_FAILED');
      expectProblem(await api.request('POST', '/admin/talk-rounds', { token: tokens['dev-qs-admin'], body: { title: '第一轮', orgId: 'lj', endsAt: '2099-12-31', audience: { orgId: notary } } }), 403, 'FORBIDDEN');
    });
    const custom = await api.request('POST', '/admin/talk-rounds', { token: tokens['dev-city-admin'], body: { title: '专项谈话', orgId: 'lj', endsAt: '2099-12-31', kinds: ['新入职干警必谈', '岗位调整必谈'], audience: { memberIds: [liJing] } } });
    expect(custom.json.kinds).toEqual([{ key: '1', label: '新入职干警必谈' }, { key: '2', label: '岗位调整必谈' }]);
    const res = await api.request('POST', '/admin/talk-rounds', { token: tokens['dev-city-admin'], body: { title: '第一轮谈心谈话', orgId: 'lj', endsAt: '2099-12-31', audience: { orgId: notary } } });
    expect(res.status).toBe(201);
    expect(res.json.kinds.map((k: { label: string }) => k.label)).toEqual([...defaultTalkKinds]);
    expect(res.json).toMatchObject({ people: 5, covered: 0, keepContent: false });
    roundId = res.json.id;
  });

  it('records who talked with whom, when, the kind and the outcome; refuses content, strangers and bad kinds, writing nothing', async () => {
    const first = await record(talk());
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ intervieweeName: '李静', unitName: '临江市东湖公证处', kindLabel: defaultTalkKinds[0], outcomeLabel: '思想稳定，无需跟进' });
    expect(first.json.content).toBeUndefined();
    // A county admin records a talk with someone of their own county.
    expect((await record(talk({ intervieweeId: zhangLei, talkerName: '刘建国', kind: '4', outcome: 'follow_up' }), tokens['dev-county-admin'])).status).toBe(201);
    await expectUnchanged(async () => {
      expect(expectProblem(await record(talk({ content: '他说了很多' })), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('content');
      expect(expectProblem(await record(talk({ kind: '9' })), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('kind');
      expect(expectProblem(await record(talk({ heldAt: new Date(Date.now() + 86_400_000).toISOString() })), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('heldAt');
      expect(expectProblem(await record(talk({ intervieweeId: 'm-lj-dh-ls1-b1-2' })), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('intervieweeId');
      expectProblem(await record(talk(), tokens['dev-qs-admin']), 403, 'FORBIDDEN');
      expectProblem(await record(talk(), tokens['dev-member']), 403, 'FORBIDDEN');
      expectProblem(await record(talk(), ''), 401, 'UNAUTHENTICATED');
    });
  });

  it('refuses generated bad talk records with a Chinese problem and no change', async () => {
    const before = await tableSnapshot(api.endpoint, api.tableName);
    await fc.assert(fc.asyncProperty(
      fc.record({
        intervieweeId: fc.oneof(fc.constant(liJing), fc.string({ maxLength: 45 })),
        talkerName: fc.string({ maxLength: 25 }),
        heldAt: fc.oneof(fc.constant(new Date(Date.now() + 7 * 86_400_000).toISOString()), fc.string({ maxLength: 30 })),
        kind: fc.oneof(fc.constantFrom('0', '7', '99'), fc.string({ maxLength: 12 })),
        outcome: fc.oneof(fc.constantFrom('stable', 'bad'), fc.string({ maxLength: 8 })),
        content: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
      }, { requiredKeys: [] }),
      async (body) => {
        const res = await record(body);
        expect(res.status).toBeLessThan(500);
        expect(expectProblem(res, res.status, res.json?.code).detail).toMatch(/[\u4e00-\u9fa5]/);
      },
    ), { numRuns: 40 });
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('lists per unit who has not been talked with yet', async () => {
    const res = await api.request('GET', `/admin/talk-rounds/${roundId}/coverage`, { token: tokens['dev-city-admin'] });
    expect(res.json).toMatchObject({ people: 5, covered: 2 });
    expect(res.json.units[0]).toMatchObject({ unitId: notary, total: 5, done: 2 });
    expect(res.json.units[0].missing.map((m: { name: string }) => m.name).sort()).toEqual(['孙丽华', '王晓明', '赵敏'].sort());
    expect(res.json.byKind.find((k: { key: string }) => k.key === '4').talks).toBe(1);
    const list = await api.request('GET', '/admin/talk-rounds', { token: tokens['dev-admin'] });
    expect(list.json.items.find((r: { id: string }) => r.id === roundId)).toMatchObject({ people: 5, covered: 2, talks: 2 });
  });

  it('never shows talk records to members, the public, a unit below or a sibling; each view by a responsible admin is recorded', async () => {
    const url = `/admin/talk-rounds/${roundId}/talks`;
    await expectUnchanged(async () => {
      expectProblem(await api.request('GET', url), 401, 'UNAUTHENTICATED');
      expectProblem(await api.request('GET', url, { token: tokens['dev-member'] }), 403, 'FORBIDDEN');
      expectProblem(await api.request('GET', url, { token: tokens['dev-secretary'] }), 403, 'FORBIDDEN');
      // The county admin recorded a talk but does not read the round's records.
      expectProblem(await api.request('GET', url, { token: tokens['dev-county-admin'] }), 403, 'FORBIDDEN');
      expectProblem(await api.request('GET', url, { token: tokens['dev-qs-admin'] }), 403, 'FORBIDDEN');
      expectProblem(await api.request('GET', `/admin/talk-rounds/${roundId}/views`, { token: tokens['dev-county-admin'] }), 403, 'FORBIDDEN');
    });
    const read = await api.request('GET', url, { token: tokens['dev-city-admin'] });
    expect(read.json.items.map((t: { intervieweeName: string }) => t.intervieweeName).sort()).toEqual(['张磊', '李静'].sort());
    await api.request('GET', url, { token: tokens['dev-admin'] });
    const views = await api.request('GET', `/admin/talk-rounds/${roundId}/views`, { token: tokens['dev-admin'] });
    expect(views.json.items).toEqual([
      expect.objectContaining({ viewerName: '周立新', what: '谈话记录' }),
      expect.objectContaining({ viewerName: '陈海燕', viewerOrgName: '临江市司法局', what: '谈话记录' }),
    ]);
  });

  it('counts a person covered once however many talks race in, and every talk', async () => {
    const sun = 'm-lj-dh-gz-b1-5';
    const results = await Promise.all([1, 2, 3].map((k) => record(talk({ intervieweeId: sun, kind: String(k) }))));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const list = await api.request('GET', '/admin/talk-rounds', { token: tokens['dev-city-admin'] });
    expect(list.json.items.find((r: { id: string }) => r.id === roundId)).toMatchObject({ covered: 3, talks: 5 });
    const coverage = await api.request('GET', `/admin/talk-rounds/${roundId}/coverage`, { token: tokens['dev-city-admin'] });
    expect(coverage.json).toMatchObject({ covered: 3 });
  });

  it('keeps a short summary only when the round says so', async () => {
    const res = await api.request('POST', '/admin/talk-rounds', { token: tokens['dev-city-admin'], body: { title: '第二轮', orgId: 'lj', endsAt: '2099-12-31', keepContent: true, audience: { memberIds: [liJing] } } });
    const t = await api.request('POST', `/admin/talk-rounds/${res.json.id}/talks`, { token: tokens['dev-city-admin'], body: talk({ content: '主动说明了亲属经商情况' }) });
    expect(t.json.content).toBe('主动说明了亲属经商情况');
  });
});
