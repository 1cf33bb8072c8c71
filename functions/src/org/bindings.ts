import { DEFAULT_LIMIT, XLSX_MEDIA_TYPE, formatCode, isWithin } from '@kaimen/shared';
import { orgRoutes as routes } from '@kaimen/shared/org/routes';
import { bind, FileReply, Reply, type Binding } from '../lib/api';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { conflict, forbidden } from '../lib/problem';
import { readSheet } from '../lib/sheets';
import type { Principal } from '../lib/tokens';
import { issueBindingCode } from '../auth/store';
import { censusSnapshot, coverageOf, gapsOf, updateGap } from './census';
import { censusWorkbook } from './census-sheet';
import { createOrg, managedOrg, orgHistory, patchOrg } from './manage';
import { attendeeIds, batchGet, memberPageUnder, membersUnder, type Member } from './member-store';
import { createMember, importRoster, managedMember, memberDetail, memberLeaves, memberView, patchMember, transferMember } from './roster';
import { rosterTemplate } from './template';
import { getOrg, listChildren, type OrgRecord } from './store';

function detailOf(o: OrgRecord, children: OrgRecord[], ancestors: { id: string; name: string }[]) {
  const { ownOrgIds: _own, jointOrgIds: _joint, rosterFull: _f, rosterProbationary: _p, ...rest } = o;
  return {
    ...rest, status: o.status ?? 'active', ancestors,
    children: children.map((c) => ({
      id: c.id, kind: c.kind, name: c.name, status: c.status ?? 'active',
      ...(c.institutionType ? { institutionType: c.institutionType } : {}), ...(c.partyOrgType ? { partyOrgType: c.partyOrgType } : {}),
      ...(c.bureauLevel ? { bureauLevel: c.bureauLevel } : {}),
    })),
  };
}

async function fullDetail(p: Principal, o: OrgRecord) {
  const scopeDepth = (p.orgPath ?? '').split('/').filter(Boolean).length;
  const ids = o.path.split('/').filter(Boolean).slice(Math.max(0, scopeDepth - 1), -1);
  const ancestors = (await Promise.all(ids.map((id) => getOrg(id)))).filter((x): x is OrgRecord => !!x).map((a) => ({ id: a.id, name: a.name }));
  return detailOf(o, await listChildren(o.id), ancestors);
}

async function namesOf(members: Member[]): Promise<Map<string, string>> {
  const ids = [...new Set(members.flatMap((m) => [m.institutionId, m.partyOrgId]).filter((x): x is string => !!x))];
  const orgs = await batchGet(ids.map((id) => ({ pk: `ORG#${id}`, sk: 'ORG' })));
  return new Map(orgs.map((o) => [o.id as string, o.name as string]));
}

/** Secretaries manage their own branch's roster; admins everything under their org. */
async function rosterScope(p: Principal, orgId: string): Promise<OrgRecord> {
  const org = await managedOrg(p, orgId);
  if (!p.roles.includes('admin') && org.kind !== 'party_org') throw forbidden('支部书记只能查看本支部的名册');
  return org;
}

