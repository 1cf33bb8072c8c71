// Imports a roster of 20,000 members across 2,000 institutions (one province, 2 cities, 20 counties)
// into DynamoDB Local, then computes the province's coverage figures from the counters and, as the
// baseline in the same process, by reading every member. Prints times and DynamoDB requests.
// Run: npx tsx bench/orgs-import.ts   (BENCH_ORG_INSTITUTIONS / BENCH_ORG_PER_INSTITUTION override 2000 / 10)
import { BatchWriteCommand } from '../functions/src/lib/dynamo';
import { childPath } from '@kaimen/shared';
import { ensureTable, startDynamoLocal } from '../scripts/lib/dynamo-local';
import { freePort } from '../scripts/lib/ports';
import { ms } from './lib/stats';
import { countRequests } from './lib/request-count';

const INSTITUTIONS = Number(process.env.BENCH_ORG_INSTITUTIONS ?? 2000);
const PER_INSTITUTION = Number(process.env.BENCH_ORG_PER_INSTITUTION ?? 10);
const COUNTIES = 20;

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const dynamo = await startDynamoLocal(await freePort(), null);
const tableName = 'kaimen-bench-orgs';
await ensureTable(dynamo.endpoint, tableName);
Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, STAGE: 'test', LOG_LEVEL: 'ERROR' });

