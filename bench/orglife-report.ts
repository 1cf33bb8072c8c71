/**
 * Monthly reports of a province (standalone: `npx tsx bench/orglife-report.ts [counties] [branches]`):
 * 2 cities × 10 counties × 50 branches (8 members each) with a year of organisation life. One county's
 * meetings go through the real write path (`createMeeting`: meeting, check-in code and aggregates in one
 * transaction); the rest are bulk-loaded with aggregates counted by `recount`'s rule. Then the November
 * reports of a county and of the province are assembled from the per-period aggregates and compared,
 * figure by figure, with a recount that reads every meeting of the year (the baseline). Prints markdown.
 */
import { BatchWriteCommand } from '../functions/src/lib/dynamo';
import { childPath, defaultFrequencies, meetingTypes, monthOf, windowKeysOf, type MeetingType } from '@kaimen/shared';
import { ensureTable, startDynamoLocal } from '../scripts/lib/dynamo-local';
import { freePort } from '../scripts/lib/ports';
import { countRequests } from './lib/request-count';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const countiesPerCity = Number(process.argv[2] ?? 10);
const branchesPerCounty = Number(process.argv[3] ?? 50);
const MEMBERS = 8;
const YEAR = 2026;
const MONTH = '2026-11';
const now = new Date('2026-12-03T02:00:00.000Z');

const dynamo = await startDynamoLocal(await freePort(), null);
const tableName = 'kaimen-bench-orglife';
await ensureTable(dynamo.endpoint, tableName);
Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, STAGE: 'local' });

const { db, table } = await import('../functions/src/lib/db');
const { keys } = await import('../functions/src/db/keys');
const { orgItem } = await import('../functions/src/org/store');
const { userItem } = await import('../functions/src/auth/store');
const { createMeeting, meetingItem, meetingsOf } = await import('../functions/src/orglife/meeting-store');
const { assembleFigures } = await import('../functions/src/orglife/figures');
const { coverageOf } = await import('../functions/src/orglife/census');
const { partyOrgsUnder } = await import('../functions/src/orglife/party-orgs');
const { rulesOf } = await import('../functions/src/orglife/rules-store');
type MeetingRecord = import('../functions/src/orglife/meeting-store').MeetingRecord;
type OrgRecord = import('../functions/src/org/store').OrgRecord;

const requests = countRequests(db());

