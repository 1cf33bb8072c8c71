import { PutCommand, DeleteCommand } from '../lib/dynamo';
import { isWithin, maskPhone, validateRosterRows, type Infer, type MemberStatus, type RosterRow, type RosterRowError, type routes } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { newId } from '../lib/ids';
import { conflict, forbidden, notFound, validationFailed } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import type { SheetRow } from '../lib/sheets';
import { getOrg, isActive, orgsUnder, type OrgRecord } from './store';
import { getMember, memberRecords, membersByPhone, rolesFor, writeMembers, type Member, type MemberChange, type MemberRecordEntry } from './member-store';

const invalid = (path: string, message: string) => validationFailed(message, [{ path, message }]);

/** A party org takes members of the institutions it covers (its parent institution, or those it lists). */
export function partyOrgCovers(po: OrgRecord, institutionId: string): boolean {
  return po.parentId === institutionId || (po.institutionIds ?? []).includes(institutionId);
}

function placed(m: Omit<Member, 'orgId' | 'orgPath'>, inst: OrgRecord, po: OrgRecord | null): Member {
  return { ...m, orgId: po?.id ?? inst.id, orgPath: po?.path ?? inst.path } as Member;
}

function sameFacts(a: Member, b: Member): boolean {
  const f = (m: Member) => JSON.stringify([m.name, m.gender, m.birthMonth, m.phone, m.institutionId, m.partyOrgId, m.status, m.position, m.active, m.roles]);
  return f(a) === f(b);
}

/**
 * Imports a roster into the institutions and party orgs under `scope`: every row is checked first
 * (its fields, its unit and party org by name, a phone already on another unit's roster outside
 * the scope) and any error rejects the whole file. A person already on the roster (same phone) is
 * updated, never duplicated.
 */
export async function importRoster(p: Principal, scope: OrgRecord, sheet: SheetRow[], now: Date) {
  const { rows, errors } = validateRosterRows(sheet.map((r) => r.cells), sheet.map((r) => r.row), now);
  if (errors.length && errors[0]!.row === 0) throw rejected(errors);
  const orgs = (await orgsUnder(scope.path)).filter(isActive);
  const byName = (kind: string) => {
    const m = new Map<string, OrgRecord[]>();
    for (const o of orgs.filter((x) => x.kind === kind)) m.set(o.name, [...(m.get(o.name) ?? []), o]);
    return m;
  };
  const institutions = byName('institution');
  const partyOrgs = byName('party_org');
  const existing = await membersByPhone(rows.map((r) => r.phone));
  const changes: MemberChange[] = [];
  let unchanged = 0;
  const at = now.toISOString();
  for (const r of rows) {
    const found = institutions.get(r.institution);
    const problems: string[] = [];
    if (!found) problems.push(`所在单位“${r.institution}”不在${scope.name}的组织树中，请先建立该机构或核对名称`);
    else if (found.length > 1) problems.push(`所在单位“${r.institution}”有重名，请先在组织树中改名区分`);
    const poFound = r.partyOrg ? partyOrgs.get(r.partyOrg) : undefined;
    if (r.partyOrg && !poFound) problems.push(`党组织“${r.partyOrg}”不在${scope.name}的组织树中`);
    else if (poFound && poFound.length > 1) problems.push(`党组织“${r.partyOrg}”有重名`);
    const inst = found?.length === 1 ? found[0]! : null;
    const po = poFound?.length === 1 ? poFound[0]! : null;
    if (inst && po && !partyOrgCovers(po, inst.id)) problems.push(`党组织“${po.name}”不覆盖单位“${inst.name}”，请核对或先调整党组织覆盖的机构`);
    const before = existing.get(r.phone);
    if (before && (!before.orgPath || !isWithin(before.orgPath, scope.path))) {
      problems.push(`手机号 ${maskPhone(r.phone)} 已在${scope.name}以外的单位登记，请由原单位办理组织关系转出`);
    }
    if (problems.length) {
      errors.push({ row: r.row, message: problems.join('；') });
      continue;
    }
    const after = toMember(r, inst!, po, before, at);
    if (before && sameFacts(before, after)) {
      unchanged++;
      continue;
    }
    const moved = before && (before.institutionId !== after.institutionId || before.partyOrgId !== after.partyOrgId);
    changes.push({
      ...(before ? { before } : {}), after,
      ...(moved ? { record: { at, date: at.slice(0, 10), kind: 'transfer', note: `名册导入：${inst!.name}${po ? ` · ${po.name}` : ''}`, by: p.name } satisfies MemberRecordEntry } : {}),
    });
  }
  if (errors.length) throw rejected(errors.sort((a, b) => a.row - b.row));
  const { transactions } = await writeMembers(changes);
  return { imported: changes.filter((c) => !c.before).length, updated: changes.filter((c) => c.before).length, unchanged, errors: [], transactions };
}