try {
  const { db, table } = await import('../functions/src/lib/db');
  const { orgItem } = await import('../functions/src/org/store');
  const { importRoster } = await import('../functions/src/org/roster');
  const { censusSnapshot, coverageOf, gapsOf } = await import('../functions/src/org/census');
  const { membersUnder } = await import('../functions/src/org/member-store');
  const { getOrg } = await import('../functions/src/org/store');
  const { censusOf, rollUp } = await import('@kaimen/shared');

  const requests = countRequests(db());
  const { total: counted, breakdown } = requests;

  // The tree (set-up, not measured): province → 2 cities → 20 counties → 2,000 institutions, half with a branch.
  const at = new Date().toISOString();
  const orgs: Parameters<typeof orgItem>[0][] = [{ id: 'bp', name: '基准省司法厅', kind: 'bureau', bureauLevel: 'province', parentId: null, path: '/bp/', status: 'active', createdAt: at }];
  for (let c = 0; c < 2; c++) orgs.push({ id: `bc${c}`, name: `基准市${c}司法局`, kind: 'bureau', bureauLevel: 'city', parentId: 'bp', path: `/bp/bc${c}/`, status: 'active', createdAt: at });
  for (let k = 0; k < COUNTIES; k++) orgs.push({ id: `bk${k}`, name: `基准县${k}司法局`, kind: 'bureau', bureauLevel: 'county', parentId: `bc${k % 2}`, path: `/bp/bc${k % 2}/bk${k}/`, status: 'active', createdAt: at });
  for (let i = 0; i < INSTITUTIONS; i++) {
    const county = orgs[3 + (i % COUNTIES)]!;
    const id = `bi${i}`;
    const path = childPath(county.path, id);
    const withBranch = i % 2 === 0;
    orgs.push({ id, name: `基准机构${i}`, kind: 'institution', institutionType: 'law_firm', parentId: county.id, path, practitioners: PER_INSTITUTION, status: 'active', createdAt: at,
      rosterTotal: 0, rosterFull: 0, rosterProbationary: 0, ...(withBranch ? { ownOrgIds: [`bb${i}`] } : {}) });
    if (withBranch) orgs.push({ id: `bb${i}`, name: `基准机构${i}党支部`, kind: 'party_org', partyOrgType: 'branch', parentId: id, path: childPath(path, `bb${i}`), institutionIds: [id], memberCount: 0, status: 'active', createdAt: at });
  }
  for (let i = 0; i < orgs.length; i += 25) {
    await db().send(new BatchWriteCommand({ RequestItems: { [table()]: orgs.slice(i, i + 25).map((o) => ({ PutRequest: { Item: orgItem(o) } })) } }));
  }

  const statuses = ['正式党员', '正式党员', '正式党员', '预备党员', '入党积极分子', '群众', '群众', '群众', '群众', '群众'];
  const cells: string[][] = [['姓名', '性别', '出生年月', '手机号', '所在单位', '党组织', '身份', '职务']];
  for (let i = 0; i < INSTITUTIONS; i++) {
    for (let j = 0; j < PER_INSTITUTION; j++) {
      const n = i * PER_INSTITUTION + j;
      const status = statuses[(i + j) % statuses.length]!;
      const party = status === '正式党员' || status === '预备党员';
      cells.push([`人员${n}`, n % 2 ? '女' : '男', `${1960 + (n % 40)}-${String(1 + (n % 12)).padStart(2, '0')}`, `139${String(n).padStart(8, '0')}`,
        `基准机构${i}`, party && i % 2 === 0 ? `基准机构${i}党支部` : '', status, '律师']);
    }
  }
  const sheet = cells.map((c, i) => ({ row: i + 1, cells: c }));
  const principal = { userId: 'bench', name: '基准管理员', roles: ['admin' as const], orgId: 'bp', orgPath: '/bp/', openid: 'bench' };
  const province = (await getOrg('bp'))!;

  requests.clear();
  let t = performance.now();
  const result = await importRoster(principal, province, sheet, new Date());
  const importMs = performance.now() - t;
  const importRequests = counted();
  const importBreakdown = breakdown();

  requests.clear();
  t = performance.now();
  const again = await importRoster(principal, province, sheet, new Date());
  const reimportMs = performance.now() - t;
  const reimportRequests = counted();

  requests.clear();
  t = performance.now();
  const snapshot = await censusSnapshot(province);
  const coverage = coverageOf(snapshot, await gapsOf(snapshot, new Date()));
  const coverageMs = performance.now() - t;
  const coverageRequests = counted();

  // Baseline: the same figures by reading every member of the province.
  requests.clear();
  t = performance.now();
  const members = (await membersUnder('/bp/')).filter((m) => m.active);
  const perInst = new Map<string, { total: number; full: number; probationary: number }>();
  for (const m of members) {
    const c = perInst.get(m.institutionId) ?? { total: 0, full: 0, probationary: 0 };
    c.total++;
    if (m.status === 'full') c.full++;
    if (m.status === 'probationary') c.probationary++;
    perInst.set(m.institutionId, c);
  }
  const recount = rollUp('/bp/', snapshot.orgs.filter((o) => o.kind === 'institution').map((o) => {
    const c = perInst.get(o.id) ?? { total: 0, full: 0, probationary: 0 };
    return censusOf({ id: o.id, name: o.name, path: o.path, institutionType: 'law_firm', practitioners: o.practitioners ?? 0, rosterTotal: c.total, rosterFull: c.full,
      rosterProbationary: c.probationary, ownOrgCount: o.ownOrgIds?.length ?? 0, jointOrgCount: 0, hasLiaison: false });
  }), []).get('bp')!;
  const baselineMs = performance.now() - t;
  const baselineRequests = counted();
  const exact = recount.members === coverage.members && recount.fullMembers === coverage.fullMembers && recount.practitioners === coverage.practitioners
    && JSON.stringify(recount.byClass) === JSON.stringify(coverage.byClass);

  const rows = INSTITUTIONS * PER_INSTITUTION;
  console.log(`## orgs-import — roster of ${rows.toLocaleString('en')} members across ${INSTITUTIONS.toLocaleString('en')} institutions\n`);
  console.log('| step | time | DynamoDB requests | result |');
  console.log('| --- | ---: | ---: | --- |');
  console.log(`| import (all new) | ${ms(importMs)} | ${importRequests} (${importBreakdown}) | ${result.imported} imported, ${result.transactions} transactions |`);
  console.log(`| re-import (same file) | ${ms(reimportMs)} | ${reimportRequests} | ${again.unchanged} unchanged, ${again.imported} imported, ${again.updated} updated |`);
  console.log(`| province coverage from counters | ${ms(coverageMs)} | ${coverageRequests} | ${coverage.institutions} institutions, ${coverage.members} members, ${coverage.gaps.length} gaps |`);
  console.log(`| baseline: recount reading every member | ${ms(baselineMs)} | ${baselineRequests} | ${members.length} members read |`);
  console.log(`\nCoverage from counters takes ${(coverageMs / baselineMs).toFixed(2)}× the time and ${(coverageRequests / baselineRequests).toFixed(2)}× the requests of the recount; figures equal: ${exact ? 'yes' : 'NO'}.`);
  if (!exact) process.exitCode = 1;
} finally {
  await dynamo.stop();
}
