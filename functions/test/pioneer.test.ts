import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { recordsSnapshot } from './support/table';

let api: TestApi;
let member: string;
let secretary: string;
let cityAdmin: string;
let qsAdmin: string;

const snapshot = () => recordsSnapshot(api.endpoint, api.tableName);
const card = { kind: 'pioneer_post', window: '公证受理二号窗口', pledge: '亮明党员身份，热情接待每一位来访群众，材料一次告知。', services: ['公证咨询', '上门办证'] };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

beforeAll(async () => {
  api = await startTestApi();
  member = await api.token('dev-member');
  secretary = await api.token('dev-secretary');
  cityAdmin = await api.token('dev-city-admin');
  qsAdmin = await api.token('dev-qs-admin');
}, 120_000);
afterAll(() => api?.close());

async function upload(bytes: Buffer, contentType: string): Promise<string> {
  const signed = await api.request('POST', '/me/pioneer-post/photo', { token: member, body: { contentType, size: bytes.length } });
  expect(signed.status, signed.text).toBe(201);
  const put = await fetch(signed.json.uploadUrl, { method: 'PUT', headers: signed.json.headers, body: bytes });
  expect(put.status).toBe(200);
  return signed.json.key as string;
}

describe('a member card, reviewed before it is public', () => {
  let postId: string;

  it('refuses a pledge with a phone number in Chinese and writes nothing', async () => {
    const before = await snapshot();
    const res = await api.request('PUT', '/me/pioneer-post', { token: member, body: { ...card, pledge: '有事随时打我电话 138-1234-5678，保证随叫随到。' } });
    const p = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(p.errors?.find((e) => e.path === 'pledge')?.message).toContain('个人信息');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses generated pledges that carry a mobile or ID number, whatever surrounds it', async () => {
    const before = await snapshot();
    const pii = fc.oneof(
      fc.tuple(fc.constantFrom('13', '15', '18', '19'), fc.stringMatching(/^\d{9}$/)).map(([a, b]) => a + b),
      fc.stringMatching(/^[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d)\d{3}[\dX]$/),
    );
    await fc.assert(fc.asyncProperty(fc.string({ minLength: 6, maxLength: 40 }).filter((s) => !/\d/.test(s)), pii, async (words, number) => {
      const res = await api.request('PUT', '/me/pioneer-post', { token: member, body: { ...card, pledge: `${words}联系${number}承诺服务` } });
      expectProblem(res, 400, 'VALIDATION_FAILED');
    }), { numRuns: 15 });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a "photo" whose bytes are not an image, and one never uploaded', async () => {
    const key = await upload(Buffer.from('<html><script>alert(1)</script></html>'.padEnd(80, ' ')), 'image/png');
    const before = await snapshot();
    const res = await api.request('PUT', '/me/pioneer-post', { token: member, body: { ...card, photoKey: key } });
    expect(expectProblem(res, 400, 'VALIDATION_FAILED').detail).toContain('不是图片');
    const missing = await api.request('PUT', '/me/pioneer-post', { token: member, body: { ...card, photoKey: `pioneer/${key.split('/')[1]}/nothing-here.png` } });
    expect(expectProblem(missing, 400, 'VALIDATION_FAILED').detail).toContain('还没有上传完成');
    expect(key).not.toContain('m-lj-dh-gz-b1-2'); // photo URLs are public: no user id in them
    const others = await api.request('PUT', '/me/pioneer-post', { token: member, body: { ...card, photoKey: 'pioneer/0123456789abcdef01234567/x1.png' } });
    expect(expectProblem(others, 400, 'VALIDATION_FAILED').detail).toContain('不属于您');
    expect(await snapshot()).toEqual(before);
    expectProblem(await api.request('POST', '/me/pioneer-post/photo', { token: member, body: { contentType: 'application/pdf', size: 10 } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', '/me/pioneer-post/photo', { token: member, body: { contentType: 'image/png', size: 6 * 1024 * 1024 } }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('saves a card with a real photo; it waits for the secretary and the public cannot see it', async () => {
    const key = await upload(PNG, 'image/png');
    const res = await api.request('PUT', '/me/pioneer-post', { token: member, body: { ...card, photoKey: key } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ name: '李静', institutionId: 'lj-dh-gz', institutionName: '临江市东湖公证处', status: 'pending', level: 'institution' });
    postId = res.json.id;
    const photo = await fetch(res.json.photoUrl);
    expect(Buffer.from(await photo.arrayBuffer()).subarray(0, 8)).toEqual(PNG.subarray(0, 8));
    expect((await api.request('GET', '/me/pioneer-post', { token: member })).json.post.id).toBe(postId);
    expectProblem(await api.request('GET', `/pioneer-posts/${postId}`), 404, 'NOT_FOUND');
    const inst = await api.request('GET', '/orgs/lj-dh-gz/pioneer-posts');
    expect(inst.json.items.map((p: { id: string }) => p.id)).not.toContain(postId);
  });

  it('a member cannot review; another city cannot review; returning needs a reason', async () => {
    expectProblem(await api.request('POST', `/admin/pioneer-posts/${postId}/review`, { token: member, body: { approve: true } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', `/admin/pioneer-posts/${postId}/review`, { token: qsAdmin, body: { approve: true } }), 403, 'FORBIDDEN');
    const noReason = expectProblem(await api.request('POST', `/admin/pioneer-posts/${postId}/review`, { token: secretary, body: { approve: false } }), 400, 'VALIDATION_FAILED');
    expect(noReason.errors?.[0]?.message).toContain('理由');
    const returned = await api.request('POST', `/admin/pioneer-posts/${postId}/review`, { token: secretary, body: { approve: false, reason: '服务项目请写具体一些' } });
    expect(returned.json).toMatchObject({ status: 'returned', returnReason: '服务项目请写具体一些', reviewedBy: '王晓明' });
    const mine = await api.request('GET', '/me/pioneer-post', { token: member });
    expect(mine.json.post.returnReason).toBe('服务项目请写具体一些');
  });

  it('an edit goes back to review; approval makes it public without phone or user id', async () => {
    const edited = await api.request('PUT', '/me/pioneer-post', { token: member, body: { ...card, services: ['公证咨询', '预约上门办证（行动不便的老人）'] } });
    expect(edited.json.status).toBe('pending');
    expect(edited.json.photoUrl).not.toBeNull(); // the photo stays when the edit does not change it
    const pending = await api.request('GET', '/admin/orgs/lj-dh-gz-b1/pioneer-posts?status=pending', { token: secretary });
    expect(pending.json.items.map((p: { id: string }) => p.id)).toContain(postId);
    const approved = await api.request('POST', `/admin/pioneer-posts/${postId}/review`, { token: secretary, body: { approve: true, level: 'county' } });
    expect(approved.json).toMatchObject({ status: 'approved', level: 'county' });

    const pub = await api.request('GET', `/pioneer-posts/${postId}`);
    expect(pub.status).toBe(200);
    expect(pub.json).toMatchObject({ name: '李静', window: '公证受理二号窗口', kindLabel: '党员先锋岗', levelLabel: '县（区）级', campaignId: 'demo-lj-2026' });
    expect(pub.json).not.toHaveProperty('userId');
    expect(pub.json).not.toHaveProperty('status');
    expect(pub.text).not.toMatch(/1390000\d{4}|m-lj-dh-gz-b1-2|phone/);

    const byInstitution = await api.request('GET', '/orgs/lj-dh-gz/pioneer-posts');
    expect(byInstitution.json.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([postId, 'pp-demo-lj']));
    const byCampaign = await api.request('GET', '/campaigns/demo-lj-2026/pioneer-posts');
    const ids = byCampaign.json.items.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([postId, 'pp-demo-lj']));
    expect(ids).not.toContain('pp-demo-lj-2'); // awaiting review
    expect(ids).not.toContain('pp-demo-qs'); // another city
    expectProblem(await api.request('GET', '/orgs/lj-dh-gz-b1/pioneer-posts'), 404, 'NOT_FOUND'); // a branch is not an institution
  });

  it('counts posts by kind and level, rolled up the tree', async () => {
    const stats = await api.request('GET', '/admin/orgs/lj/pioneer-stats', { token: cityAdmin });
    expect(stats.status, stats.text).toBe(200);
    expect(stats.json).toMatchObject({ total: 2, pending: 1, byKind: { pioneer_post: 2, service_team: 0 }, byLevel: { city: 1, county: 1 } });
    const dh = stats.json.children.find((c: { id: string }) => c.id === 'lj-dh');
    expect(dh).toMatchObject({ total: 2, pending: 1 });
    expect(stats.json.children.reduce((s: number, c: { total: number }) => s + c.total, 0)).toBe(2);
    expectProblem(await api.request('GET', '/admin/orgs/lj/pioneer-stats', { token: member }), 403, 'FORBIDDEN');
    expectProblem(await api.request('GET', '/admin/orgs/lj/pioneer-stats', { token: qsAdmin }), 403, 'FORBIDDEN');
  });

  it('takes one rating a day per person and refuses bad stars', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.integer({ min: -5, max: 0 }), fc.integer({ min: 6, max: 99 }), fc.double(), fc.string()), async (stars) => {
      expectProblem(await api.request('POST', `/pioneer-posts/${postId}/ratings`, { body: { stars } }), 400, 'VALIDATION_FAILED');
    }), { numRuns: 10 });
    const rated = await api.request('POST', `/pioneer-posts/${postId}/ratings`, { body: { stars: 4 } });
    expect(rated.json.ratings).toEqual({ count: 1, average: 4 });
    expectProblem(await api.request('POST', `/pioneer-posts/${postId}/ratings`, { body: { stars: 5 } }), 429, 'RATE_LIMITED');
    expectProblem(await api.request('POST', '/pioneer-posts/pp-demo-lj-2/ratings', { body: { stars: 5 } }), 404, 'NOT_FOUND');
  });

  it('a suggestion about a post enters the open-door inbox tagged with the post', async () => {
    const sent = await api.request('POST', '/campaigns/demo-lj-2026/suggestions', {
      body: { category: 'notary', content: '李静同志服务很耐心，建议二号窗口增加叫号屏。', anonymous: true, postId },
    });
    expect(sent.status, sent.text).toBe(201);
    const inbox = await api.request('GET', `/admin/campaigns/demo-lj-2026/suggestions?postId=${postId}`, { token: cityAdmin });
    expect(inbox.json.items).toHaveLength(1);
    expect(inbox.json.items[0]).toMatchObject({ postId, postLabel: '李静 · 公证受理二号窗口', orgId: 'lj-dh-gz' });
    const before = await snapshot();
    for (const bad of ['pp-demo-lj-2', 'pp-demo-qs', 'no-such-post']) {
      const res = await api.request('POST', '/campaigns/demo-lj-2026/suggestions', { body: { category: 'notary', content: '关于这个岗位的一条意见建议', anonymous: true, postId: bad } });
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('postId');
    }
    expect(await snapshot()).toEqual(before);
  });
});
