import { GetCommand } from '../lib/dynamo';
import { bureauLevelOf, isPartyOrg, normalisedKind, type InstitutionType, type Org } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { rarelyChanging } from '../lib/rarely-changing';

export interface Liaison {
  name: string;
  role: 'liaison' | 'instructor';
  since?: string;
}

export interface OrgRecord extends Org {
  status?: 'active' | 'closed';
  closedAt?: string;
  createdAt?: string;
  updatedAt?: string;
  /** Institution facts (摸底调查). */
  address?: string;
  practitioners?: number;
  licenceNumber?: string;
  liaison?: Liaison | null;
  enteredFull?: number | null;
  enteredProbationary?: number | null;
  /** Roster counters of an institution, kept in the same transactions as the members. */
  rosterTotal?: number;
  rosterFull?: number;
  rosterProbationary?: number;
  /** Active party orgs covering an institution on their own / jointly, kept with the party orgs' writes. */
  ownOrgIds?: string[];
  jointOrgIds?: string[];
  /** Party members (full + probationary) whose branch this party org is. */
  memberCount?: number;
}

export async function getOrg(id: string, consistent = false): Promise<OrgRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.org(id), ConsistentRead: consistent }));
  return Item ? toOrg(Item) : undefined;
}

export async function listChildren(parentId: string): Promise<OrgRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.orgChildren(parentId).gsi1pk },
  });
  return items.map(toOrg);
}

/** Every org at and under a path, in one paginated Query (the census reads institutions and party orgs, never members). */
export async function orgsUnder(path: string): Promise<OrgRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':pk': keys.orgsInTree().gsi2pk, ':path': path },
  });
  return items.map(toOrg);
}

export function orgItem(o: OrgRecord) {
  return {
    ...keys.org(o.id),
    ...(o.parentId ? { ...keys.orgChildren(o.parentId), ...keys.orgChildSort(o.kind, o.name, o.id) } : {}),
    // Every org, Party orgs included, sits in the one subtree index (O1); organisation life filters it for Party orgs.
    ...keys.orgsInTree(), ...keys.orgTreeSort(o.path),
    type: 'org',
    ...o,
    // Coverage sets are DynamoDB string sets (ADD/DELETE by party-org writes); an empty set cannot be stored.
    ownOrgIds: o.ownOrgIds?.length ? new Set(o.ownOrgIds) : undefined,
    jointOrgIds: o.jointOrgIds?.length ? new Set(o.jointOrgIds) : undefined,
  };
}

const optional = ['status', 'closedAt', 'createdAt', 'updatedAt', 'address', 'practitioners', 'licenceNumber', 'liaison', 'enteredFull',
  'enteredProbationary', 'rosterTotal', 'rosterFull', 'rosterProbationary', 'ownOrgIds', 'jointOrgIds', 'memberCount',
  'bureauLevel', 'institutionType', 'partyOrgType', 'institutionIds'] as const;

export function toOrg(item: Record<string, unknown>): OrgRecord {
  const o = normalisedKind({ kind: item.kind as string, bureauLevel: item.bureauLevel as string | undefined, partyOrgType: item.partyOrgType as string | undefined });
  const out: OrgRecord = {
    id: item.id as string,
    name: item.name as string,
    kind: o.kind,
    parentId: (item.parentId as string | null) ?? null,
    path: item.path as string,
  };
  for (const k of optional) if (item[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = item[k] instanceof Set ? [...(item[k] as Set<string>)] : item[k];
  if (o.bureauLevel) out.bureauLevel = o.bureauLevel;
  if (o.partyOrgType) out.partyOrgType = o.partyOrgType;
  if (out.kind === 'institution') out.institutionType ??= 'other' as InstitutionType;
  return out;
}

export const isActive = (o: OrgRecord) => o.status !== 'closed';

/** Whether the public may name an org as the unit a suggestion is about: bureaus and institutions, not Party orgs. */
export function isReportableUnit(o: { kind: string }): boolean {
  return !isPartyOrg(o);
}

/**
 * The bureaus and institutions at and below an org, breadth first (Party organisations left out: the
 * public names the office that served them, not its Party branch). `kind` is the bureau's level
 * (province/city/county) or `institution`. One Query over the subtree, however many institutions.
 */
export async function unitsUnder(rootId: string): Promise<{ id: string; name: string; kind: string; parentName: string | null }[]> {
  const root = await getOrg(rootId);
  if (!root) return [];
  const kindOf = (o: OrgRecord) => bureauLevelOf(o) ?? o.kind;
  const all = await orgsUnder(root.path);
  const hidden = new Set(all.filter((o) => o.id !== root.id && (isPartyOrg(o) || !isActive(o))).map((o) => o.id));
  const orgs = all.filter((o) => !o.path.split('/').some((id) => hidden.has(id)));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const depth = (o: OrgRecord) => o.path.split('/').length;
  return orgs
    .sort((a, b) => depth(a) - depth(b) || (a.id === root.id ? -1 : b.id === root.id ? 1 : 0))
    .map((o) => ({ id: o.id, name: o.name, kind: kindOf(o), parentName: o.id === root.id ? null : (byId.get(o.parentId ?? '')?.name ?? null) }));
}

/** An org and everything under it, branches included, shallowest first (one Query over the subtree). */
export async function subtree(rootId: string): Promise<OrgRecord[]> {
  const root = await getOrg(rootId);
  if (!root) return [];
  const depth = (o: OrgRecord) => o.path.split('/').length;
  return [root, ...(await orgsUnder(root.path)).filter((o) => o.id !== root.id).sort((a, b) => depth(a) - depth(b))];
}

/** The org as a public route checks it (a suggestion's unit): up to a minute old (see lib/rarely-changing). */
export function recentOrg(id: string): Promise<OrgRecord | undefined> {
  return rarelyChanging(`org#${id}`, () => getOrg(id));
}
