import { BatchWriteCommand } from '../lib/dynamo';
import { audienceProblem, isPartyOrg, type Audience } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { notFound, validationFailed } from '../lib/problem';
import { assertInScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { batchGet, isRosterEntry, membersUnder, type Member } from '../org/member-store';
import { getOrg, orgsUnder, type OrgRecord } from '../org/store';

/** One person asked to file, or to be talked with: the unit they are counted in is their institution (单位). */
export interface Person {
  userId: string;
  name: string;
  orgPath: string;
  unitId: string;
  unitName: string;
}

/** The publishing org: the caller's own org or one under it, not a Party org. */
export async function publishingOrg(principal: Principal, orgId: string): Promise<OrgRecord> {
  const org = await getOrg(orgId);
  if (!org || org.status === 'closed') throw notFound('组织不存在');
  assertInScope(principal, org.path, '只能以本单位或下级单位的名义发布');
  if (isPartyOrg(org)) throw validationFailed('请以司法局或执业机构的名义发布', [{ path: 'orgId', message: '请选择司法局或执业机构' }]);
  return org;
}

/**
 * Everyone the audience names: the active roster of an org subtree, or chosen people, all within the
 * publishing org. Chinese errors per field when something is outside it or the set is empty.
 */
export async function resolveAudience(org: OrgRecord, audience: Audience): Promise<Person[]> {
  const problem = audienceProblem(audience);
  if (problem) throw validationFailed(problem, [{ path: 'audience', message: problem }]);
  const orgs = await orgsUnder(org.path);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  let members: Member[];
  if (audience.orgId) {
    const scope = orgs.find((o) => o.id === audience.orgId);
    if (!scope) throw validationFailed('填报范围不在发布单位之内', [{ path: 'audience.orgId', message: '请选择发布单位或其下级组织' }]);
    members = (await membersUnder(scope.path)).filter((m) => m.active !== false);
  } else {
    const ids = [...new Set(audience.memberIds!)];
    const found = new Map((await batchGet(ids.map((id) => keys.user(id)))).map((u) => [u.id as string, u]));
    const errors = ids.flatMap((id, i) => {
      const u = found.get(id) as unknown as Member | undefined;
      if (!isRosterEntry(u) || u.active === false) return [{ path: `audience.memberIds.${i}`, message: '名册中没有这个人' }];
      if (!u.orgPath?.startsWith(org.path)) return [{ path: `audience.memberIds.${i}`, message: `${u.name}不在发布单位之内` }];
      return [];
    });
    if (errors.length) throw validationFailed('指定的人员有误', errors);
    members = ids.map((id) => found.get(id) as unknown as Member);
  }
  if (members.length === 0) throw validationFailed('所选范围内没有人员', [{ path: 'audience', message: '所选组织的名册是空的' }]);
  return members.map((m) => {
    const unitId = m.institutionId ?? m.orgId ?? org.id;
    return { userId: m.id, name: m.name, orgPath: m.orgPath ?? org.path, unitId, unitName: names.get(unitId) ?? unitId };
  });
}

/** Writes many items, 25 at a time, retrying what DynamoDB leaves unprocessed. */
export async function batchPut(items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('batch write left items unprocessed');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const res = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: requests } }));
      requests = (res.UnprocessedItems?.[table()] ?? []) as typeof requests;
    }
  }
}
