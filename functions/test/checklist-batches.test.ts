import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runTally } from '../src/checklist/tally-run';
import { tallyAndWait } from './support/tally';
import { startTestApi, type TestApi } from './support/test-api';

/**
 * The tally commits an item's new members in batches (up to 99 per transaction). These prove the
 * guarantees hold across batch boundaries: runs at once, and a run killed between batches.
 */

let api: TestApi;
let admin: string;
let campaign: string;

const csv = (rows: string[][]) => ['category,content,channel,submittedAt,externalId', ...rows.map((r) => r.join(','))].join('\n');
let ext = 0;
async function importMany(n: number): Promise<void> {
  const phrasings = ['公证处周末不开门上班族没法办', '公证处能不能周六也开一下', '建议公证处延长办公时间到晚上', '12348热线一直占线打不通', '公证费太贵了收费标准也不公示'];
  const rows = Array.from({ length: n }, (_, i) => ['notary', `${phrasings[i % phrasings.length]}第${ext + i}条`, 'window', '2026-03-01T10:00:00+08:00', `b${ext + i}`]);
  ext += n;
  // A busy server writes part of the file per request and says where to go on, as the console follows.
  let imported = 0;
  for (let from = 0; ;) {
    const res = await api.request('POST', `/admin/campaigns/${campaign}/suggestions/import${from ? `?from=${from}` : ''}`, { token: admin, rawBody: csv(rows), headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    imported += res.json.imported as number;
    if (!res.json.remaining) break;
    from = res.json.nextRow as number;
  }
  expect(imported).toBe(n);
}
const tally = () => tallyAndWait(api, campaign, admin);
async function counted() {
  const res = await api.request('GET', `/admin/campaigns/${campaign}/checklist`, { token: admin });
  expect(res.status).toBe(200);
  const items = res.json.items as { suggestionCount: number; suggestionIds: string[] }[];
  const ids = items.flatMap((i) => i.suggestionIds);
  expect(new Set(ids).size).toBe(ids.length);
  for (const item of items) expect(item.suggestionCount).toBe(item.suggestionIds.length);
  return { ids: ids.length, pending: res.json.pending as number, largest: Math.max(0, ...items.map((i) => i.suggestionCount)) };
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('dev-city-admin');
  const res = await api.request('POST', '/admin/campaigns', {
    token: admin,
    body: { title: '批量归并测试', description: '开门纳谏', orgId: 'lj', opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-01-01T00:00:00.000Z', status: 'open' },
  });
  expect(res.status).toBe(201);
  campaign = res.json.id;
});
afterAll(() => api?.close());
afterEach(() => {
  delete process.env.KAIMEN_TALLY_FAIL_AFTER;
});

describe('the tally in batches', () => {
  it('counts every suggestion once when three runs race over items larger than one batch', async () => {
    await importMany(400);
    // Runs of one campaign share a lease; these race as runs would whose leases went stale.
    const runs = await Promise.all([runTally(campaign, new Date()), runTally(campaign, new Date()), runTally(campaign, new Date())]);
    expect(runs.reduce((s, r) => s + r.processed, 0)).toBe(400);
    const after = await counted();
    expect(after).toMatchObject({ ids: 400, pending: 0 });
    expect(after.largest).toBeGreaterThan(99); // at least one item took several batches
  });

  it('finishes correctly after a run killed between two batches of the same item', async () => {
    await importMany(400);
    process.env.KAIMEN_TALLY_FAIL_AFTER = '2';
    expect((await tally()).status).toBe('failed');
    const mid = await counted();
    expect(mid.pending).toBeGreaterThan(0);
    expect(mid.ids + mid.pending).toBe(800);
    delete process.env.KAIMEN_TALLY_FAIL_AFTER;
    expect((await tally())).toMatchObject({ processed: mid.pending });
    expect(await counted()).toMatchObject({ ids: 800, pending: 0 });
  });
});
