import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { runTally } from '../src/checklist/tally-run';
import { startTally, tallyAndWait, waitForRun } from './support/tally';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';

let api: TestApi;
let admin: string;
let campaign: string;

const csv = (rows: string[][]) => ['category,content,channel,submittedAt,externalId', ...rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\n');
let ext = 0;
/** Imports suggestions (each waits for the tally) and returns how many were imported. */
async function importRows(rows: [string, string][]): Promise<number> {
  const body = csv(rows.map(([category, content]) => [category, content, 'window', '2026-03-01T10:00:00+08:00', `x${++ext}`]));
  const res = await api.request('POST', `/admin/campaigns/${campaign}/suggestions/import`, { token: admin, rawBody: body, headers: { 'content-type': 'text/csv' } });
  expect(res.status).toBe(200);
  return res.json.imported as number;
}
const tally = () => tallyAndWait(api, campaign, admin);
const checklist = async () => {
  const res = await api.request('GET', `/admin/campaigns/${campaign}/checklist`, { token: admin });
  expect(res.status).toBe(200);
  return res.json as { items: { id: string; title: string; suggestionCount: number; suggestionIds: string[]; locked: boolean; published: boolean }[]; pending: number };
};
/** Every suggestion counted exactly once: counts add up, and each id is in exactly one item. */
async function expectCountedOnce(expected: number) {
  const list = await checklist();
  const ids = list.items.flatMap((i) => i.suggestionIds);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(expected);
  for (const item of list.items) expect(item.suggestionCount).toBe(item.suggestionIds.length);
  expect(list.pending).toBe(0);
  return list;
}

const hours: [string, string][] = [
  ['notary', '公证处周末不开门，上班族没法办'], ['notary', '公正处能不能周六也开一下'], ['notary', '建议公证处延长办公时间到晚上'],
];
const fees: [string, string][] = [['notary', '公证费太贵了，收费标准也不公示'], ['notary', '办个继承公证收了好几千，太贵']];
const phone: [string, string][] = [['hotline', '12348一直占线打不通'], ['hotline', '热线电话老是没人接，联系电话13800138000']];

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('dev-city-admin');
  const res = await api.request('POST', '/admin/campaigns', {
    token: admin,
    body: { title: '临江市公共法律服务征求意见', description: '开门纳谏', orgId: 'lj', opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-01-01T00:00:00.000Z', status: 'open', reportChannel: '监督电话 0571-12345678' },
  });
  expect(res.status).toBe(201);
  campaign = res.json.id;
});
afterAll(() => api?.close());
afterEach(() => {
  delete process.env.KAIMEN_TALLY_FAIL_AFTER;
});

