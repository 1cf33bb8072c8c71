import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { expectProblem, startTestApi, TEST_JWT_SECRET, type TestApi } from './support/test-api';
import { startFakeWechat } from './support/fake-wechat';
import { tableSnapshot } from './support/table';

let api: TestApi;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;

beforeAll(async () => {
  wechat = await startFakeWechat('wx-app', 'wx-secret', { 'code-new': 'wx-openid-new', 'code-member': 'dev-member' });
  api = await startTestApi({ env: { WECHAT_API_BASE: wechat.url, WECHAT_APP_ID: 'wx-app', WECHAT_APP_SECRET: 'wx-secret' } });
});
afterAll(async () => {
  await api?.close();
  await wechat?.close();
});

describe('POST /auth/dev', () => {
  it('signs in the three demo users with their roles and orgs', async () => {
    for (const [openid, role] of [['dev-admin', 'admin'], ['dev-secretary', 'secretary'], ['dev-member', 'member']] as const) {
      const res = await api.request('POST', '/auth/dev', { body: { openid } });
      expect(res.status).toBe(200);
      expect(res.json.user.roles).toEqual([role]);
      expect(res.json.user.orgId).toBeTruthy();
      expect(Date.parse(res.json.expiresAt)).toBeGreaterThan(Date.now());
      const me = await api.request('GET', '/me', { token: res.json.token });
      expect(me.json).toMatchObject({ id: res.json.user.id, roles: [role] });
    }
  });

  it('gives an unknown openid a guest with no roles, the same one every time', async () => {
    const a = await api.request('POST', '/auth/dev', { body: { openid: 'stranger-1' } });
    const b = await api.request('POST', '/auth/dev', { body: { openid: 'stranger-1' } });
    expect(a.json.user).toMatchObject({ roles: [], orgId: null });
    expect(b.json.user.id).toBe(a.json.user.id);
  });
});

describe('POST /auth/wechat', () => {
  it('trades a code for a session through code2session', async () => {
    const res = await api.request('POST', '/auth/wechat', { body: { code: 'code-member' } });
    expect(res.status).toBe(200);
    expect(res.json.user.roles).toEqual(['member']);
    expect(wechat.calls).toContain('/sns/jscode2session');
  });

  it('answers 401 when WeChat refuses the code', async () => {
    expectProblem(await api.request('POST', '/auth/wechat', { body: { code: 'code-bogus' } }), 401, 'UNAUTHENTICATED');
  });
});

