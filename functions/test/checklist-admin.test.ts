import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallyAndWait } from './support/tally';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

let api: TestApi;
let admin: string;
let campaign: string;

interface Item { id: string; title: string; suggestionCount: number; suggestionIds: string[]; status: string }

const csv = (rows: string[][]) => ['category,content,channel,submittedAt,externalId', ...rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\n');
let ext = 0;
async function importRows(rows: [string, string][]): Promise<void> {
  const body = csv(rows.map(([category, content]) => [category, content, 'window', '2026-03-01T10:00:00+08:00', `m${++ext}`]));
  const res = await api.request('POST', `/admin/campaigns/${campaign}/suggestions/import`, { token: admin, rawBody: body, headers: { 'content-type': 'text/csv' } });
  expect(res.status).toBe(200);
  expect(res.json.imported).toBe(rows.length);
}
const tally = (id = campaign) => tallyAndWait(api, id, admin);
async function items(): Promise<Item[]> {
  const res = await api.request('GET', `/admin/campaigns/${campaign}/checklist`, { token: admin });
  expect(res.status).toBe(200);
  return res.json.items as Item[];
}
/** Every suggestion counted exactly once, in exactly one live item. */
async function expectCountedOnce(expected: number): Promise<Item[]> {
  const list = await items();
  const ids = list.flatMap((i) => i.suggestionIds);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(expected);
  // Named, so that a rare failure says which item (and how it was grouped) without a rerun.
  for (const item of list) expect(item.suggestionCount, `${item.id} “${item.title}”: ${item.suggestionIds.join(' ')}`).toBe(item.suggestionIds.length);
  return list;
}
const byTitle = (list: Item[], title: string) => {
  const found = list.find((i) => i.title === title);
  expect(found, title).toBeDefined();
  return found as Item;
};
const merge = (into: string, from: string) => api.request('POST', `/admin/checklist-items/${into}/merge`, { token: admin, body: { from } });
const move = (suggestionId: string, toItemId?: string) =>
  api.request('POST', `/admin/suggestions/${suggestionId}/move`, { token: admin, body: toItemId ? { toItemId } : {} });

const hours: [string, string][] = [['notary', '公证处周末不开门，上班族没法办'], ['notary', '公证处能不能周六也开一下'], ['notary', '建议公证处延长办公时间到晚上']];
const fees: [string, string][] = [['notary', '公证费太贵了，收费标准也不公示'], ['notary', '办个继承公证收了好几千，太贵']];
const phone: [string, string][] = [['hotline', '12348一直占线打不通'], ['hotline', '热线电话老是没人接']];

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('dev-city-admin');
  const res = await api.request('POST', '/admin/campaigns', {
    token: admin,
    body: { title: '临江市公证和热线服务征求意见', description: '开门纳谏', orgId: 'lj', opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-01-01T00:00:00.000Z', status: 'open' },
  });
  expect(res.status).toBe(201);
  campaign = res.json.id;
  await importRows([...hours, ...fees, ...phone]);
  expect((await tally())).toMatchObject({ processed: 7, newItems: 3 });
});
afterAll(() => api?.close());

