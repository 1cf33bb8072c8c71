import { TransactWriteCommand, UpdateCommand, TransactionCanceledException } from '../lib/dynamo';
import {
  bureauLevels, childPath, isWithin, levelOf, mayContain, type BureauLevel, type Infer, type OrgLevel, type routes,
} from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { newId } from '../lib/ids';
import { conflict, forbidden, notFound, validationFailed } from '../lib/problem';
import { assertInScope } from '../lib/scope';
import type { Principal } from '../lib/tokens';
import { getOrg, isActive, orgItem, orgsUnder, type OrgRecord } from './store';

type CreateBody = Infer<typeof routes.createOrg.body>;
type PatchBody = Infer<typeof routes.patchOrg.body>;
type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

const invalid = (path: string, message: string) => validationFailed(message, [{ path, message }]);

export async function managedOrg(p: Principal, id: string): Promise<OrgRecord> {
  const org = await getOrg(id, true);
  if (!org) throw notFound('组织不存在');
  assertInScope(p, org.path, '这个组织不在您所管理的范围内');
  return org;
}

/** Party orgs count as an institution's own branch when they cover it alone and are not a joint branch. */
export function coversAlone(o: Pick<OrgRecord, 'partyOrgType' | 'institutionIds'>): boolean {
  return o.partyOrgType !== 'joint_branch' && (o.institutionIds?.length ?? 0) === 1;
}

function coverageItems(o: OrgRecord, sign: 1 | -1): TransactItem[] {
  if (o.kind !== 'party_org' || !isActive(o)) return [];
  const attr = coversAlone(o) ? 'ownOrgIds' : 'jointOrgIds';
  return (o.institutionIds ?? []).map((id) => ({
    Update: {
      TableName: table(), Key: keys.org(id), ConditionExpression: 'attribute_exists(pk)',
      UpdateExpression: `${sign > 0 ? 'ADD' : 'DELETE'} ${attr} :s`, ExpressionAttributeValues: { ':s': new Set([o.id]) },
    },
  }));
}

function historyItem(orgId: string, at: string, n: number, action: string, by: string, change: Record<string, unknown>): TransactItem {
  return { Put: { TableName: table(), Item: { ...keys.orgHistory(orgId, at, n), type: 'orgHistory', at, action, by, change } } };
}

async function commit(items: TransactItem[]): Promise<void> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (err) {
    if (err instanceof TransactionCanceledException) throw conflict('组织在此期间已被修改，请刷新后重试');
    throw err;
  }
}

async function checkInstitutions(p: Principal, ids: string[] | undefined, parent: OrgRecord, type: string | undefined): Promise<string[]> {
  if (parent.kind === 'institution') {
    if (ids && (ids.length !== 1 || ids[0] !== parent.id)) throw invalid('institutionIds', '设在机构内的党组织只覆盖该机构');
    return [parent.id];
  }
  const unique = [...new Set(ids ?? [])];
  if (type === 'joint_branch' && unique.length < 2) throw invalid('institutionIds', '联合党支部应覆盖至少 2 家机构');
  for (const id of unique) {
    const inst = await getOrg(id);
    if (!inst || inst.kind !== 'institution' || !isActive(inst)) throw invalid('institutionIds', `机构 ${id} 不存在或已撤销`);
    if (!p.orgPath || !isWithin(inst.path, p.orgPath)) throw forbidden(`机构“${inst.name}”不在您所管理的范围内`);
  }
  return unique;
}

function childBureauLevel(parent: OrgRecord): BureauLevel {
  const i = bureauLevels.indexOf(parent.bureauLevel ?? 'county');
  return bureauLevels[Math.min(i + 1, bureauLevels.length - 1)]!;
}

function levelOfNew(kind: string, body: { partyOrgType?: string | undefined }, parent: OrgRecord): OrgLevel {
  if (kind === 'bureau') return childBureauLevel(parent);
  if (kind === 'party_org') return (body.partyOrgType ?? 'branch') as OrgLevel;
  return 'institution';
}

const kindWords: Record<string, string> = { bureau: '司法局', institution: '执业机构', party_org: '党组织' };