async function batchPut(items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, unknown> | undefined = { [table()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (pending && Object.keys(pending).length) {
      const res = (await db().send(new BatchWriteCommand({ RequestItems: pending as never }))) as { UnprocessedItems?: Record<string, unknown> };
      pending = res.UnprocessedItems;
    }
  }
}

// A deterministic random: the same province every run.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

/** A branch's year: most types as required, some branches skipping some months (so some fall behind). */
function yearOf(branch: OrgRecord, members: { userId: string; name: string }[], n: number): MeetingRecord[] {
  const out: MeetingRecord[] = [];
  const lazy = rand() < 0.15;
  for (const type of meetingTypes) {
    const f = defaultFrequencies[type];
    const times = f.every === 'month' ? 12 : f.every === 'quarter' ? 4 : 1;
    for (let k = 0; k < times; k++) {
      if (lazy && rand() < 0.3) continue;
      const month = f.every === 'month' ? k + 1 : f.every === 'quarter' ? k * 3 + 1 + Math.floor(rand() * 3) : 6 + Math.floor(rand() * 6);
      if (month > 11) continue; // up to November: the month being reported
      const heldAt = new Date(Date.UTC(YEAR, month - 1, 3 + Math.floor(rand() * 24), 1 + Math.floor(rand() * 8))).toISOString();
      const present = members.filter(() => rand() < 0.85);
      out.push({
        id: `${branch.id}-${type}-${k}`, orgId: branch.id, orgPath: branch.path, orgName: branch.name, type, status: 'held', heldAt, place: '会议室',
        topic: `${type} ${month} 月`, presider: members[0]!, attendees: present.map((p) => ({ ...p, guest: false })), absences: [],
        rosterSize: members.length, minutes: '<p>会议记录</p>', photos: [], checkInCode: `B${String(n).padStart(6, '0')}T${meetingTypes.indexOf(type)}K${k}`,
        createdAt: heldAt, createdBy: members[0]!.userId, version: 1,
      });
    }
  }
  return out;
}

/** Aggregate items of bulk-loaded meetings, by the same rule the write path keeps (see recount.ts). */
function aggregateItems(meetings: MeetingRecord[]) {
  const agg = new Map<string, Record<string, unknown>>();
  for (const m of meetings) {
    for (const w of windowKeysOf(monthOf(m.heldAt))) {
      const k = `${m.orgId}|${w}`;
      const a = agg.get(k) ?? { ...keys.orgLifeAggregate(m.orgId, w), ...keys.aggregatesOfWindow(w), gsi2sk: m.orgPath, orgId: m.orgId, window: w, type: 'orgLifeAggregate', meetings: 0, attended: 0, expected: 0 };
      a[`n_${m.type}`] = Number(a[`n_${m.type}`] ?? 0) + 1;
      a.meetings = (a.meetings as number) + 1;
      a.attended = (a.attended as number) + m.attendees.length;
      a.expected = (a.expected as number) + m.rosterSize;
      agg.set(k, a);
    }
  }
  return [...agg.values()];
}

const t0 = performance.now();
const province: OrgRecord = { id: 'p', name: '江南省司法厅', kind: 'bureau', bureauLevel: 'province', parentId: null, path: childPath(null, 'p') };
const orgs: OrgRecord[] = [province];
const branches: { org: OrgRecord; countyId: string }[] = [];
for (let c = 1; c <= 2; c++) {
  const city: OrgRecord = { id: `c${c}`, name: `第${c}市司法局`, kind: 'bureau', bureauLevel: 'city', parentId: 'p', path: childPath(province.path, `c${c}`) };
  orgs.push(city);
  for (let k = 1; k <= countiesPerCity; k++) {
    const county: OrgRecord = { id: `c${c}k${k}`, name: `第${c}市第${k}县司法局`, kind: 'bureau', bureauLevel: 'county', parentId: city.id, path: childPath(city.path, `c${c}k${k}`) };
    orgs.push(county);
    for (let b = 1; b <= branchesPerCounty; b++) {
      const inst: OrgRecord = { id: `${county.id}i${b}`, name: `机构${b}`, kind: 'institution', parentId: county.id, path: childPath(county.path, `${county.id}i${b}`) };
      const branch: OrgRecord = { id: `${inst.id}b`, name: `机构${b}党支部`, kind: 'party_org', partyOrgType: 'branch', parentId: inst.id, path: childPath(inst.path, `${inst.id}b`) };
      orgs.push(inst, branch);
      branches.push({ org: branch, countyId: county.id });
    }
  }
}
await batchPut(orgs.map(orgItem));
const users: Record<string, unknown>[] = [];
const membersOf = new Map<string, { userId: string; name: string }[]>();
for (const { org } of branches) {
  const ms = Array.from({ length: MEMBERS }, (_, i) => ({ userId: `${org.id}m${i}`, name: `党员${i}` }));
  membersOf.set(org.id, ms);
  for (const m of ms) users.push(userItem({ id: m.userId, name: m.name, roles: ['member'], orgId: org.id, orgPath: org.path, createdAt: now.toISOString() }));
}
await batchPut(users);

const realCounty = 'c1k1';
let realTx = 0;
let bulk: MeetingRecord[] = [];
let meetingCount = 0;
for (const [n, { org, countyId }] of branches.entries()) {
  const year = yearOf(org, membersOf.get(org.id)!, n);
  meetingCount += year.length;
  if (countyId === realCounty) {
    for (const m of year) {
      await createMeeting(m, Date.parse(m.heldAt) + 6 * 3_600_000);
      realTx++;
    }
  } else bulk.push(...year);
  if (bulk.length > 5000) {
    await batchPut([...bulk.map(meetingItem), ...aggregateItems(bulk)].map((i) => i));
    bulk = [];
  }
}
// Aggregates of a branch are whole per branch: bulk batches never split one branch's year.
await batchPut([...bulk.map(meetingItem), ...aggregateItems(bulk)]);
const loadSeconds = (performance.now() - t0) / 1000;

const rules = await rulesOf('p');
const county = orgs.find((o) => o.id === realCounty)!;

async function measure<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; requests: number; byKind: string }> {
  requests.clear();
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  return { value, ms, requests: requests.total(), byKind: requests.breakdown() };
}