function rejected(errors: RosterRowError[]) {
  const problem = validationFailed(
    errors[0]!.row === 0 || errors.length === 1 && errors[0]!.message.startsWith('表头') ? errors[0]!.message : `名册中有 ${errors.length} 行有误，未导入任何人员，请修改后重新上传`,
    errors.map((e) => ({ path: `rows[${e.row}]`, row: e.row, message: e.message })),
  );
  Object.assign(problem.problem, { imported: 0, updated: 0 });
  return problem;
}

function toMember(r: RosterRow, inst: OrgRecord, po: OrgRecord | null, before: Member | undefined, at: string): Member {
  return placed({
    id: before?.id ?? newId(Date.parse(at)),
    name: r.name, gender: r.gender, birthMonth: r.birthMonth, phone: r.phone, institutionId: inst.id, partyOrgId: po?.id ?? null,
    status: r.status, position: r.position, roles: rolesFor(r.status, r.position, po?.id ?? null, before?.roles),
    active: true, version: (before?.version ?? 0) + 1, createdAt: before?.createdAt ?? at, updatedAt: at,
    ...(before?.openid ? { openid: before.openid } : {}), ...(before?.attendOrgIds ? { attendOrgIds: before.attendOrgIds } : {}),
  }, inst, po);
}

/** A member the caller manages (their org is inside the caller's scope). */
export async function managedMember(p: Principal, id: string): Promise<Member> {
  const m = await getMember(id);
  if (!m) throw notFound('名册中找不到这名人员');
  if (!p.orgPath || !m.orgPath || !isWithin(m.orgPath, p.orgPath)) throw forbidden('这名人员不在您所管理的组织范围内');
  return m;
}

async function placement(p: Principal, institutionId: string, partyOrgId: string | null | undefined) {
  const inst = await getOrg(institutionId);
  if (!inst || inst.kind !== 'institution' || !isActive(inst)) throw invalid('institutionId', '所在单位不存在或已撤销');
  if (!p.orgPath || !isWithin(inst.path, p.orgPath)) throw forbidden(`“${inst.name}”不在您所管理的组织范围内`);
  let po: OrgRecord | null = null;
  if (partyOrgId) {
    po = (await getOrg(partyOrgId)) ?? null;
    if (!po || po.kind !== 'party_org' || !isActive(po)) throw invalid('partyOrgId', '党组织不存在或已撤销');
    if (!isWithin(po.path, p.orgPath)) throw forbidden(`“${po.name}”不在您所管理的组织范围内`);
    if (!partyOrgCovers(po, inst.id)) throw invalid('partyOrgId', `党组织“${po.name}”不覆盖单位“${inst.name}”`);
  }
  return { inst, po };
}

function notInFuture(date: string, now: Date) {
  if (date > now.toISOString().slice(0, 10)) throw invalid('date', '日期不能晚于今天');
}

async function phoneFree(phone: string, selfId?: string) {
  const other = (await membersByPhone([phone])).get(phone);
  if (other && other.id !== selfId) throw conflict(`手机号 ${maskPhone(phone)} 已登记在名册中（${other.name}），同一人只能登记一次`);
}

type CreateBody = Infer<typeof routes.createMember.body>;
type PatchBody = Infer<typeof routes.patchMember.body>;

export async function createMember(p: Principal, body: CreateBody, now: Date): Promise<Member> {
  const { inst, po } = await placement(p, body.institutionId, body.partyOrgId);
  if (po && body.status === 'none') throw invalid('partyOrgId', '群众不能填写所在党组织');
  if (body.birthMonth > now.toISOString().slice(0, 7)) throw invalid('birthMonth', '出生年月不能晚于当前月份');
  await phoneFree(body.phone);
  const at = now.toISOString();
  const m = placed({
    id: newId(now.getTime()), name: body.name, gender: body.gender, birthMonth: body.birthMonth, phone: body.phone, institutionId: inst.id,
    partyOrgId: po?.id ?? null, status: body.status, position: body.position ?? null, roles: rolesFor(body.status, body.position ?? null, po?.id ?? null),
    active: true, version: 1, createdAt: at, updatedAt: at,
  }, inst, po);
  await writeMembers([{ after: m, record: { at, date: at.slice(0, 10), kind: 'join', note: `登记：${inst.name}${po ? ` · ${po.name}` : ''}`, by: p.name } }]);
  return m;
}