export const bindings: Binding[] = [
  bind(routes.getOrg, async ({ params, principal }) => fullDetail(principal, await managedOrg(principal, params.orgId))),

  bind(routes.createOrg, async ({ body, principal, now }) => {
    const org = await createOrg(principal, body, now);
    return new Reply(201, await fullDetail(principal, org));
  }),

  bind(routes.patchOrg, async ({ params, body, principal, now }) => fullDetail(principal, await patchOrg(principal, params.orgId, body, now))),

  bind(routes.orgHistory, async ({ params, principal }) => {
    await managedOrg(principal, params.orgId);
    return { items: await orgHistory(params.orgId) };
  }),

  bind(routes.importRoster, async ({ params, raw, principal, now }) => {
    const scope = await managedOrg(principal, params.orgId);
    if (scope.status === 'closed') throw conflict('组织已撤销，不能导入名册');
    const { transactions: _t, ...result } = await importRoster(principal, scope, await readSheet(raw!.contentType, raw!.bytes), now);
    return result;
  }),

  bind(routes.rosterTemplate, async () => new FileReply(await rosterTemplate(), XLSX_MEDIA_TYPE, '人员名册模板.xlsx')),

  bind(routes.listMembers, async ({ params, query, principal }) => {
    const org = await rosterScope(principal, params.orgId);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const { items, last } = await memberPageUnder(org.path, {
      partyOrgId: query.partyOrgId, status: query.status, bound: query.bound === undefined ? undefined : query.bound === 'true', includeLeft: query.includeLeft === 'true',
    }, limit, decodeCursor(query.cursor, ['pk', 'sk', 'gsi2pk', 'gsi2sk']));
    const names = await namesOf(items);
    return { items: await Promise.all(items.map((m) => memberView(m, names))), nextCursor: encodeCursor(last) };
  }),

  bind(routes.listAttendees, async ({ params, principal }) => {
    const org = await rosterScope(principal, params.orgId);
    const ids = await attendeeIds(org.id);
    const members = (await batchGet(ids.map((id) => ({ pk: `USER#${id}`, sk: 'USER' })))) as unknown as Member[];
    const names = await namesOf(members);
    return { items: await Promise.all(members.filter((m) => m.active).map((m) => memberView(m, names, true))) };
  }),

  bind(routes.createMember, async ({ body, principal, now }) => new Reply(201, await memberDetail(await createMember(principal, body, now)))),
  bind(routes.getMember, async ({ params, principal }) => memberDetail(await managedMember(principal, params.memberId))),
  bind(routes.patchMember, async ({ params, body, principal, now }) => memberDetail(await patchMember(principal, await managedMember(principal, params.memberId), body, now))),
  bind(routes.memberLeaves, async ({ params, body, principal, now }) => memberDetail(await memberLeaves(principal, await managedMember(principal, params.memberId), body, now))),
  bind(routes.transferMember, async ({ params, body, principal, now }) => memberDetail(await transferMember(principal, await managedMember(principal, params.memberId), body, now))),

  bind(routes.bindingSheet, async ({ params, principal, now }) => {
    const org = await rosterScope(principal, params.orgId);
    const members = (await membersUnder(org.path)).filter((m) => m.active && isWithin(m.orgPath ?? '', org.path));
    const unbound = members.filter((m) => !m.openid);
    const items = [];
    for (const m of unbound) {
      const { code, expiresAt } = await issueBindingCode(m.id, now);
      items.push({ memberId: m.id, name: m.name, bindingCode: formatCode(code), expiresAt });
    }
    return new Reply(201, { orgId: org.id, orgName: org.name, alreadyBound: members.length - unbound.length, items });
  }),

  bind(routes.orgCoverage, async ({ params, principal, now }) => {
    const snapshot = await censusSnapshot(await managedOrg(principal, params.orgId));
    return coverageOf(snapshot, await gapsOf(snapshot, now));
  }),

  bind(routes.listGaps, async ({ params, query, principal, now }) => {
    const snapshot = await censusSnapshot(await managedOrg(principal, params.orgId));
    const gaps = await gapsOf(snapshot, now);
    return { items: query.status ? gaps.filter((g) => g.status === query.status) : gaps };
  }),

  bind(routes.patchGap, async ({ params, body, principal, now }) => {
    if (!principal.orgPath) throw forbidden();
    return updateGap(params.gapId, body, principal.name, principal.orgPath, now);
  }),

  bind(routes.censusWorkbook, async ({ params, principal }) => {
    const org = await managedOrg(principal, params.orgId);
    return new FileReply(await censusWorkbook(await censusSnapshot(org)), XLSX_MEDIA_TYPE, `${org.name}摸底调查表.xlsx`);
  }),
];
