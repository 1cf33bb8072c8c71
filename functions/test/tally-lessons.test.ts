import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TallyRun } from '@kaimen/shared';
import { allOfCampaign } from '../src/feedback/suggestion-store';
import { ABANDONED_RUN_ERROR, claimRun, LEASE_MS } from '../src/checklist/run-store';
import { pendingCount } from '../src/checklist/store';
import { executeRun } from '../src/checklist/tally-job';
import { startTally, tallyAndWait, waitForRun } from './support/tally';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';

let api: TestApi;
let admin: string;

interface Item { id: string; title: string; suggestionCount: number; suggestionIds: string[] }
interface Lesson { id: string; kind: 'synonym' | 'apart'; terms: string[]; apartFrom?: string[]; source: string; campaignId: string }

const csv = (rows: string[][]) => ['category,content,channel,submittedAt,externalId', ...rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\n');
let ext = 0;
async function newCampaign(title: string): Promise<string> {
  const res = await api.request('POST', '/admin/campaigns', {
    token: admin,
    body: { title, description: '开门纳谏', orgId: 'lj', opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-01-01T00:00:00.000Z', status: 'open' },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}
async function importRows(campaign: string, rows: [string, string][]): Promise<void> {
  const body = csv(rows.map(([category, content]) => [category, content, 'window', '2026-03-01T10:00:00+08:00', `l${++ext}`]));
  const res = await api.request('POST', `/admin/campaigns/${campaign}/suggestions/import`, { token: admin, rawBody: body, headers: { 'content-type': 'text/csv' } });
  expect(res.status).toBe(200);
  expect(res.json.imported).toBe(rows.length);
}
async function items(campaign: string): Promise<Item[]> {
  const res = await api.request('GET', `/admin/campaigns/${campaign}/checklist`, { token: admin });
  expect(res.status).toBe(200);
  return res.json.items as Item[];
}
async function lessons(campaign: string): Promise<Lesson[]> {
  const res = await api.request('GET', `/admin/campaigns/${campaign}/tally-lessons`, { token: admin });
  expect(res.status).toBe(200);
  return res.json.lessons as Lesson[];
}

// Two wordings of one problem that nothing general connects (the thesaurus has no class for plants, and they
// share no word or character), so that only the bureau's lesson joins them.
const wilted: [string, string][] = [['mediation', '调解室的绿萝枯死了'], ['mediation', '调解室绿萝都枯死了']];
const unwatered: [string, string][] = [['mediation', '调解室的盆栽没人浇水'], ['mediation', '调解室盆栽总是没人浇水']];
const later: [string, string][] = [['mediation', '绿萝枯死了'], ['mediation', '盆栽没人浇水']];

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('dev-city-admin');
});
afterAll(() => api?.close());

describe('the tally learns from admins, per bureau, visibly and removably', () => {
  let first: string;
  let learned: Lesson;

  it('a merge records a learned synonym of the bureau', async () => {
    first = await newCampaign('调解室设施意见（一）');
    await importRows(first, [...wilted, ...unwatered]);
    await tallyAndWait(api, first, admin);
    const list = await items(first);
    expect(list).toHaveLength(2);
    expect(await lessons(first)).toEqual([]);
    const res = await api.request('POST', `/admin/checklist-items/${list[0]!.id}/merge`, { token: admin, body: { from: list[1]!.id } });
    expect(res.status).toBe(200);
    const taught = await lessons(first);
    expect(taught).toHaveLength(1);
    learned = taught[0]!;
    expect(learned).toMatchObject({ kind: 'synonym', source: 'merge', campaignId: first });
    expect(learned.terms).toEqual(expect.arrayContaining(['枯死', '盆栽']));
  });

  it('a later campaign of the same bureau groups both wordings at once; removing the lesson undoes that', async () => {
    const second = await newCampaign('调解室设施意见（二）');
    expect((await lessons(second)).map((l) => l.id)).toEqual([learned.id]);
    await importRows(second, later);
    await tallyAndWait(api, second, admin);
    expect(await items(second)).toHaveLength(1);

    const removed = await api.request('DELETE', `/admin/campaigns/${second}/tally-lessons/${learned.id}`, { token: admin });
    expect(removed.status).toBe(200);
    expect(await lessons(second)).toEqual([]);
    const again = await api.request('DELETE', `/admin/campaigns/${second}/tally-lessons/${learned.id}`, { token: admin });
    expectProblem(again, 404, 'NOT_FOUND');

    const third = await newCampaign('调解室设施意见（三）');
    await importRows(third, later);
    await tallyAndWait(api, third, admin);
    expect(await items(third)).toHaveLength(2);
  });

  it('a move records “apart” from the item left (and a synonym with the target)', async () => {
    const c = await newCampaign('调解室设施意见（四）');
    await importRows(c, [['mediation', '调解室空调温度太低很冷'], ['mediation', '调解室空调太冷开得太低'], ['mediation', '调解室空调下面的椅子坏了']]);
    await tallyAndWait(api, c, admin);
    const all = await api.request('GET', `/admin/campaigns/${c}/suggestions?limit=100`, { token: admin });
    const chair = (all.json.items as { id: string; content: string }[]).find((x) => x.content.includes('椅子'))!.id;
    const list = await items(c);
    if (list.find((i) => i.suggestionIds.includes(chair))!.suggestionCount === 1) {
      // Put it with the others first (a move into an item), so that moving it out teaches “apart”.
      const other = list.find((i) => !i.suggestionIds.includes(chair))!;
      expect((await api.request('POST', `/admin/suggestions/${chair}/move`, { token: admin, body: { toItemId: other.id } })).status).toBe(200);
    }
    const res = await api.request('POST', `/admin/suggestions/${chair}/move`, { token: admin, body: {} });
    expect(res.status).toBe(200);
    const taught = await lessons(c);
    expect(taught.some((l) => l.kind === 'apart' && l.source === 'move')).toBe(true);
    for (const l of taught) await api.request('DELETE', `/admin/campaigns/${c}/tally-lessons/${l.id}`, { token: admin });
  });

  it('bad ids get a clear problem and change nothing; another bureau’s admin cannot see them', async () => {
    const bad = expectProblem(await api.request('DELETE', `/admin/campaigns/${first}/tally-lessons/%E5%9D%8F!`, { token: admin }), 400, 'VALIDATION_FAILED');
    expect(bad.detail).toMatch(/[\u4e00-\u9fff]/u);
    expectProblem(await api.request('GET', '/admin/campaigns/nope-404/tally-lessons', { token: admin }), 404, 'NOT_FOUND');
    expectProblem(await api.request('GET', `/admin/campaigns/${first}/tally-lessons`, { token: await api.token('dev-member') }), 403, 'FORBIDDEN');
  });
});

describe('a large import and run', () => {
  it('600 suggestions: the import goes on from where each request stopped; the run hands itself on to new invocations, its progress only grows, and each suggestion is counted once', async () => {
    const c = await newCampaign('大批量归并');
    const problems = ['周末不开门', '收费太贵', '排队太久', '电话打不通', '材料太多来回跑', '预约系统一直转圈'];
    const services = [['notary', '公证处'], ['hotline', '12348热线'], ['legal_aid', '法律援助中心'], ['mediation', '调解委员会']] as const;
    const rows: [string, string][] = [];
    for (let i = 0; i < 600; i++) {
      const [cat, name] = services[i % services.length]!;
      rows.push([cat, `${name}${problems[(i * 7) % problems.length]}，第${i}条`]);
    }
    // One file; the import may write only part of it per request and says where to go on.
    process.env.KAIMEN_IMPORT_BUDGET_MS = '0';
    const file = csv(rows.map(([category, content], i) => [category, content, 'window', '2026-03-01T10:00:00+08:00', `big${i}`]));
    const send = (from?: number) => api.request('POST', `/admin/campaigns/${c}/suggestions/import${from ? `?from=${from}` : ''}`, { token: admin, rawBody: file, headers: { 'content-type': 'text/csv' } });
    let imported = 0;
    let requests = 0;
    try {
      for (let from: number | undefined; ;) {
        const res = await send(from);
        expect(res.status).toBe(200);
        requests += 1;
        imported += res.json.imported as number;
        if (!res.json.remaining) break;
        expect(res.json.nextRow).toBeGreaterThan(from ?? 0);
        expect(res.json.remaining).toBe(600 - res.json.nextRow);
        from = res.json.nextRow as number;
      }
    } finally {
      delete process.env.KAIMEN_IMPORT_BUDGET_MS;
    }
    expect(requests).toBeGreaterThan(1);
    expect(imported).toBe(600);
    // The whole file again: nothing is written twice.
    expect((await send()).json).toMatchObject({ imported: 0, skipped: 600 });
    expectProblem(await send(5000), 400, 'VALIDATION_FAILED');
    expect(await pendingCount(c)).toBe(600);

    // The run over HTTP, made to hand itself on to a fresh invocation after every window of 60, as one
    // near its Lambda's timeout does: read as the console's progress bar reads it.
    process.env.KAIMEN_TALLY_WINDOW = '60';
    process.env.KAIMEN_TALLY_BUDGET_MS = '0';
    const samples: TallyRun[] = [];
    let done: TallyRun;
    try {
      const started = await startTally(api, c, admin);
      expect(started.status).toBe(202);
      const runId = started.json.runId as string;
      // A second request while it runs joins it (one run at a time per campaign).
      const again = await startTally(api, c, admin);
      expect(again.status).toBe(202);
      expect(again.json.runId).toBe(runId);
      // The checklist names the run going on, so that a console page opened now shows its progress.
      const during = await api.request('GET', `/admin/campaigns/${c}/checklist`, { token: admin });
      expect(during.json.run).toMatchObject({ runId, campaignId: c, total: 600 });
      for (;;) {
        const res = await api.request('GET', `/admin/tally-runs/${runId}`, { token: admin });
        expect(res.status).toBe(200);
        samples.push(res.json as TallyRun);
        if (res.json.status === 'done' || res.json.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 10));
      }
      done = samples[samples.length - 1]!;
    } finally {
      delete process.env.KAIMEN_TALLY_WINDOW;
      delete process.env.KAIMEN_TALLY_BUDGET_MS;
    }
    expect(done).toMatchObject({ status: 'done', total: 600, processed: 600 });
    expect(done.invocations).toBeGreaterThanOrEqual(600 / 60);
    // Progress only ever grows, never past the total, and the states go forward only.
    const order = ['queued', 'running', 'done'];
    for (let i = 1; i < samples.length; i++) {
      expect(samples[i]!.processed).toBeGreaterThanOrEqual(samples[i - 1]!.processed);
      expect(order.indexOf(samples[i]!.status)).toBeGreaterThanOrEqual(order.indexOf(samples[i - 1]!.status));
    }
    expect(samples.every((r) => r.processed <= r.total)).toBe(true);
    expect(new Set(samples.map((r) => r.processed)).size).toBeGreaterThan(2);
    // Each suggestion in exactly one item, and nothing left queued.
    const stored = (await allOfCampaign(c)).map((x) => x.id).sort();
    const list = await items(c);
    const ids = list.flatMap((i) => i.suggestionIds);
    expect(ids).toHaveLength(600);
    expect([...ids].sort()).toEqual(stored);
    for (const item of list) expect(item.suggestionCount).toBe(item.suggestionIds.length);
    expect(await pendingCount(c)).toBe(0);
    expect((await api.request('GET', `/admin/campaigns/${c}/checklist`, { token: admin })).json.run).toBeUndefined();
    expect(list.length).toBeLessThanOrEqual(services.length * problems.length * 2);
    // Once it has ended, the next request starts a new run (with nothing to do).
    const next = await startTally(api, c, admin);
    expect(next.json.runId).not.toBe(samples[0]!.runId);
    expect(await waitForRun(api, next.json.runId as string, admin)).toMatchObject({ status: 'done', processed: 0 });
  }, 240_000);

  it('a run that stopped without ending (its invocation lost) is read as failed, and the next request starts afresh', async () => {
    const c = await newCampaign('中断的归并');
    await importRows(c, [...wilted, ...unwatered]);
    // Claimed long ago and never renewed: its Lambda died, or the hand-over to the next one was lost.
    const { run } = await claimRun(c, 'lost-run-1', 4, new Date(Date.now() - LEASE_MS - 60_000));
    const read = await api.request('GET', `/admin/tally-runs/${run.runId}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ status: 'failed', error: ABANDONED_RUN_ERROR, processed: 0 });
    expect(read.json.finishedAt).toEqual(expect.any(String));
    // It stays failed: a late invocation of it does nothing.
    await expect(executeRun({ campaignId: c, runId: run.runId })).rejects.toThrow(/not waiting/);
    const next = await tallyAndWait(api, c, admin);
    expect(next).toMatchObject({ status: 'done', processed: 4 });
    expect(next.runId).not.toBe(run.runId);
    expect((await items(c)).flatMap((i) => i.suggestionIds)).toHaveLength(4);
  });

  it('an invocation delivered twice (asynchronous invocations are at least once) works once: counts not doubled', async () => {
    const c = await newCampaign('重复投递的归并');
    await importRows(c, [...wilted, ...unwatered, ...later]);
    const { run } = await claimRun(c, 'twice-run-1', 6, new Date());
    const [a, b] = await Promise.all([executeRun({ campaignId: c, runId: run.runId }), executeRun({ campaignId: c, runId: run.runId })]);
    expect([a.status, b.status].sort()).toEqual(['done', 'queued']);
    const done = await waitForRun(api, run.runId, admin);
    expect(done).toMatchObject({ status: 'done', processed: 6, total: 6, invocations: 1 });
    const ids = (await items(c)).flatMap((i) => i.suggestionIds);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toHaveLength(6);
  });
});