export async function createOrg(p: Principal, body: CreateBody, now: Date): Promise<OrgRecord> {
  const parent = await managedOrg(p, body.parentId);
  if (!isActive(parent)) throw conflict(`上级组织“${parent.name}”已撤销，不能在其下新建组织`);
  const level = levelOfNew(body.kind, body, parent);
  if (body.kind === 'bureau' && parent.kind === 'bureau' && parent.bureauLevel === 'county') throw invalid('kind', '县（区）司法局下不能再设司法局');
  if (!mayContain(levelOf(parent), level)) throw invalid('kind', `“${parent.name}”下不能设立${kindWords[body.kind]}`);
  if (body.kind !== 'institution' && (body.practitioners !== undefined || body.institutionType || body.licenceNumber)) {
    throw invalid('institutionType', '执业机构类型、从业人员数、执业许可证号只适用于执业机构');
  }
  if (body.kind === 'institution' && !body.institutionType) throw invalid('institutionType', '请选择机构类型');
  const id = newId(now.getTime());
  const at = now.toISOString();
  const org: OrgRecord = {
    id, name: body.name, kind: body.kind, parentId: parent.id, path: childPath(parent.path, id), status: 'active', createdAt: at, updatedAt: at,
    ...(body.kind === 'bureau' ? { bureauLevel: level as BureauLevel } : {}),
    ...(body.kind === 'institution' ? {
      institutionType: body.institutionType!, practitioners: body.practitioners ?? 0, rosterTotal: 0, rosterFull: 0, rosterProbationary: 0,
      ...(body.address ? { address: body.address } : {}), ...(body.licenceNumber ? { licenceNumber: body.licenceNumber } : {}),
      ...(body.liaison ? { liaison: body.liaison } : {}),
      ...(body.enteredFull != null ? { enteredFull: body.enteredFull } : {}), ...(body.enteredProbationary != null ? { enteredProbationary: body.enteredProbationary } : {}),
    } : {}),
    ...(body.kind === 'party_org' ? {
      partyOrgType: level as OrgRecord['partyOrgType'], memberCount: 0,
      institutionIds: await checkInstitutions(p, body.institutionIds, parent, level),
    } : {}),
  };
  await commit([
    { Put: { TableName: table(), Item: orgItem(org), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...coverageItems(org, 1),
    historyItem(id, at, 0, 'create', p.name, { name: org.name, parentId: parent.id }),
  ]);
  return org;
}

/** Renames, edits facts, moves (`parentId`) or closes/reopens (`status`); every change is written to the org's history. */
export async function patchOrg(p: Principal, id: string, body: PatchBody, now: Date): Promise<OrgRecord> {
  const before = await managedOrg(p, id);
  if (before.path === p.orgPath && (body.parentId || body.status)) throw forbidden('不能移动或撤销您自己所在的组织');
  const at = now.toISOString();
  const after: OrgRecord = { ...before, updatedAt: at };
  const change: Record<string, unknown> = {};
  const set = <K extends keyof OrgRecord>(k: K, v: OrgRecord[K] | undefined) => {
    if (v === undefined || JSON.stringify(before[k]) === JSON.stringify(v)) return;
    change[k] = { from: before[k] ?? null, to: v };
    after[k] = v;
  };
  set('name', body.name);
  if (before.kind === 'institution') {
    set('institutionType', body.institutionType); set('address', body.address); set('practitioners', body.practitioners);
    set('licenceNumber', body.licenceNumber); set('liaison', body.liaison); set('enteredFull', body.enteredFull); set('enteredProbationary', body.enteredProbationary);
  } else if (body.institutionType || body.practitioners !== undefined || body.liaison !== undefined || body.enteredFull !== undefined) {
    throw invalid('institutionType', '这些字段只适用于执业机构');
  }
  if (before.kind === 'party_org') {
    const parent = before.parentId ? await getOrg(before.parentId) : undefined;
    if (body.partyOrgType && body.partyOrgType !== before.partyOrgType) {
      if (parent && !mayContain(levelOf(parent), body.partyOrgType)) throw invalid('partyOrgType', `“${parent.name}”下不能设立这类党组织`);
      set('partyOrgType', body.partyOrgType);
    }
    if (body.institutionIds && parent) set('institutionIds', await checkInstitutions(p, body.institutionIds, parent, after.partyOrgType));
  }
  if (body.status && body.status !== (before.status ?? 'active')) {
    if (body.status === 'closed') await assertClosable(before);
    set('status', body.status);
    if (body.status === 'closed') after.closedAt = at;
    else delete after.closedAt;
  }
  let moveTo: OrgRecord | undefined;
  if (body.parentId && body.parentId !== before.parentId) {
    moveTo = await managedOrg(p, body.parentId);
    if (isWithin(moveTo.path, before.path)) throw invalid('parentId', '不能把组织移到它自己或它的下级组织之下');
    if (!isActive(moveTo)) throw conflict(`“${moveTo.name}”已撤销，不能移入`);
    if (!mayContain(levelOf(moveTo), levelOf(before))) throw invalid('parentId', `“${moveTo.name}”下不能设立${kindWords[before.kind]}`);
    if (before.kind === 'party_org' && moveTo.kind === 'institution' && !(after.institutionIds ?? []).every((i) => i === moveTo!.id)) {
      throw invalid('parentId', '移入机构的党组织只能覆盖该机构');
    }
    if (before.kind === 'bureau' && moveTo.kind === 'bureau' && before.bureauLevel !== childBureauLevel(moveTo)) {
      throw invalid('parentId', '司法局只能移到上一级司法局之下');
    }
    change.parentId = { from: before.parentId, to: moveTo.id };
    after.parentId = moveTo.id;
    after.path = childPath(moveTo.path, before.id);
  }
  if (!Object.keys(change).length) return before;
  await commit([
    updateItem(before, after),
    ...coverageItems(before, -1),
    ...coverageItems(after, 1),
    historyItem(id, at, 0, moveTo ? 'move' : body.status === 'closed' ? 'close' : body.status === 'active' ? 'reopen' : 'edit', p.name, change),
  ]);
  if (moveTo) await repath(before.path, after.path);
  return after;
}

/** Only the changed attributes are set, so the counters kept on the same item by other writes are never overwritten. */
function updateItem(before: OrgRecord, after: OrgRecord): TransactItem {
  const item = orgItem(after) as Record<string, unknown>;
  const old = orgItem(before) as Record<string, unknown>;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':u': before.updatedAt ?? '' };
  const sets: string[] = [];
  const removes: string[] = [];
  const fields = ['name', 'parentId', 'path', 'status', 'closedAt', 'updatedAt', 'institutionType', 'address', 'practitioners', 'licenceNumber', 'liaison',
    'enteredFull', 'enteredProbationary', 'partyOrgType', 'institutionIds', 'gsi1pk', 'gsi1sk', 'gsi2sk'];
  fields.forEach((f, i) => {
    if (JSON.stringify(item[f]) === JSON.stringify(old[f])) return;
    names[`#f${i}`] = f;
    if (item[f] === undefined) removes.push(`#f${i}`);
    else { sets.push(`#f${i} = :v${i}`); values[`:v${i}`] = item[f]; }
  });
  return {
    Update: {
      TableName: table(), Key: keys.org(before.id),
      UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].join(' ').trim(),
      ConditionExpression: 'attribute_not_exists(updatedAt) OR updatedAt = :u',
      ExpressionAttributeNames: names, ExpressionAttributeValues: values,
    },
  };
}

