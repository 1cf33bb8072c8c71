import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

const CAMPAIGN = 'demo-lj-2026';
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const submit = (body: unknown, headers: Record<string, string> = {}) =>
  api.request('POST', `/campaigns/${CAMPAIGN}/suggestions`, { body, headers });

let n = 0;
const unique = (text = '公证处周末不开门，上班族根本没时间去办') => `${text}（${++n}）`;

describe('submitting a suggestion without an account', () => {
  it('stores an anonymous suggestion and answers with an unguessable, typable tracking code', async () => {
    const res = await submit({ category: 'notary', content: unique(), anonymous: true });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'received' });
    expect(res.json.trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const tracked = await api.request('GET', `/suggestions/track/${res.json.trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(tracked.json).toMatchObject({ status: 'received', category: 'notary', categoryLabel: '公证', campaignId: CAMPAIGN });
    expect(tracked.json.timeline.map((t: { status: string }) => t.status)).toEqual(['received']);
  });

  it('accepts the code in any case, with or without dashes', async () => {
    const { trackingCode } = (await submit({ category: 'lawyer', content: unique('律师事务所收费不透明'), anonymous: true })).json;
    for (const form of [trackingCode.toLowerCase(), trackingCode.replace(/-/g, ''), ` ${trackingCode.replace(/-/g, ' ')} `.trim().replace(/ /g, '-')]) {
      expect((await api.request('GET', `/suggestions/track/${encodeURIComponent(form)}`)).status).toBe(200);
    }
    expectProblem(await api.request('GET', '/suggestions/track/ABCD-EFGH-JKL0'), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('GET', '/suggestions/track/ABCD-EFGH-JKLM'), 404, 'NOT_FOUND');
  });

  it('keeps contact data out of tracking and masks numbers written in the text', async () => {
    const res = await submit({ category: 'legal_aid', content: unique('申请法律援助材料太多，我电话13912345678，身份证110101199003071234'), anonymous: false, contact: { name: '张先生', phone: '13800001111' } });
    expect(res.status).toBe(201);
    const tracked = await api.request('GET', `/suggestions/track/${res.json.trackingCode}`);
    expect(tracked.text).not.toContain('13800001111');
    expect(tracked.text).not.toContain('张先生');
    expect(tracked.text).not.toContain('13912345678');
    expect(tracked.text).not.toContain('110101199003071234');
    expect(tracked.json.content).toContain('139****5678');
  });

  it('returns the first suggestion when the same signed-in person sends the same text again within minutes', async () => {
    const content = unique('12348热线总是占线打不进去');
    const token = await api.token('wx-double-tap');
    const first = await api.request('POST', `/campaigns/${CAMPAIGN}/suggestions`, { token, body: { category: 'hotline', content, anonymous: true } });
    const again = await api.request('POST', `/campaigns/${CAMPAIGN}/suggestions`, { token, body: { category: 'hotline', content: `  ${content} `, anonymous: true } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
  });

  it('writes nothing new for a retry with the same Idempotency-Key', async () => {
    const body = { category: 'mediation', content: unique('调解员态度很好但是调解周期太长'), anonymous: true };
    const headers = { 'idempotency-key': 'phone-retry-000000000001' };
    const first = await submit(body, headers);
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const retries = await Promise.all([submit(body, headers), submit(body, headers)]);
    for (const r of retries) {
      expect(r.status).toBe(201);
      expect(r.json).toEqual(first.json);
    }
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('stores racing sends with one Idempotency-Key once, and answers a late retry the same after the campaign closed', async () => {
    const admin = await api.token('dev-admin');
    const day = 86_400_000;
    const campaign = (await api.request('POST', '/admin/campaigns', { token: admin, body: {
      title: '幂等测试活动', description: '同一键并发提交', orgId: 'lj', status: 'open',
      opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString(),
    } })).json;
    const send = (content: string) => api.request('POST', `/campaigns/${campaign.id}/suggestions`, {
      headers: { 'idempotency-key': 'racing-phone-000000001' }, body: { category: 'notary', content, anonymous: true },
    });
    const text = unique('公证处取号机经常坏');
    const racing = await Promise.all(Array.from({ length: 5 }, () => send(text)));
    for (const r of racing) expect(r.status).toBe(201);
    expect(new Set(racing.map((r) => r.json.trackingCode)).size).toBe(1);
    expect(racing.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    const inbox = await api.request('GET', `/admin/campaigns/${campaign.id}/suggestions`, { token: admin });
    expect(inbox.json.items.map((s: { id: string }) => s.id)).toEqual([racing[0]!.json.id]);

    expect((await api.request('PATCH', `/admin/campaigns/${campaign.id}`, { token: admin, body: { status: 'closed' } })).status).toBe(200);
    const late = await send(text);
    expect(late.status).toBe(201);
    expect(late.json).toEqual(racing[0]!.json);
    expectProblem(await send(unique('另一条内容')), 409, 'CONFLICT');
  });

  it('rejects bad input with problem+json and stores nothing', async () => {
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const cases: [unknown, string][] = [
      [{ category: 'notary', content: '太慢了', anonymous: true }, 'content'],
      [{ category: 'notary', content: '好'.repeat(2001), anonymous: true }, 'content'],
      [{ category: 'notary', content: '  \n\t  ', anonymous: true }, 'content'],
      [{ category: 'notary', content: unique(), anonymous: false }, 'contact'],
      [{ category: 'notary', content: unique(), anonymous: false, contact: { name: '李' } }, 'contact'],
      [{ category: 'notary', content: unique(), anonymous: false, contact: { name: '李', phone: '12345678901' } }, 'contact.phone'],
      [{ category: 'notary', content: unique(), anonymous: true, contact: { name: '李', phone: '13800001111' } }, 'contact'],
      [{ category: 'no_such_category', content: unique(), anonymous: true }, 'category'],
      [{ category: 'notary', content: unique(), anonymous: 'yes' }, 'anonymous'],
      [{ category: 'notary', content: unique(), anonymous: true, priority: 'high' }, ''],
      [{ category: 'notary', content: unique(), anonymous: true, orgId: 'no-such-org' }, 'orgId'],
      [{ category: 'notary', content: unique(), anonymous: true, website: 'http://spam.example' }, ''],
    ];
    for (const [body, path] of cases) {
      const p = expectProblem(await submit(body), 400, 'VALIDATION_FAILED');
      if (path) expect(p.errors?.map((e) => e.path)).toContain(path);
    }
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('counts characters as people do: 5 Chinese characters are enough, 2000 emoji are not too many', async () => {
    expect((await submit({ category: 'other', content: `窗口少人${n++}`, anonymous: true })).status).toBe(201);
    expect((await submit({ category: 'other', content: '👍'.repeat(1999) + `${n++ % 10}`, anonymous: true })).status).toBe(201);
  });

  it('answers 404 for an unknown campaign and 409 for a closed one', async () => {
    expectProblem(await api.request('POST', '/campaigns/no-such-campaign/suggestions', { body: { category: 'notary', content: unique(), anonymous: true } }), 404, 'NOT_FOUND');
    const admin = await api.token('dev-admin');
    const closed = await api.request('POST', '/admin/campaigns', {
      token: admin,
      body: { title: '已结束的活动', description: '测试', orgId: 'lj', opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-02-01T00:00:00.000Z', status: 'open' },
    });
    expect(closed.status).toBe(201);
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const p = expectProblem(await api.request('POST', `/campaigns/${closed.json.id}/suggestions`, { body: { category: 'notary', content: unique(), anonymous: true } }), 409, 'CONFLICT');
    expect(p.detail).toContain('已结束');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('never answers 500 to generated bodies, and stores nothing when it answers 4xx', async () => {
    const body = fc.record({
      category: fc.oneof(fc.constantFrom('notary', 'lawyer', 'hotline', 'bogus'), fc.string()),
      content: fc.oneof(fc.string({ maxLength: 30 }), fc.string({ minLength: 1990, maxLength: 2010 }), fc.constant('')),
      anonymous: fc.oneof(fc.boolean(), fc.constant('true'), fc.constant(null)),
      contact: fc.option(fc.record({ name: fc.option(fc.string({ maxLength: 25 }), { nil: undefined }), phone: fc.option(fc.oneof(fc.stringMatching(/^1[3-9]\d{9}$/), fc.string({ maxLength: 12 })), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }),
      orgId: fc.option(fc.constantFrom('lj', 'lj-dh', 'nope', ''), { nil: undefined }),
      extra: fc.option(fc.jsonValue(), { nil: undefined }),
    }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const before = await tableSnapshot(api.endpoint, api.tableName);
        const res = await submit(b);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
        } else {
          expect([200, 201]).toContain(res.status);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('replies, ratings and follow-ups', () => {
  it('walks a suggestion from received to replied and takes one rating; 不满意 joins the follow-up list until a follow-up', async () => {
    const { id, trackingCode } = (await submit({ category: 'notary', content: unique('公证员解释不清楚，来回跑了三趟'), anonymous: false, contact: { name: '王女士', phone: '13711112222' } })).json;
    const code = trackingCode as string;
    expectProblem(await api.request('POST', `/suggestions/track/${code}/rating`, { body: { rating: 'satisfied' } }), 409, 'CONFLICT');

    const admin = await api.token('dev-city-admin');
    const reply = await api.request('POST', `/admin/suggestions/${id}/reply`, { token: admin, body: { text: '已约谈公证员，今后一次性告知所需材料。' } });
    expect(reply.status).toBe(200);
    expect(reply.json.status).toBe('replied');

    const tracked = await api.request('GET', `/suggestions/track/${code}`);
    expect(tracked.json.status).toBe('replied');
    expect(tracked.json.reply.text).toContain('一次性告知');
    expect(tracked.json.timeline.map((t: { status: string }) => t.status)).toEqual(['received', 'replied']);

    expectProblem(await api.request('POST', `/suggestions/track/${code}/rating`, { body: { rating: 'so-so' } }), 400, 'VALIDATION_FAILED');
    const rated = await api.request('POST', `/suggestions/track/${code.toLowerCase()}/rating`, { body: { rating: 'unsatisfied', comment: '还是要跑两趟' } });
    expect(rated.status).toBe(200);
    expect(rated.json.rating).toMatchObject({ rating: 'unsatisfied', comment: '还是要跑两趟' });
    expectProblem(await api.request('POST', `/suggestions/track/${code}/rating`, { body: { rating: 'satisfied' } }), 409, 'CONFLICT');

    const pending = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?followUp=pending`, { token: admin });
    expect(pending.json.items.map((s: { id: string }) => s.id)).toContain(id);
    const follow = await api.request('POST', `/admin/suggestions/${id}/follow-up`, { token: admin, body: { note: '电话回访，已当面致歉并办结', outcome: 'basically_satisfied' } });
    expect(follow.status).toBe(200);
    expectProblem(await api.request('POST', `/admin/suggestions/${id}/follow-up`, { token: admin, body: { note: '再次回访' } }), 409, 'CONFLICT');
    const after = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?followUp=pending`, { token: admin });
    expect(after.json.items.map((s: { id: string }) => s.id)).not.toContain(id);
  });

  it('takes two racing ratings once', async () => {
    const { id, trackingCode } = (await submit({ category: 'appraisal', content: unique('司法鉴定周期太长'), anonymous: true })).json;
    const admin = await api.token('dev-admin');
    await api.request('POST', `/admin/suggestions/${id}/reply`, { token: admin, body: { text: '已督促鉴定机构在法定时限内完成。' } });
    const answers = await Promise.all([
      api.request('POST', `/suggestions/track/${trackingCode}/rating`, { body: { rating: 'satisfied' } }),
      api.request('POST', `/suggestions/track/${trackingCode}/rating`, { body: { rating: 'unsatisfied' } }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });
});

describe('naming the unit concerned', () => {
  it('lists the campaign org and the bureaus and institutions under it, never branches or other cities', async () => {
    const res = await api.request('GET', `/campaigns/${CAMPAIGN}/units`);
    expect(res.status).toBe(200);
    const ids = res.json.items.map((u: { id: string }) => u.id);
    expect(ids[0]).toBe('lj');
    expect(ids).toEqual(expect.arrayContaining(['lj-dh', 'lj-dh-gz', 'lj-xl-tj']));
    expect(ids.some((id: string) => id.endsWith('-b1') || id.startsWith('qs'))).toBe(false);
    const sub = await submit({ category: 'notary', content: unique('公证处大厅空调坏了很久'), anonymous: true, orgId: 'lj-dh-gz' });
    expect(sub.status).toBe(201);
  });
});