describe('the tally', () => {
  it('groups new suggestions into items by problem, with readable titles, and counts nothing twice', async () => {
    await importRows([...hours, ...fees, ...phone]);
    const first = await tally();
    expect(first).toMatchObject({ status: 'done', total: 7, processed: 7, newItems: 3, updatedItems: 0 });
    expect(first.finishedAt! >= first.startedAt).toBe(true);
    expect(await tally()).toMatchObject({ status: 'done', total: 0, processed: 0, newItems: 0, updatedItems: 0 });
    const list = await expectCountedOnce(7);
    expect(list.items.map((i) => i.title).sort()).toEqual(['12348热线电话难打通', '公证办公时间不便民', '公证收费偏高不透明']);
    expect(list.items.map((i) => i.title).join()).not.toMatch(/\d{11}/);
    expect(list.items[0]?.suggestionCount).toBe(3); // hottest first
  });

  it('runs once at a time per campaign: a second request while one runs answers the same run', async () => {
    await importRows([...hours, ...fees, ...phone, ...hours]);
    const [a, b] = await Promise.all([startTally(api, campaign, admin), startTally(api, campaign, admin)]);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.json.runId).toBe(a.json.runId);
    const run = await waitForRun(api, a.json.runId, admin);
    expect(run).toMatchObject({ status: 'done', campaignId: campaign, total: 10, processed: 10 });
    await expectCountedOnce(17);
    // Once it has ended, the next request starts a new run.
    const next = await startTally(api, campaign, admin);
    expect(next.json.runId).not.toBe(a.json.runId);
    expect(await waitForRun(api, next.json.runId, admin)).toMatchObject({ status: 'done', processed: 0 });
  });

  it('runs twice at once (the schedule and a run whose lease went stale) without counting a suggestion twice', async () => {
    await importRows([...hours, ...fees, ...phone, ...hours]);
    const [a, b] = await Promise.all([runTally(campaign, new Date()), runTally(campaign, new Date())]);
    expect(a.processed + b.processed).toBe(10);
    await expectCountedOnce(27);
  });

  it('finishes correctly after a run killed half way', async () => {
    await importRows([...hours, ...fees, ...phone]);
    // Killed after its first transaction (one item's batch of new members): whole batches only.
    process.env.KAIMEN_TALLY_FAIL_AFTER = '1';
    const killed = await tally();
    expect(killed).toMatchObject({ status: 'failed', error: expect.stringMatching(/[\u4e00-\u9fff]/) });
    const mid = await checklist();
    expect(mid.pending).toBeGreaterThan(0);
    expect(mid.pending).toBeLessThan(7);
    expect(mid.items.reduce((s, i) => s + i.suggestionCount, 0)).toBe(27 + 7 - mid.pending);
    delete process.env.KAIMEN_TALLY_FAIL_AFTER;
    expect((await tally())).toMatchObject({ processed: mid.pending, newItems: 0 });
    await expectCountedOnce(34);
  });

  it('keeps admin decisions: a renamed title and a locked item stay as the admin left them', async () => {
    const list = await checklist();
    const hoursItem = list.items.find((i) => i.title === '公证办公时间不便民')!;
    const feesItem = list.items.find((i) => i.title === '公证收费偏高不透明')!;
    const renamed = await api.request('PATCH', `/admin/checklist-items/${hoursItem.id}`, { token: admin, body: { title: '公证处周末和晚间办理' } });
    expect(renamed.status).toBe(200);
    const locked = await api.request('PATCH', `/admin/checklist-items/${feesItem.id}`, { token: admin, body: { locked: true } });
    expect(locked.json.locked).toBe(true);
    await importRows([hours[0]!, fees[0]!]);
    expect((await tally())).toMatchObject({ processed: 2 });
    const after = await checklist();
    const h = after.items.find((i) => i.id === hoursItem.id)!;
    expect(h.title).toBe('公证处周末和晚间办理');
    expect(h.suggestionCount).toBe(hoursItem.suggestionCount + 1);
    expect(after.items.find((i) => i.id === feesItem.id)!.suggestionCount).toBe(feesItem.suggestionCount);
  });

  it('takes a suggestion marked spam out of its item and never counts it', async () => {
    const before = await checklist();
    const item = before.items.find((i) => i.title === '12348热线电话难打通')!;
    const marked = await api.request('POST', `/admin/suggestions/${item.suggestionIds[0]}/moderation`, { token: admin, body: { moderation: 'spam' } });
    expect(marked.status).toBe(200);
    expect((await tally())).toMatchObject({ processed: 1 });
    const after = await checklist();
    const again = after.items.find((i) => i.id === item.id)!;
    expect(again.suggestionCount).toBe(item.suggestionCount - 1);
    expect(again.suggestionIds).not.toContain(item.suggestionIds[0]);
  });

  it('is for admins of the campaign’s org tree only', async () => {
    expectProblem(await api.request('POST', `/admin/campaigns/${campaign}/tally`, { token: await api.token('dev-qs-admin') }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', `/admin/campaigns/${campaign}/tally`, { token: await api.token('dev-secretary') }), 403, 'FORBIDDEN');
    const { runId } = (await startTally(api, campaign, admin)).json;
    await waitForRun(api, runId, admin);
    expectProblem(await api.request('GET', `/admin/tally-runs/${runId}`, { token: await api.token('dev-qs-admin') }), 403, 'FORBIDDEN');
    expectProblem(await api.request('GET', '/admin/tally-runs/01NOSUCHRUN0000000000000000', { token: admin }), 404, 'NOT_FOUND');
  });
});

describe('the remediation checklist', () => {
  it('runs the lifecycle with a timeline, flags overdue items, and rejects skipping steps', async () => {
    const { items } = await checklist();
    const id = items[0]!.id;
    const patch = (body: unknown) => api.request('PATCH', `/admin/checklist-items/${id}`, { token: admin, body });
    const set = await patch({ owner: '市公证协会', deadline: '2020-06-30', target: '每月至少开放一个周末', published: true });
    expect(set.json).toMatchObject({ owner: '市公证协会', deadline: '2020-06-30', overdue: true, published: true });
    expectProblem(await patch({ status: 'closed' }), 400, 'VALIDATION_FAILED');
    expectProblem(await patch({ colour: 'red' }), 400, 'VALIDATION_FAILED');
    const started = await patch({ status: 'in_progress', progress: '已制定周末值班表' });
    expect(started.json).toMatchObject({ status: 'in_progress', progress: '已制定周末值班表' });
    const done = await patch({ status: 'done' });
    expect(done.json.overdue).toBe(false);
    expect(done.json.notes.map((n: { status?: string }) => n.status)).toEqual(['in_progress', 'done']);
    expect(done.json.notes[0]).toMatchObject({ text: '已制定周末值班表', by: expect.any(String) });
  });

  it('publishes only published items, without suggestion text or contact data', async () => {
    const res = await api.request('GET', `/campaigns/${campaign}/checklist`);
    expect(res.status).toBe(200);
    expect(res.json.reportChannel).toBe('监督电话 0571-12345678');
    expect(res.json.items).toHaveLength(1);
    // 责任单位 is published with the item.
    expect(res.json.items[0]).toMatchObject({ status: 'done', target: '每月至少开放一个周末', owner: '市公证协会', suggestionCount: expect.any(Number) });
    expect(res.text).not.toContain('上班族');
    expect(res.text).not.toContain('13800138000');
    expect(res.json.items[0].suggestionIds).toBeUndefined();
  });

  it('exports the ledger with a bold frozen header and the source suggestions', async () => {
    const res = await fetch(`${api.url}/admin/campaigns/${campaign}/checklist.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ledger = wb.getWorksheet('整改台账')!;
    expect(ledger.getRow(1).values).toEqual([undefined, '序号', '问题类别', '问题描述', '意见条数', '整改目标', '责任单位', '完成时限', '整改进展', '状态', '问题来源', '销号审核']);
    expect(ledger.getRow(1).font?.bold).toBe(true);
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const { items } = await checklist();
    expect(ledger.rowCount).toBe(items.length + 1);
    const sources = wb.getWorksheet('意见来源')!;
    expect(sources.rowCount - 1).toBe(items.reduce((s, i) => s + i.suggestionCount, 0));
    expect(JSON.stringify(sources.getSheetValues())).not.toContain('13800138000');
  });
});