export async function patchMember(p: Principal, m: Member, body: PatchBody, now: Date): Promise<Member> {
  if (body.birthMonth && body.birthMonth > now.toISOString().slice(0, 7)) throw invalid('birthMonth', '出生年月不能晚于当前月份');
  if (body.phone && body.phone !== m.phone) await phoneFree(body.phone, m.id);
  const status: MemberStatus = body.status ?? m.status;
  if (status === 'none' && m.partyOrgId) throw invalid('status', '群众不能隶属党组织，请先办理组织关系转出');
  const at = now.toISOString();
  const position = body.position === undefined ? m.position : body.position;
  const after: Member = {
    ...m, ...(body.name ? { name: body.name } : {}), ...(body.gender ? { gender: body.gender } : {}), ...(body.birthMonth ? { birthMonth: body.birthMonth } : {}),
    ...(body.phone ? { phone: body.phone } : {}), status, position, roles: rolesFor(status, position, m.partyOrgId, m.roles),
    version: m.version + 1, updatedAt: at,
  };
  if (body.attendOrgIds) {
    const ids = [...new Set(body.attendOrgIds)];
    for (const id of ids) {
      const o = await getOrg(id);
      if (!o || o.kind !== 'party_org' || !isActive(o)) throw invalid('attendOrgIds', `党组织 ${id} 不存在或已撤销`);
      if (id === m.partyOrgId) throw invalid('attendOrgIds', '不能把本人隶属的党组织列为参加组织生活的其他党组织');
    }
    after.attendOrgIds = ids;
  }
  const changed = Object.entries(body).filter(([k, v]) => v !== undefined && JSON.stringify((m as unknown as Record<string, unknown>)[k]) !== JSON.stringify(v)).map(([k]) => k);
  if (!changed.length) return m;
  await writeMembers([{ before: m, after, record: { at, date: at.slice(0, 10), kind: 'edit', note: `修改：${changed.join('、')}`, by: p.name } }]);
  for (const id of after.attendOrgIds ?? []) {
    await db().send(new PutCommand({ TableName: table(), Item: { ...keys.attendee(id, m.id), type: 'attendee', memberId: m.id, name: after.name } }));
  }
  for (const id of (m.attendOrgIds ?? []).filter((x) => !(after.attendOrgIds ?? []).includes(x))) {
    await db().send(new DeleteCommand({ TableName: table(), Key: keys.attendee(id, m.id) }));
  }
  return after;
}

export async function memberLeaves(p: Principal, m: Member, body: { date: string; reason: string }, now: Date): Promise<Member> {
  notInFuture(body.date, now);
  if (!m.active) throw conflict('这名人员已办理离开');
  const at = now.toISOString();
  const after: Member = { ...m, active: false, leftAt: body.date, version: m.version + 1, updatedAt: at };
  await writeMembers([{ before: m, after, record: { at, date: body.date, kind: 'leave', note: body.reason, by: p.name } }]);
  return after;
}

export async function transferMember(
  p: Principal, m: Member, body: { date: string; toPartyOrgId?: string | null | undefined; toInstitutionId?: string | undefined; note?: string | undefined }, now: Date,
): Promise<Member> {
  notInFuture(body.date, now);
  if (!m.active) throw conflict('这名人员已办理离开，不能转接');
  if (body.toPartyOrgId === undefined && !body.toInstitutionId) throw invalid('toPartyOrgId', '请选择转入的党组织或机构');
  const institutionId = body.toInstitutionId ?? m.institutionId;
  const partyOrgId = body.toPartyOrgId === undefined ? m.partyOrgId : body.toPartyOrgId;
  if (institutionId === m.institutionId && partyOrgId === m.partyOrgId) throw invalid('toPartyOrgId', '转入的党组织与现在相同');
  if (partyOrgId && m.status === 'none') throw invalid('toPartyOrgId', '群众不能转入党组织');
  const { inst, po } = await placement(p, institutionId, partyOrgId);
  const at = now.toISOString();
  const after = placed({
    ...m, institutionId: inst.id, partyOrgId: po?.id ?? null, roles: rolesFor(m.status, m.position, po?.id ?? null, m.roles.filter((r) => r === 'admin')),
    version: m.version + 1, updatedAt: at,
  }, inst, po);
  const from = m.partyOrgId ? (await getOrg(m.partyOrgId))?.name : (await getOrg(m.institutionId))?.name;
  await writeMembers([{ before: m, after, record: { at, date: body.date, kind: 'transfer', note: `由${from ?? '原组织'}转入${po?.name ?? inst.name}${body.note ? `：${body.note}` : ''}`, by: p.name } }]);
  return after;
}

export async function memberView(m: Member, names: Map<string, string>, attending = false) {
  return {
    id: m.id, name: m.name, gender: m.gender, phone: maskPhone(m.phone), institutionId: m.institutionId ?? null,
    ...(names.get(m.institutionId) ? { institutionName: names.get(m.institutionId)! } : {}),
    partyOrgId: m.partyOrgId ?? null, ...(m.partyOrgId && names.get(m.partyOrgId) ? { partyOrgName: names.get(m.partyOrgId)! } : {}),
    status: m.status, position: m.position ?? null, bound: !!m.openid, active: m.active, ...(attending ? { attending: true } : {}),
  };
}

/** The detail an admin opens: the full phone and birth month (never in lists), and the dated records. */
export async function memberDetail(m: Member) {
  const names = new Map<string, string>();
  for (const id of [m.institutionId, m.partyOrgId].filter((x): x is string => !!x)) names.set(id, (await getOrg(id))?.name ?? id);
  return { ...(await memberView(m, names)), phone: m.phone, birthMonth: m.birthMonth, attendOrgIds: m.attendOrgIds ?? [], records: await memberRecords(m.id) };
}