async function assertClosable(o: OrgRecord): Promise<void> {
  const open = (await orgsUnder(o.path)).filter((c) => c.id !== o.id && isActive(c));
  if (open.length) throw conflict(`“${o.name}”下还有 ${open.length} 个未撤销的组织，请先撤销或移走`);
  if ((o.rosterTotal ?? 0) > 0) throw conflict(`“${o.name}”名册中还有 ${o.rosterTotal} 人，请先办理离开或转接`);
  if ((o.memberCount ?? 0) > 0) throw conflict(`“${o.name}”还有 ${o.memberCount} 名党员，请先办理组织关系转接`);
}

/**
 * After a move, every org, roster entry and gap below the old path takes the new one. Each item is
 * updated on its own and only when it still carries the old path, so a retried move finishes the job.
 */
async function repath(oldPath: string, newPath: string): Promise<void> {
  for (const [partition, pathAttr] of [['ORGS', 'path'], ['ROSTER', 'orgPath'], ['GAPS', 'path']] as const) {
    const items = await queryAll({
      IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :p)',
      ExpressionAttributeValues: { ':pk': partition, ':p': oldPath },
    });
    for (const it of items) {
      const current = it[pathAttr] as string;
      if (!current?.startsWith(oldPath)) continue;
      await db().send(new UpdateCommand({
        TableName: table(), Key: { pk: it.pk, sk: it.sk },
        UpdateExpression: `SET #p = :np, gsi2sk = :sk`, ConditionExpression: '#p = :op',
        ExpressionAttributeNames: { '#p': pathAttr },
        ExpressionAttributeValues: { ':np': newPath + current.slice(oldPath.length), ':op': current, ':sk': newPath + (it.gsi2sk as string).slice(oldPath.length) },
      }));
    }
  }
}

export async function orgHistory(id: string) {
  const p = keys.orgHistoryPrefix(id);
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': p.pk, ':sk': p.skPrefix } });
  return items.map((i) => ({ at: i.at as string, action: i.action as string, by: i.by as string, change: (i.change ?? {}) as Record<string, unknown> }));
}
