import { GetCommand, PutCommand } from '../lib/dynamo';
import {
  censusOf, emptyFigures, gapKindLabels, coverageClassLabels, institutionGap, isWithin, partyOrgGap, rollUp, type GapKind, type InstitutionCensus, type PartyOrgFacts,
} from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict, notFound } from '../lib/problem';
import { getOrg, isActive, orgsUnder, type OrgRecord } from './store';

export interface CensusSnapshot {
  root: OrgRecord;
  orgs: OrgRecord[];
  institutions: InstitutionCensus[];
  partyOrgs: PartyOrgFacts[];
}

export function institutionCensus(o: OrgRecord): InstitutionCensus {
  return censusOf({
    id: o.id, name: o.name, path: o.path, institutionType: o.institutionType ?? 'other', practitioners: o.practitioners ?? 0,
    rosterTotal: o.rosterTotal ?? 0, rosterFull: o.rosterFull ?? 0, rosterProbationary: o.rosterProbationary ?? 0,
    enteredFull: o.enteredFull ?? undefined, enteredProbationary: o.enteredProbationary ?? undefined,
    ownOrgCount: o.ownOrgIds?.length ?? 0, jointOrgCount: o.jointOrgIds?.length ?? 0, hasLiaison: !!o.liaison,
  });
}

/** One Query over the subtree's orgs (institutions carry their counters); members are never read. */
export async function censusSnapshot(root: OrgRecord): Promise<CensusSnapshot> {
  const orgs = (await orgsUnder(root.path)).filter(isActive);
  const institutions = orgs.filter((o) => o.kind === 'institution').map(institutionCensus);
  const byId = new Map(institutions.map((i) => [i.id, i]));
  const partyOrgs = orgs.filter((o) => o.kind === 'party_org').map((o) => {
    // A joint branch's size: its roster, or the census members of the institutions it covers, whichever is larger.
    const covered = (o.institutionIds ?? []).reduce((n, id) => n + (byId.get(id)?.members ?? 0), 0);
    return { id: o.id, name: o.name, path: o.path, partyOrgType: o.partyOrgType ?? 'branch', memberCount: Math.max(o.memberCount ?? 0, o.partyOrgType === 'joint_branch' ? covered : 0) };
  });
  return { root, orgs, institutions, partyOrgs };
}

export interface GapView {
  id: string;
  kind: GapKind;
  institutionId: string;
  name: string;
  path: string;
  expected: string;
  actual: string;
  detail: string;
  deadline: string;
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
  closedAt?: string;
  closedBy?: string;
  note?: string;
}

/** Gaps are due by the end of March after they are found (the seeds' 3 月底前). */
export function defaultDeadline(now: Date): string {
  const y = now.getUTCMonth() < 3 ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
  return `${y}-03-31`;
}

export function currentGaps(s: CensusSnapshot, now: Date): GapView[] {
  const out: GapView[] = [];
  for (const c of s.institutions) {
    const kind = institutionGap(c);
    if (!kind) continue;
    out.push({
      id: `${c.id}.${kind}`, kind, institutionId: c.id, name: c.name, path: c.path, expected: c.expected, actual: c.actual,
      detail: `${gapKindLabels[kind]}：正式党员 ${c.fullMembers} 名，应${coverageClassLabels[c.expected]}，现为${coverageClassLabels[c.actual]}`,
      deadline: defaultDeadline(now), status: 'open',
    });
  }
  for (const p of s.partyOrgs) {
    const kind = partyOrgGap(p);
    if (!kind) continue;
    out.push({
      id: `${p.id}.${kind}`, kind, institutionId: p.id, name: p.name, path: p.path, expected: 'own', actual: 'joint',
      detail: `${gapKindLabels[kind]}：现有党员 ${p.memberCount} 名，应调整为单独组建或设立党总支`, deadline: defaultDeadline(now), status: 'open',
    });
  }
  return out;
}

interface GapState { id: string; path: string; kind: GapKind; deadline?: string; status: 'open' | 'in_progress' | 'closed'; closedAt?: string; closedBy?: string; note?: string; history: unknown[]; name: string }

async function gapStatesUnder(path: string): Promise<GapState[]> {
  const items = await queryAll({
    IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.gapsInTree().gsi2pk, ':p': path },
  });
  return items as unknown as GapState[];
}

