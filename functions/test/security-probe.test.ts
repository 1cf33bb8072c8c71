// What a security probe of issue 16 found, each as it was tried: one test per finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { zipSync, strToU8 } from 'fflate';
import { expectProblem, startTestApi, TEST_JWT_SECRET, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

const CAMPAIGN = 'demo-lj-2026';
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { RATE_CODE_ATTEMPTS_PER_WINDOW: '3' } });
});
afterAll(() => api?.close());

let n = 0;
const text = (t = '公证处周末不开门，上班族根本没时间去办') => `${t}（探测${++n}）`;
const submit = (body: Record<string, unknown>, init: { token?: string; headers?: Record<string, string> } = {}) =>
  api.request('POST', `/campaigns/${CAMPAIGN}/suggestions`, { body: { category: 'notary', anonymous: false, ...body }, ...init });

describe('the duplicate check never hands out someone else\'s tracking code', () => {
  it('gives a second person on the same IP with the same text their own code, and keeps their contact', async () => {
    const content = text();
    const first = await submit({ content, contact: { name: '张三', phone: '13800001111' } }, { headers: { 'user-agent': 'phone-a' } });
    const second = await submit({ content, contact: { name: '李四', phone: '13800002222' } }, { headers: { 'user-agent': 'phone-b' } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json.trackingCode).not.toBe(first.json.trackingCode);
    const admin = await api.token('dev-admin');
    const inbox = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?limit=100`, { token: admin });
    const mine = inbox.json.items.filter((s: { content: string }) => s.content === content);
    expect(mine.map((s: { contact?: { name: string } }) => s.contact?.name).sort()).toEqual(['张三', '李四']);
  });

  it('still folds the same text sent twice by one signed-in person', async () => {
    const token = await api.token('wx-probe-dup');
    const content = text();
    const a = await submit({ content, anonymous: true }, { token });
    const b = await submit({ content, anonymous: true }, { token });
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.json.trackingCode).toBe(a.json.trackingCode);
  });

  it('gives each anonymous client its own Idempotency-Key scope', async () => {
    const body = { content: text(), anonymous: true };
    const headers = { 'idempotency-key': 'same-key-from-two-phones-01' };
    const a = await submit(body, { headers: { ...headers, 'user-agent': 'phone-a' } });
    const b = await submit(body, { headers: { ...headers, 'user-agent': 'phone-b' } });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.json.trackingCode).not.toBe(a.json.trackingCode);
  });
});

describe('public submit', () => {
  it('accepts only a unit of the campaign: not another city\'s, not a Party branch', async () => {
    for (const orgId of ['qs-ng-gz', 'qs', 'lj-dh-gz-b1', 'nowhere']) {
      const before = await tableSnapshot(api.endpoint, api.tableName);
      const p = expectProblem(await submit({ content: text(), anonymous: true, orgId }), 400, 'VALIDATION_FAILED');
      expect(p.errors?.[0]?.path).toBe('orgId');
      expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
    }
    expect((await submit({ content: text(), anonymous: true, orgId: 'lj-dh-gz' })).status).toBe(201);
  });

  it('does not count invisible characters toward the 5-character minimum', async () => {
    for (const content of ['\u200b\u200b\u200b\u200b\u200b\u200b', '\u3164\u3164\u3164\u3164\u3164', 'ab\u200d\u200d\u200d\u2060\ufeff', '\u2800\u2800\u2800\u2800\u2800\u2800']) {
      const p = expectProblem(await submit({ content, anonymous: true }), 400, 'VALIDATION_FAILED');
      expect(p.errors?.[0]?.path).toBe('content');
    }
  });
});

describe('quiz answer keys', () => {
  it('are never shown through a quiz a branch secretary sets from a parent org\'s bank', async () => {
    const secretary = await api.token('dev-secretary');
    expectProblem(await api.request('GET', '/admin/question-banks/qb-demo-lj/questions', { token: secretary }), 403, 'FORBIDDEN');
    const base = { title: '支部小测', bankId: 'qb-demo-lj', draw: { single: 2 }, timeLimitSeconds: 600, attemptsAllowed: 3, passScore: 1 };
    expectProblem(await api.request('POST', '/admin/quizzes', { token: secretary, body: { ...base, reviewPolicy: 'immediate' } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', '/admin/quizzes', { token: secretary, body: { ...base, draw: undefined, questionIds: ['qd-01'] } }), 403, 'FORBIDDEN');
    const created = await api.request('POST', '/admin/quizzes', { token: secretary, body: base });
    expect(created.status).toBe(201);
    expect(created.json.reviewPolicy).toBe('never');
    const started = await api.request('POST', `/quizzes/${created.json.id}/attempts`, { token: secretary });
    expect(started.status).toBe(201);
    const answers = Object.fromEntries(started.json.questions.map((q: { id: string }) => [q.id, ['A']]));
    const result = await api.request('POST', `/attempts/${started.json.attemptId}/submit`, { token: secretary, body: { answers } });
    expect(result.status).toBe(200);
    expect(result.json.review).toBeNull();
    expect(JSON.stringify(result.json)).not.toMatch(/"answer"|explanation/);
    const again = await api.request('GET', `/attempts/${started.json.attemptId}`, { token: secretary });
    expect(again.json.result.review).toBeNull();
  });
});

describe('codes cannot be guessed one after another', () => {
  it('limits wrong binding codes per user and says when to try again', async () => {
    const guest = await api.token('wx-probe-guesser');
    for (let i = 0; i < 3; i++) {
      expectProblem(await api.request('POST', '/me/bind', { token: guest, body: { bindingCode: `ZZZZ-ZZZ${i + 2}` } }), 404, 'NOT_FOUND');
    }
    const res = await api.request('POST', '/me/bind', { token: guest, body: { bindingCode: 'ZZZZ-ZZZ9' } });
    const p = expectProblem(res, 429, 'RATE_LIMITED');
    expect(p.detail).toMatch(/请在 \d+ (分钟|秒)后再试/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits check-in code attempts per user', async () => {
    const member = await api.token('dev-member');
    for (let i = 0; i < 3; i++) {
      expectProblem(await api.request('POST', '/study-sessions/check-in', { token: member, body: { code: `ZZZZ${i + 2}Z` } }), 404, 'NOT_FOUND');
    }
    expectProblem(await api.request('POST', '/study-sessions/check-in', { token: member, body: { code: 'ZZZZ9Z' } }), 429, 'RATE_LIMITED');
  });
});

describe('tokens and sign-in', () => {
  it('refuses a correctly signed token without an expiry', async () => {
    const claims = { roles: ['admin'], orgId: 'jn', orgPath: '/jn/', openid: 'dev-admin', name: '周立新' };
    const forever = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('m-jn-1').setIssuer('kaimen')
      .setAudience('test').setIssuedAt().sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expectProblem(await api.request('GET', '/me', { token: forever }), 401, 'UNAUTHENTICATED');
    expectProblem(await api.request('GET', '/admin/campaigns', { token: forever }), 401, 'UNAUTHENTICATED');
  });

  it('answers 503 with a problem code when WeChat sign-in is not configured', async () => {
    const p = expectProblem(await api.request('POST', '/auth/wechat', { body: { code: 'any-code' } }), 503, 'UNAVAILABLE');
    expect(p.detail).toContain('微信登录');
  });
});

describe('hand-made input', () => {
  it('answers 400, not 500, to a well-formed but hand-made cursor', async () => {
    const forge = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const admin = await api.token('dev-admin');
    const cursors = [
      forge({ pk: 'CAMPAIGN#x', sk: 'CAMPAIGN', gsi1pk: 'nope', gsi1sk: 'nope' }),
      forge({ pk: 'CAMPAIGN#x', sk: 'CAMPAIGN', gsi2pk: 'nope', gsi2sk: 'nope' }),
      forge({ pk: 'CAMPAIGN#x' }),
      forge({ pk: 'a', sk: 'b' }),
    ];
    for (const cursor of cursors) {
      for (const [path, token] of [['/campaigns', undefined], ['/admin/campaigns', admin], [`/admin/campaigns/${CAMPAIGN}/suggestions`, admin], ['/admin/question-banks', admin]] as const) {
        const res = await api.request('GET', `${path}?cursor=${cursor}`, token ? { token } : {});
        expectProblem(res, 400, 'VALIDATION_FAILED');
      }
    }
  });

  it('refuses a protocol-relative media URL (another site)', async () => {
    const admin = await api.token('dev-admin');
    const topic = await api.request('POST', '/admin/topics', { token: admin, body: { title: '探测专题', summary: '' } });
    expect(topic.status).toBe(201);
    for (const mediaUrl of ['//evil.example/a.mp3', '/\\evil.example/a.mp3', 'https:///evil']) {
      const res = await api.request('POST', `/admin/topics/${topic.json.id}/lessons`, {
        token: admin, body: { title: '探测课程', kind: 'audio', mode: 'self_study', mediaUrl, durationSeconds: 60 },
      });
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').errors?.some((e) => e.path === 'mediaUrl')).toBe(true);
    }
  });

  it('refuses a workbook that inflates past the limits before parsing it', async () => {
    const admin = await api.token('dev-admin');
    const cell = 'A'.repeat(21 * 1024 * 1024);
    const bomb = Buffer.from(zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
      'xl/sharedStrings.xml': strToU8(`<sst><si><t>${cell}</t></si></sst>`),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'),
    }, { level: 1 }));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const before = await tableSnapshot(api.endpoint, api.tableName);
    for (const contentType of ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream']) {
      const res = await api.request('POST', `/admin/campaigns/${CAMPAIGN}/suggestions/import`, { token: admin, rawBody: bomb, headers: { 'content-type': contentType } });
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').detail).toContain('文件过大');
    }
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });
});
