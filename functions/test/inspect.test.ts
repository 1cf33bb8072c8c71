import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultInspectItems } from '@kaimen/shared';
import { keys } from '../src/db/keys';
import { putNew } from '../../scripts/seed/put-new';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

let api: TestApi;
const tokens: Record<string, string> = {};
let formId = '';

const notary = 'lj-dh-gz';
const liJing = 'm-lj-dh-gz-b1-2';
const zhangLei = 'm-lj-dh-gz-b1-3';

/** Gives a seeded roster member an openid so the test can sign in as them. */
async function signInAs(userId: string, openid: string) {
  await putNew({ ...keys.openid(openid), type: 'openid', userId });
  return api.token(openid);
}

async function expectUnchanged(run: () => Promise<void>) {
  const before = await tableSnapshot(api.endpoint, api.tableName);
  await run();
  expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
}

const allNone = () => defaultInspectItems.map((_, i) => ({ key: String(i + 1), finding: 'none' as const }));

beforeAll(async () => {
  api = await startTestApi();
  for (const openid of ['dev-admin', 'dev-city-admin', 'dev-county-admin', 'dev-qs-admin', 'dev-secretary', 'dev-member']) tokens[openid] = await api.token(openid);
  tokens.zhang = await signInAs(zhangLei, 'test-zhang-lei');
  tokens.wu = await signInAs('m-lj-dh-ls1-b1-2', 'test-wu-fang');
}, 240_000);
afterAll(() => api?.close());

const publish = (body: unknown, token = tokens['dev-city-admin']) => api.request('POST', '/admin/inspections', { token, body });