/** The baseline: org-life figures of the month counted from every meeting of the year under the org. */
async function recountOrgLife(root: OrgRecord) {
  const partyOrgs = await partyOrgsUnder(root.path);
  const held = Object.fromEntries(meetingTypes.map((t) => [t, 0])) as Record<MeetingType, number>;
  let attended = 0;
  let expected = 0;
  for (let i = 0; i < partyOrgs.length; i += 16) {
    await Promise.all(partyOrgs.slice(i, i + 16).map(async (o) => {
      for (const m of await meetingsOf(o.id, `${YEAR - 1}-12-31T16:00:00.000Z`, `${YEAR}-12-31T16:00:00.000Z`)) {
        const month = monthOf(m.heldAt);
        for (const t of [m.type]) {
          const every = rules.frequencies[t].every;
          const sameWindow = windowKeysOf(month).includes(windowKeysOf(MONTH)[['month', 'quarter', 'year'].indexOf(every)]!);
          if (sameWindow) held[t]++;
        }
        if (month === MONTH) {
          attended += m.attendees.length;
          expected += m.rosterSize;
        }
      }
    }));
  }
  return { held, attended, expected };
}

const rows: string[] = [];
let exact = true;
for (const [label, org] of [[`county (${branchesPerCounty} branches)`, county], [`province (${branches.length.toLocaleString('en')} branches)`, province]] as const) {
  const report = await measure(() => assembleFigures(org, MONTH, rules, now));
  const partyOrgs = await partyOrgsUnder(org.path);
  const census = await measure(async () => coverageOf(org, partyOrgs, new Map()));
  const base = await measure(() => recountOrgLife(org));
  const same = meetingTypes.every((t) => base.value.held[t] === report.value.orgLife.held[t])
    && base.value.attended === report.value.orgLife.attended && base.value.expected === report.value.orgLife.expected;
  exact &&= same;
  rows.push(`| ${label} | ${(report.ms / 1000).toFixed(2)} s | ${report.requests} (${report.byKind}) | of which census: ${census.requests} requests, ${(census.ms / 1000).toFixed(2)} s | ${(base.ms / 1000).toFixed(2)} s | ${base.requests} | ${(base.ms / report.ms).toFixed(1)}× | ${same ? 'exact' : '**DIFFERS**'} |`);
}

console.log([
  '## Monthly report of a province (organisation-life aggregates)', '',
  `2 cities × ${countiesPerCity} counties × ${branchesPerCounty} branches × ${MEMBERS} members; ${meetingCount.toLocaleString('en')} meetings in ${YEAR} up to November `
  + `(${realTx.toLocaleString('en')} of them, one county's, through \`createMeeting\`'s transaction; the rest bulk-loaded). Loading took ${loadSeconds.toFixed(0)} s. `
  + 'Report of November assembled in process against DynamoDB Local in memory; the baseline recounts the org-life figures from every meeting of the year.', '',
  '| report | assemble (aggregates) | DynamoDB requests | census placeholder (included) | recount baseline | baseline requests | baseline / aggregates | org-life figures vs recount |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
].join('\n'));
await dynamo.stop();
if (!exact) process.exit(1);
