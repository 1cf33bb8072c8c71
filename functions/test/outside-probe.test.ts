// What a second outside probe of the running API found, each as it was tried: one test per finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { RATE_CODE_ATTEMPTS_PER_WINDOW: '1000' } });
});
afterAll(() => api?.close());

const signIn = async (openid: string) => {
  const res = await api.request('POST', '/auth/dev', { body: { openid } });
  expect(res.status).toBe(200);
  return res.json as { token: string; user: { id: string; roles: string[]; orgId: string | null } };
};

describe('someone who has left the roster', () => {
  it('signs in again only as an ordinary WeChat user: no secretary powers over the branch they left', async () => {
    const admin = await api.token('dev-city-admin');
    const before = await signIn('dev-secretary');
    expect(before.user.roles).toEqual(['secretary']);
    // A code issued while they were still on the roster, kept for later.
    const code = await api.request('POST', `/admin/members/${before.user.id}/binding-code`, { token: admin });
    expect(code.status).toBe(201);

    const left = await api.request('POST', `/admin/members/${before.user.id}/leave`, { token: admin, body: { date: '2026-01-05', reason: '调离' } });
    expect(left.status).toBe(200);

    const after = await signIn('dev-secretary');
    expect(after.user).toMatchObject({ id: before.user.id, roles: [], orgId: null });
    expectProblem(await api.request('GET', '/admin/orgs/lj-dh-gz-b1/members', { token: after.token }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', '/admin/members/m-lj-dh-gz-b1-3/binding-code', { token: after.token }), 403, 'FORBIDDEN');
    expectProblem(await api.request('GET', '/topics', { token: after.token }), 403, 'FORBIDDEN');
    expect((await api.request('GET', '/me', { token: after.token })).json).toMatchObject({ roles: [], orgId: null });

    // No new binding code for them, and the old one binds nobody to the entry.
    const stranger = await api.token('wx-probe-left-code');
    const snapshot = await tableSnapshot(api.endpoint, api.tableName);
    expectProblem(await api.request('POST', `/admin/members/${before.user.id}/binding-code`, { token: admin }), 409, 'CONFLICT');
    expectProblem(await api.request('POST', '/me/bind', { token: stranger, body: { bindingCode: code.json.bindingCode } }), 409, 'CONFLICT');
    expect((await tableSnapshot(api.endpoint, api.tableName)).filter((l) => !l.startsWith('RATE#'))).toEqual(snapshot.filter((l) => !l.startsWith('RATE#')));
  });
});

describe('a quiz\'s topic', () => {
  it('is one its takers can open: never another city\'s topic, nor one that does not exist', async () => {
    const lj = await api.token('dev-city-admin');
    const qs = await api.token('dev-qs-admin');
    const foreign = await api.request('POST', '/admin/topics', { token: qs, body: { title: '青山探测专题', summary: '', published: true, orgId: 'qs' } });
    expect(foreign.status).toBe(201);
    const own = await api.request('POST', '/admin/topics', { token: lj, body: { title: '临江探测专题', summary: '', published: true, orgId: 'lj' } });
    const base = { title: '专题测试', bankId: 'qb-demo-lj', draw: { single: 1 }, timeLimitSeconds: 600, attemptsAllowed: 1, passScore: 1 };
    const before = await tableSnapshot(api.endpoint, api.tableName);
    for (const topicId of [foreign.json.id, 'no-such-topic']) {
      const p = expectProblem(await api.request('POST', '/admin/quizzes', { token: lj, body: { ...base, topicId } }), 400, 'VALIDATION_FAILED');
      expect(p.errors?.[0]?.path).toBe('topicId');
    }
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
    const ok = await api.request('POST', '/admin/quizzes', { token: lj, body: { ...base, topicId: own.json.id } });
    expect(ok.status).toBe(201);
    expect(ok.json.topicId).toBe(own.json.id);
  });
});

describe('hidden control characters in public text', () => {
  it('are refused, not stored: a NUL, a bidi override or half a surrogate pair in a suggestion, its contact or an imported row', async () => {
    const admin = await api.token('dev-city-admin');
    const submit = (body: Record<string, unknown>) => api.request('POST', '/campaigns/demo-lj-2026/suggestions', { body: { category: 'notary', anonymous: true, ...body } });
    const before = await tableSnapshot(api.endpoint, api.tableName);
    for (const content of ['空字符\u0000测试测试', '窗口排队\u202e长太间时', '坏字符\ud800测试测试', '退格\u0008\u0008测试测试']) {
      const p = expectProblem(await submit({ content }), 400, 'VALIDATION_FAILED');
      expect(p.errors).toEqual([{ path: 'content', message: '含有看不见的控制字符，请删除后重新填写' }]);
    }
    const named = expectProblem(await submit({ content: '窗口排队时间太长', anonymous: false, contact: { name: '张\u202e三', phone: '13800001111' } }), 400, 'VALIDATION_FAILED');
    expect(named.errors?.[0]?.path).toBe('contact.name');
    const csv = 'category,content,channel,submittedAt,externalId\n公证,"窗口\u0000排队时间太长",window,2026-11-01,probe-ctl-1\n';
    const imported = await api.request('POST', '/admin/campaigns/demo-lj-2026/suggestions/import', { token: admin, rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(expectProblem(imported, 400, 'VALIDATION_FAILED').errors?.[0]?.message).toContain('控制字符');
    expect((await tableSnapshot(api.endpoint, api.tableName)).filter((l) => !l.startsWith('RATE#'))).toEqual(before.filter((l) => !l.startsWith('RATE#')));

    // What people do type is kept as typed: line breaks, emoji, characters beyond the BMP, right-to-left script.
    const content = '第一行\n第二行👍🏻 𠀀 عربي';
    const ok = await submit({ content });
    expect(ok.status).toBe(201);
    const inbox = await api.request('GET', '/admin/campaigns/demo-lj-2026/suggestions?limit=100', { token: admin });
    expect(inbox.json.items.some((s: { content: string }) => s.content === content)).toBe(true);
  });
});

describe('a WeChat account already bound to the roster', () => {
  it('cannot be bound to a second entry: the first would stay bound to nobody for good', async () => {
    const admin = await api.token('dev-city-admin');
    const member = await api.token('dev-member');
    const issued = await api.request('POST', '/admin/members/m-lj-dh-gz-b1-4/binding-code', { token: admin });
    expect(issued.status).toBe(201);
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const p = expectProblem(await api.request('POST', '/me/bind', { token: member, body: { bindingCode: issued.json.bindingCode } }), 409, 'CONFLICT');
    expect(p.detail).toContain('已绑定名册中的');
    expect((await tableSnapshot(api.endpoint, api.tableName)).filter((l) => !l.startsWith('RATE#'))).toEqual(before.filter((l) => !l.startsWith('RATE#')));
    expect((await signIn('dev-member')).user).toMatchObject({ id: 'm-lj-dh-gz-b1-2', roles: ['member'] });

    // The code still serves the person it was issued for.
    const own = await api.token('wx-probe-member-4');
    const bound = await api.request('POST', '/me/bind', { token: own, body: { bindingCode: issued.json.bindingCode } });
    expect(bound.status).toBe(200);
    expect(bound.json.user).toMatchObject({ id: 'm-lj-dh-gz-b1-4', roles: ['member'] });
  });
});

describe('a CSV of blank lines', () => {
  it('is refused at once with a clear limit, not parsed line by line for minutes', async () => {
    const admin = await api.token('dev-city-admin');
    const header = 'category,content,channel,submittedAt,externalId';
    const before = await tableSnapshot(api.endpoint, api.tableName);
    for (const [path, csv] of [
      ['/admin/campaigns/demo-lj-2026/suggestions/import', `${header}\n${'\n'.repeat(900_000)}`],
      ['/admin/campaigns/demo-lj-2026/suggestions/import', `${header}\r${',,,,\r'.repeat(150_000)}`],
      ['/admin/orgs/lj-dh-gz/roster/import', `name,gender,birthMonth,phone,institution,partyOrg,status,position\r\n${'\r\n'.repeat(400_000)}`],
    ] as const) {
      const p = expectProblem(await api.request('POST', path, { token: admin, rawBody: csv, headers: { 'content-type': 'text/csv' } }), 400, 'VALIDATION_FAILED');
      expect(p.detail).toContain('超过 10000 行');
    }
    expect((await tableSnapshot(api.endpoint, api.tableName)).filter((l) => !l.startsWith('RATE#'))).toEqual(before.filter((l) => !l.startsWith('RATE#')));
    // A file of normal length still imports.
    const ok = await api.request('POST', '/admin/campaigns/demo-lj-2026/suggestions/import', {
      token: admin, rawBody: `${header}\n公证,周末窗口能否轮流开放方便上班族,window,2026-11-01,probe-lines-1\n${'\n'.repeat(50)}`, headers: { 'content-type': 'text/csv' },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.imported).toBe(1);
  });
});