describe('publishing a self-inspection form', () => {
  it('refuses a bad audience, an org outside the admin’s tree, and writes nothing', async () => {
    await expectUnchanged(async () => {
      const base = { title: '教育整顿自查事项报告表', orgId: 'lj', deadline: '2099-12-31' };
      expectProblem(await publish({ ...base, audience: {} }), 400, 'VALIDATION_FAILED');
      expectProblem(await publish({ ...base, audience: { orgId: notary, memberIds: [liJing] } }), 400, 'VALIDATION_FAILED');
      expect(expectProblem(await publish({ ...base, audience: { orgId: 'qs' } }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('audience.orgId');
      expect(expectProblem(await publish({ ...base, audience: { memberIds: ['m-qs-ng-gz-b1-2'] } }), 400, 'VALIDATION_FAILED').errors?.[0]?.message).toContain('不在发布单位之内');
      expectProblem(await publish({ ...base, orgId: 'qs', audience: { orgId: 'qs' } }), 403, 'FORBIDDEN');
      expectProblem(await publish({ ...base, audience: { orgId: notary } }, tokens['dev-member']), 403, 'FORBIDDEN');
      expectProblem(await publish({ ...base, items: [], audience: { orgId: notary } }), 400, 'VALIDATION_FAILED');
    });
  });

  it('asks everyone on the roster of a subtree, with the seven problems by default', async () => {
    const res = await publish({ title: '教育整顿自查事项报告表', orgId: 'lj', deadline: '2099-12-31', audience: { orgId: notary } });
    expect(res.status).toBe(201);
    expect(res.json.items).toHaveLength(7);
    expect(res.json.items[0]).toEqual({ key: '1', text: defaultInspectItems[0] });
    expect(res.json).toMatchObject({ orgName: '临江市司法局', asked: 5, filed: 0 });
    formId = res.json.id;
    const mine = await api.request('GET', '/me/inspections', { token: tokens['dev-member'] });
    expect(mine.json.items).toEqual([expect.objectContaining({ formId, filedAt: null, overdue: false })]);
    expect((await api.request('GET', '/me/inspections', { token: tokens.wu })).json.items).toEqual([]);
  });
});

describe('filing on the phone', () => {
  it('refuses an incomplete filing, a wrong signature and a missing pledge, item by item, and writes nothing', async () => {
    const url = `/me/inspections/${formId}`;
    await expectUnchanged(async () => {
      const missing = expectProblem(await api.request('POST', url, { token: tokens['dev-member'], body: { answers: allNone().slice(1), signature: '李静', pledged: true } }), 400, 'VALIDATION_FAILED');
      expect(missing.errors?.map((e) => e.message)).toContain(`请回答第 1 项：${defaultInspectItems[0]}`);
      const found = allNone();
      found[2] = { key: '3', finding: 'found' } as never;
      expect(expectProblem(await api.request('POST', url, { token: tokens['dev-member'], body: { answers: found, signature: '李静', pledged: true } }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('answers.2.detail');
      expect(expectProblem(await api.request('POST', url, { token: tokens['dev-member'], body: { answers: allNone(), signature: '张三', pledged: true } }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('signature');
      expect(expectProblem(await api.request('POST', url, { token: tokens['dev-member'], body: { answers: allNone(), signature: '李静', pledged: false } }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('pledged');
    });
  });

  it('refuses generated bad filings with a Chinese problem and no change', async () => {
    const answer = fc.record({
      key: fc.oneof(fc.constantFrom('1', '2', '7', '8', '0'), fc.string({ maxLength: 12 })),
      finding: fc.oneof(fc.constantFrom('none', 'found'), fc.string({ maxLength: 5 })),
      detail: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
    }, { requiredKeys: ['key', 'finding'] });
    const before = await tableSnapshot(api.endpoint, api.tableName);
    await fc.assert(fc.asyncProperty(
      fc.array(answer, { maxLength: 9 }), fc.oneof(fc.constant('张三'), fc.string({ maxLength: 25 })), fc.oneof(fc.boolean(), fc.constant('yes')),
      async (answers, signature, pledged) => {
        const res = await api.request('POST', `/me/inspections/${formId}`, { token: tokens['dev-member'], body: { answers, signature, pledged } });
        const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(problem.detail).toMatch(/[\u4e00-\u9fa5]/);
      },
    ), { numRuns: 30 });
    const after = (await tableSnapshot(api.endpoint, api.tableName)).filter((l) => !l.startsWith('IDEM#'));
    expect(after).toEqual(before.filter((l) => !l.startsWith('IDEM#')));
  });

  it('files once with the pledge; a second filing or one by someone not asked changes nothing', async () => {
    const answers = allNone();
    answers[0] = { key: '1', finding: 'found', detail: '曾为亲属案件向承办人打听进展' } as never;
    const filed = await api.request('POST', `/me/inspections/${formId}`, { token: tokens['dev-member'], body: { answers, other: '无', signature: '李静', pledged: true } });
    expect(filed.status).toBe(201);
    expect(filed.json).toMatchObject({ name: '李静', unitName: '临江市东湖公证处', found: 1, late: false, signature: '李静' });
    await expectUnchanged(async () => {
      const again = expectProblem(await api.request('POST', `/me/inspections/${formId}`, { token: tokens['dev-member'], body: { answers: allNone(), signature: '李静', pledged: true } }), 409, 'CONFLICT');
      expect(again.detail).toBe('您已提交过这份自查事项报告表，不能重复提交');
      const stranger = expectProblem(await api.request('POST', `/me/inspections/${formId}`, { token: tokens.wu, body: { answers: allNone(), signature: '吴芳', pledged: true } }), 403, 'FORBIDDEN');
      expect(stranger.detail).toBe('您不在这份自查事项报告表的填报范围内');
      expectProblem(await api.request('POST', `/me/inspections/${formId}`, { token: tokens['dev-city-admin'], body: { answers: allNone(), signature: '陈海燕', pledged: true } }), 403, 'FORBIDDEN');
      expectProblem(await api.request('POST', `/me/inspections/${formId}`, { body: { answers: allNone(), signature: '李静', pledged: true } }), 401, 'UNAUTHENTICATED');
    });
    const own = await api.request('GET', `/me/inspections/${formId}`, { token: tokens['dev-member'] });
    expect(own.json.report).toMatchObject({ found: 1, answers: expect.arrayContaining([expect.objectContaining({ key: '1', finding: 'found' })]) });
    expectProblem(await api.request('GET', `/me/inspections/${formId}`, { token: tokens.wu }), 403, 'FORBIDDEN');
    const zhang = await api.request('GET', `/me/inspections/${formId}`, { token: tokens.zhang });
    expect(zhang.json).toMatchObject({ name: '张磊', report: null });
    expect(zhang.text).not.toContain('亲属案件');
  });
});

describe('coverage and the answers', () => {
  it('shows per unit who has not filed', async () => {
    const res = await api.request('GET', `/admin/inspections/${formId}/coverage`, { token: tokens['dev-city-admin'] });
    expect(res.json).toMatchObject({ asked: 5, filed: 1 });
    expect(res.json.units).toEqual([expect.objectContaining({ unitId: notary, unitName: '临江市东湖公证处', total: 5, done: 1 })]);
    expect(res.json.units[0].missing.map((m: { name: string }) => m.name).sort()).toEqual(['孙丽华', '张磊', '王晓明', '赵敏'].sort());
    const list = await api.request('GET', '/admin/inspections', { token: tokens['dev-admin'] });
    expect(list.json.items.find((f: { id: string }) => f.id === formId)).toMatchObject({ asked: 5, filed: 1 });
  });

  it('never shows answers to members, the public, a unit below or a sibling; each view by a responsible admin is recorded', async () => {
    const reports = `/admin/inspections/${formId}/reports`;
    await expectUnchanged(async () => {
      expectProblem(await api.request('GET', reports), 401, 'UNAUTHENTICATED');
      expectProblem(await api.request('GET', reports, { token: tokens['dev-member'] }), 403, 'FORBIDDEN');
      expectProblem(await api.request('GET', reports, { token: tokens['dev-secretary'] }), 403, 'FORBIDDEN');
      const below = expectProblem(await api.request('GET', reports, { token: tokens['dev-county-admin'] }), 403, 'FORBIDDEN');
      expect(below.detail).toContain('仅限临江市司法局及其上级的管理员查看');
      expectProblem(await api.request('GET', reports, { token: tokens['dev-qs-admin'] }), 403, 'FORBIDDEN');
      expectProblem(await api.request('GET', `${reports}/${liJing}`, { token: tokens['dev-county-admin'] }), 403, 'FORBIDDEN');
      expectProblem(await api.request('GET', `/admin/inspections/${formId}/coverage`, { token: tokens['dev-county-admin'] }), 403, 'FORBIDDEN');
      expectProblem(await api.request('GET', `/admin/inspections/${formId}/views`, { token: tokens['dev-qs-admin'] }), 403, 'FORBIDDEN');
    });
    expect((await api.request('GET', '/admin/inspections', { token: tokens['dev-county-admin'] })).json.items).toEqual([]);

    const all = await api.request('GET', reports, { token: tokens['dev-city-admin'] });
    expect(all.json.items).toHaveLength(1);
    expect(all.text).toContain('亲属案件');
    const one = await api.request('GET', `${reports}/${liJing}`, { token: tokens['dev-admin'] });
    expect(one.json).toMatchObject({ name: '李静', found: 1 });
    expectProblem(await api.request('GET', `${reports}/${zhangLei}`, { token: tokens['dev-admin'] }), 404, 'NOT_FOUND');

    const views = await api.request('GET', `/admin/inspections/${formId}/views`, { token: tokens['dev-city-admin'] });
    expect(views.json.items).toEqual([
      expect.objectContaining({ viewerName: '周立新', viewerOrgName: '江南省司法厅', what: '一人的答卷', subjectName: '李静' }),
      expect.objectContaining({ viewerName: '陈海燕', viewerOrgName: '临江市司法局', what: '全部答卷' }),
    ]);
    expect(views.text).not.toContain('亲属案件');
  });
});