/** Current gaps with their recorded deadline and status, plus recorded ones that no longer hold (resolved, or closed). */
export async function gapsOf(s: CensusSnapshot, now: Date): Promise<GapView[]> {
  const states = new Map((await gapStatesUnder(s.root.path)).map((g) => [g.id, g]));
  const current = currentGaps(s, now);
  const out: GapView[] = current.map((g) => {
    const st = states.get(g.id);
    return st ? { ...g, deadline: st.deadline ?? g.deadline, status: st.status === 'closed' ? 'open' : st.status, ...(st.note ? { note: st.note } : {}) } : g;
  });
  const live = new Set(current.map((g) => g.id));
  for (const st of states.values()) {
    if (live.has(st.id)) continue;
    const [institutionId] = st.id.split('.');
    out.push({
      id: st.id, kind: st.kind, institutionId: institutionId!, name: st.name, path: st.path, expected: '', actual: '',
      detail: st.status === 'closed' ? `${gapKindLabels[st.kind]}（已销号）` : `${gapKindLabels[st.kind]}（已整改，待销号）`,
      deadline: st.deadline ?? defaultDeadline(now), status: st.status === 'closed' ? 'closed' : 'resolved',
      ...(st.closedAt ? { closedAt: st.closedAt } : {}), ...(st.closedBy ? { closedBy: st.closedBy } : {}), ...(st.note ? { note: st.note } : {}),
    });
  }
  return out;
}

/** Sets a gap's deadline or status; closing (销号) is allowed only once the gap no longer holds, and is recorded. */
export async function updateGap(
  gapId: string, body: { status?: 'open' | 'in_progress' | 'closed' | undefined; deadline?: string | undefined; note?: string | undefined },
  by: string, scopePath: string, now: Date,
): Promise<GapView> {
  const [subjectId, kind] = gapId.split('.') as [string, GapKind];
  const subject = await getOrg(subjectId);
  if (!subject || !isWithin(subject.path, scopePath)) throw notFound('缺口不存在或不在您的管理范围内');
  const scopeOrg = subject.kind === 'party_org' && subject.parentId ? ((await getOrg(subject.parentId)) ?? subject) : subject;
  const snapshot = await censusSnapshot(scopeOrg);
  const stillThere = currentGaps(snapshot, now).find((g) => g.id === gapId);
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.gapState(gapId), ConsistentRead: true }));
  const prev = Item as GapState | undefined;
  if (!stillThere && !prev) throw notFound('缺口不存在');
  if (body.status === 'closed' && stillThere) throw conflict(`缺口尚未消除，不能销号：${stillThere.detail}`);
  if (prev?.status === 'closed' && body.status !== 'open' && body.status !== undefined) throw conflict('缺口已销号');
  const at = now.toISOString();
  const next: GapState = {
    id: gapId, kind, path: subject.path, name: subject.name, history: [...(prev?.history ?? [])],
    status: body.status ?? prev?.status ?? 'open',
    ...((body.deadline ?? prev?.deadline) ? { deadline: body.deadline ?? prev?.deadline } : {}),
    ...((body.note ?? prev?.note) ? { note: body.note ?? prev?.note } : {}),
    ...(body.status === 'closed' ? { closedAt: at, closedBy: by } : {}),
  };
  next.history.push({ at, by, status: next.status, deadline: next.deadline ?? null, note: body.note ?? null });
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.gapState(gapId), ...keys.gapsInTree(), ...keys.gapTreeSort(subject.path, kind), type: 'gap', ...next } }));
  const views = await gapsOf(snapshot, now);
  return views.find((v) => v.id === gapId)!;
}

export function coverageOf(s: CensusSnapshot, gaps: GapView[]) {
  const figures = rollUp(s.root.path, s.institutions, s.partyOrgs);
  const at = (id: string) => figures.get(id) ?? emptyFigures();
  const children = s.orgs.filter((o) => o.parentId === s.root.id && o.kind !== 'party_org');
  const depth = (path: string) => path.split('/').length;
  return {
    orgId: s.root.id, name: s.root.name, ...at(s.root.id),
    gaps: gaps.filter((g) => g.status !== 'closed'),
    children: children.map((c) => ({ id: c.id, name: c.name, kind: c.kind, ...at(c.id) })),
    /** The institutions directly under this org (or the institution itself), for the drill-down's last step. */
    institutionRows: s.institutions.filter((i) => i.id === s.root.id || depth(i.path) - depth(s.root.path) === 1).map((i) => ({
      id: i.id, name: i.name, institutionType: i.institutionType, practitioners: i.practitioners, members: i.members, fullMembers: i.fullMembers,
      source: i.source, expected: i.expected, actual: i.actual,
    })),
  };
}