describe('admins regroup the checklist, and later tallies keep it', () => {
  it('merges two items into one, and sends later suggestions about either problem there', async () => {
    const before = await items();
    const hoursItem = byTitle(before, '公证办公时间不便民');
    const feesItem = byTitle(before, '公证收费偏高不透明');
    const res = await merge(hoursItem.id, feesItem.id);
    expect(res.status).toBe(200);
    expect(res.json.suggestionCount).toBe(5);
    expect([...res.json.suggestionIds].sort()).toEqual([...hoursItem.suggestionIds, ...feesItem.suggestionIds].sort());
    const after = await expectCountedOnce(7);
    expect(after.map((i) => i.id)).not.toContain(feesItem.id);

    await importRows([['notary', '公证收费太高了，能不能公示收费明细'], ['notary', '公证处中午也不开门']]);
    expect((await tally())).toMatchObject({ processed: 2, newItems: 0 });
    const later = await expectCountedOnce(9);
    expect(later.find((i) => i.id === hoursItem.id)?.suggestionCount).toBe(7);
  });

  it('moves a suggestion to another item and another out into a new item; tallies never move them back', async () => {
    const before = await items();
    const phoneItem = before.find((i) => i.title === '12348热线电话难打通') as Item;
    const notaryItem = before.find((i) => i.suggestionCount === 7) as Item;
    const [first, second] = phoneItem.suggestionIds as [string, string];

    const moved = await move(first, notaryItem.id);
    expect(moved.status).toBe(200);
    expect(moved.json).toEqual({ suggestionId: first, fromItemId: phoneItem.id, toItemId: notaryItem.id, newItem: false });
    const out = await move(second);
    expect(out.status).toBe(200);
    expect(out.json).toMatchObject({ suggestionId: second, fromItemId: phoneItem.id, newItem: true });

    let list = await expectCountedOnce(9);
    expect(list.find((i) => i.id === notaryItem.id)?.suggestionIds).toContain(first);
    expect(list.find((i) => i.id === out.json.toItemId)?.suggestionIds).toEqual([second]);
    expect(list.find((i) => i.id === phoneItem.id)).toBeUndefined(); // emptied: no longer listed

    await importRows([['hotline', '12348热线总是占线，根本打不进去']]);
    expect((await tally())).toMatchObject({ processed: 1 });
    expect((await tally())).toMatchObject({ processed: 0 });
    list = await expectCountedOnce(10);
    expect(list.find((i) => i.id === notaryItem.id)?.suggestionIds).toContain(first);
    expect(list.find((i) => i.id === out.json.toItemId)?.suggestionIds).toContain(second);
  });

  it('keeps every suggestion counted once when a move races a tally', async () => {
    await importRows([...hours, ...phone]);
    const list = await items();
    const notaryItem = list.find((i) => i.suggestionIds.length >= 7) as Item;
    const [a] = await Promise.all([move(notaryItem.suggestionIds[0] as string), tally()]);
    expect(a.status).toBe(200);
    await tally();
    await expectCountedOnce(15);
  });

  it('rejects a bad merge or move and changes nothing', async () => {
    const list = await items();
    const [x, y] = list as [Item, Item];
    const snapshot = await tableSnapshot(api.endpoint, api.tableName);
    expectProblem(await merge(x.id, x.id), 400, 'VALIDATION_FAILED');
    expectProblem(await merge(x.id, 'no-such-item'), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', `/admin/checklist-items/${x.id}/merge`, { token: admin, body: { from: y.id, extra: 1 } }), 400, 'VALIDATION_FAILED');
    expectProblem(await move(x.suggestionIds[0] as string, x.id), 400, 'VALIDATION_FAILED');
    expectProblem(await move(x.suggestionIds[0] as string, 'no-such-item'), 400, 'VALIDATION_FAILED');
    expectProblem(await move('no-such-suggestion', y.id), 404, 'NOT_FOUND');
    const other = await api.token('dev-qs-admin');
    expectProblem(await api.request('POST', `/admin/checklist-items/${x.id}/merge`, { token: other, body: { from: y.id } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', `/admin/suggestions/${x.suggestionIds[0]}/move`, { token: other, body: {} }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', `/admin/suggestions/${x.suggestionIds[0]}/move`, { token: await api.token('dev-secretary'), body: {} }), 403, 'FORBIDDEN');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(snapshot);
  });
});

describe('submitters follow their checklist item through the tracking code', () => {
  it('shows the item once tallied, and resolved once the item is done', async () => {
    const submitted = await api.request('POST', '/campaigns/demo-lj-2026/suggestions', {
      body: { category: 'notary', content: '公证处周末不开门，上班族请假才能去办，希望周六也开放', anonymous: true },
    });
    expect(submitted.status).toBe(201);
    const code = submitted.json.trackingCode as string;
    expect((await api.request('GET', `/suggestions/track/${code}`)).json.status).toBe('received');

    const run = await tally('demo-lj-2026');
    expect(run.status).toBe('done');
    expect(run.processed).toBeGreaterThanOrEqual(1);
    const tracked = await api.request('GET', `/suggestions/track/${code}`);
    expect(tracked.status).toBe(200);
    expect(tracked.json).toMatchObject({ status: 'in_checklist', checklistItem: { id: expect.any(String), title: expect.any(String), status: 'open', deadline: null } });
    const itemId = tracked.json.checklistItem.id as string;

    const patch = (body: unknown) => api.request('PATCH', `/admin/checklist-items/${itemId}`, { token: admin, body });
    expect((await patch({ deadline: '2026-12-31', status: 'in_progress', progress: '已安排周六值班' })).status).toBe(200);
    expect((await api.request('GET', `/suggestions/track/${code}`)).json).toMatchObject({
      status: 'in_checklist', checklistItem: { id: itemId, status: 'in_progress', deadline: '2026-12-31' },
    });
    expect((await patch({ status: 'done', progress: '每周六上午开放' })).status).toBe(200);
    const resolved = await api.request('GET', `/suggestions/track/${code}`);
    expect(resolved.json).toMatchObject({ status: 'resolved', checklistItem: { id: itemId, status: 'done' } });
    expect(resolved.json.timeline.map((t: { status: string }) => t.status)).toContain('resolved');
  });

  it('points at the surviving item once an admin merged the item of the suggestion into another', async () => {
    const send = async (content: string) => (await api.request('POST', '/campaigns/demo-lj-2026/suggestions', { body: { category: 'legal_aid', content, anonymous: true } })).json.trackingCode as string;
    const a = await send('法律援助申请要的材料太多了，跑了好几趟才交齐');
    const b = await send('法律援助律师一直不联系我，开庭前才打电话');
    await tally('demo-lj-2026');
    const itemOf = async (code: string) => (await api.request('GET', `/suggestions/track/${code}`)).json.checklistItem as { id: string; title: string };
    const [ia, ib] = [await itemOf(a), await itemOf(b)];
    expect(ia.id).not.toBe(ib.id);
    expect((await merge(ia.id, ib.id)).status).toBe(200);
    expect(await itemOf(b)).toMatchObject({ id: ia.id, title: ia.title });
  });
});
