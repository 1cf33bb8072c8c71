import type { BureauLevel, Org, OrgLevel, PartyOrgType } from './tree';

/**
 * The one place that knows how an org's kind is stored. Other features ask these questions instead of
 * comparing `kind` themselves; rows written before the census feature (kinds province/city/county/branch)
 * read the same as new ones.
 */
type OrgLike = Pick<Org, 'kind'> & { bureauLevel?: BureauLevel | undefined; partyOrgType?: PartyOrgType | undefined };
type Stored = { kind: string; bureauLevel?: string | undefined; partyOrgType?: string | undefined };

const legacyBureaus = new Set(['province', 'city', 'county']);

export function isBureau(o: Stored): boolean {
  return o.kind === 'bureau' || legacyBureaus.has(o.kind);
}

export function isInstitution(o: Stored): boolean {
  return o.kind === 'institution';
}

export function isPartyOrg(o: Stored): boolean {
  return o.kind === 'party_org' || o.kind === 'branch';
}

/** A Party organisation whose members meet as one branch (党支部, 联合党支部, 特设党支部): it holds a roster. */
export function isBranch(o: Stored): boolean {
  return isPartyOrg(o) && ['branch', 'joint_branch', 'special', undefined].includes(partyOrgTypeOf(o));
}

export function bureauLevelOf(o: Stored): BureauLevel | undefined {
  if (o.kind === 'bureau') return o.bureauLevel as BureauLevel | undefined;
  return legacyBureaus.has(o.kind) ? (o.kind as BureauLevel) : undefined;
}

export function partyOrgTypeOf(o: Stored): PartyOrgType | undefined {
  if (o.kind === 'branch') return 'branch';
  return o.kind === 'party_org' ? ((o.partyOrgType as PartyOrgType | undefined) ?? 'branch') : undefined;
}

/** The level used by the tree rules (`mayContain`). */
export function levelOf(o: Stored): OrgLevel {
  if (isBureau(o)) return bureauLevelOf(o) ?? 'county';
  if (isPartyOrg(o)) return partyOrgTypeOf(o) ?? 'branch';
  return 'institution';
}

/** A stored org in today's shape (kind bureau/institution/party_org with its level or type). */
export function normalisedKind<T extends Stored>(o: T): T & OrgLike {
  if (o.kind === 'branch') return { ...o, kind: 'party_org', partyOrgType: o.partyOrgType ?? 'branch' } as T & OrgLike;
  if (legacyBureaus.has(o.kind)) return { ...o, kind: 'bureau', bureauLevel: o.kind } as T & OrgLike;
  return o as T & OrgLike;
}

export const bureauLevelLabels: Record<BureauLevel, string> = { province: '省级', city: '市级', county: '县（区）级' };

const levelLabels: Record<OrgLevel, string> = {
  ...bureauLevelLabels, institution: '机构', committee: '党委', general_branch: '党总支', branch: '党支部', joint_branch: '联合党支部', special: '特设党支部',
};

/** How an org's place in the tree reads in the UI: 市级, 县（区）级, 机构, 党支部, 联合党支部, … */
export function orgLevelLabel(o: Stored): string {
  return levelLabels[levelOf(o)];
}