describe('tokens and roles', () => {
  it('rejects missing, malformed, forged and expired tokens with 401', async () => {
    expectProblem(await api.request('GET', '/me'), 401, 'UNAUTHENTICATED');
    expectProblem(await api.request('GET', '/me', { headers: { authorization: 'Basic abc' } }), 401, 'UNAUTHENTICATED');
    expectProblem(await api.request('GET', '/me', { token: 'not.a.jwt' }), 401, 'UNAUTHENTICATED');
    const claims = { roles: ['admin'], orgId: 'jn', orgPath: '/jn/', openid: 'dev-admin', name: 'x' };
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('m-jn-1')
      .setIssuer('kaimen').setAudience('test').setExpirationTime('1h').sign(new TextEncoder().encode('another-secret'));
    expectProblem(await api.request('GET', '/me', { token: forged }), 401, 'UNAUTHENTICATED');
    const expired = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('m-jn-1')
      .setIssuer('kaimen').setAudience('test').setIssuedAt(1_700_000_000).setExpirationTime(1_700_000_600)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const p = expectProblem(await api.request('GET', '/me', { token: expired }), 401, 'UNAUTHENTICATED');
    expect(p.detail).toContain('过期');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'm-jn-1', ...claims })).toString('base64url')}.`;
    expectProblem(await api.request('GET', '/me', { token: none }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a member where a secretary is needed, and a guest everywhere but its own account', async () => {
    const member = await api.token('dev-member');
    expectProblem(await api.request('POST', '/admin/members/m-lj-dh-gz-b1-3/binding-code', { token: member }), 403, 'FORBIDDEN');
    const guest = await api.token('guest-x');
    expectProblem(await api.request('POST', '/admin/members/m-lj-dh-gz-b1-3/binding-code', { token: guest }), 403, 'FORBIDDEN');
  });
});

describe('org subtree guard', () => {
  it('lets an admin act on its own city and below, never on a sibling city', async () => {
    const cityAdmin = await api.token('dev-city-admin'); // 临江市
    const own = await api.request('POST', '/admin/members/m-lj-xl-ls1-b1-2/binding-code', { token: cityAdmin });
    expect(own.status).toBe(201);
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const sibling = await api.request('POST', '/admin/members/m-qs-ng-gz-b1-2/binding-code', { token: cityAdmin }); // 青山市
    expectProblem(sibling, 403, 'FORBIDDEN');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
    const province = await api.token('dev-admin');
    expect((await api.request('POST', '/admin/members/m-qs-ng-gz-b1-2/binding-code', { token: province })).status).toBe(201);
  });

  it('limits a secretary to its own branch', async () => {
    const secretary = await api.token('dev-secretary'); // 东湖公证处党支部
    expect((await api.request('POST', '/admin/members/m-lj-dh-gz-b1-4/binding-code', { token: secretary })).status).toBe(201);
    expectProblem(await api.request('POST', '/admin/members/m-lj-dh-ls1-b1-2/binding-code', { token: secretary }), 403, 'FORBIDDEN');
  });

  it('answers 404 for a member that does not exist', async () => {
    const admin = await api.token('dev-admin');
    expectProblem(await api.request('POST', '/admin/members/m-nobody/binding-code', { token: admin }), 404, 'NOT_FOUND');
  });
});

describe('POST /me/bind', () => {
  it('binds a WeChat user to a roster entry once, with a code typed in any case and with dashes', async () => {
    const admin = await api.token('dev-admin');
    const issued = await api.request('POST', '/admin/members/m-lj-dh-jd1-b1-2/binding-code', { token: admin });
    expect(issued.status).toBe(201);
    expect(issued.json.bindingCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);

    const guest = await api.token('wx-new-user');
    const bound = await api.request('POST', '/me/bind', { token: guest, body: { bindingCode: issued.json.bindingCode.toLowerCase() } });
    expect(bound.status).toBe(200);
    expect(bound.json.user).toMatchObject({ id: 'm-lj-dh-jd1-b1-2', name: '许娜', roles: ['member'], orgId: 'lj-dh-jd1-b1' });
    // The new token carries the roles; signing in again finds the member.
    expect((await api.request('GET', '/me', { token: bound.json.token })).json.roles).toEqual(['member']);
    expect((await api.request('POST', '/auth/dev', { body: { openid: 'wx-new-user' } })).json.user.id).toBe('m-lj-dh-jd1-b1-2');

    // The code is spent.
    const other = await api.token('wx-someone-else');
    expectProblem(await api.request('POST', '/me/bind', { token: other, body: { bindingCode: issued.json.bindingCode } }), 404, 'NOT_FOUND');
    // A member binds once: a fresh code for the same member cannot bind a second WeChat account.
    const again = await api.request('POST', '/admin/members/m-lj-dh-jd1-b1-2/binding-code', { token: admin });
    expectProblem(await api.request('POST', '/me/bind', { token: other, body: { bindingCode: again.json.bindingCode } }), 409, 'CONFLICT');
  });

  it('rejects malformed codes without touching the table', async () => {
    const guest = await api.token('wx-typo');
    const before = await tableSnapshot(api.endpoint, api.tableName);
    for (const bindingCode of ['ABCD', 'ABCD-EFG0', 'ABCD-EFGH-IJ', '我的绑定码是多少']) {
      expectProblem(await api.request('POST', '/me/bind', { token: guest, body: { bindingCode } }), 400, 'VALIDATION_FAILED');
    }
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
    // A well-formed wrong code changes nothing but the caller's attempt counter (codes are not to be guessed).
    expectProblem(await api.request('POST', '/me/bind', { token: guest, body: { bindingCode: 'ZZZZ-ZZZZ' } }), 404, 'NOT_FOUND');
    const after = await tableSnapshot(api.endpoint, api.tableName);
    const counters = (l: string) => l.startsWith('RATE#bind-code#');
    expect(after.filter((l) => !counters(l))).toEqual(before.filter((l) => !counters(l)));
  });
});

describe('GET /admin/org-tree', () => {
  it("lists the admin's own org and everything under it, parents before children, and nothing beside it", async () => {
    const res = await api.request('GET', '/admin/org-tree', { token: await api.token('dev-city-admin') });
    expect(res.status).toBe(200);
    const items = res.json.items as { id: string; parentId: string | null; path: string; kind: string; partyOrgType?: string }[];
    expect(items[0]).toMatchObject({ id: 'lj', kind: 'bureau', bureauLevel: 'city' });
    const seen = new Set<string>();
    for (const o of items) {
      expect(o.path.startsWith('/jn/lj/')).toBe(true);
      if (o.id !== 'lj') expect(seen.has(o.parentId!)).toBe(true);
      seen.add(o.id);
    }
    expect(seen.has('lj-dh-gz')).toBe(true);
    expect(items.some((o) => o.kind === 'party_org' && o.partyOrgType === 'branch')).toBe(true);
    expect(seen.has('qs')).toBe(false);
  });

  it('refuses a member with a Chinese problem', async () => {
    const res = await api.request('GET', '/admin/org-tree', { token: await api.token('dev-member') });
    expectProblem(res, 403, 'FORBIDDEN');
  });
});
