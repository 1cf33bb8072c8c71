import * as z from 'zod/mini';

/**
 * Organisations (组织): bureaus (司法厅/局, province → city → county), the institutions they supervise
 * (执业机构) and Party organisations (党组织). Stored kinds before the census feature were
 * province/city/county/institution/branch; `orgs.ts` (the accessors) reads both.
 */
export const orgKinds = ['bureau', 'institution', 'party_org'] as const;
export const orgKind = z.enum(orgKinds);
export type OrgKind = z.infer<typeof orgKind>;

export const bureauLevels = ['province', 'city', 'county'] as const;
export const bureauLevel = z.enum(bureauLevels);
export type BureauLevel = z.infer<typeof bureauLevel>;

export const institutionTypes = ['law_firm', 'notary', 'forensic', 'mediation', 'legal_aid', 'grassroots_legal_service', 'other'] as const;
export const institutionType = z.enum(institutionTypes);
export type InstitutionType = z.infer<typeof institutionType>;

/** 党委 / 党总支 / 党支部 / 联合党支部 / 特设（功能型）党支部. */
export const partyOrgTypes = ['committee', 'general_branch', 'branch', 'joint_branch', 'special'] as const;
export const partyOrgType = z.enum(partyOrgTypes);
export type PartyOrgType = z.infer<typeof partyOrgType>;

export const org = z.object({
  id: z.string(),
  name: z.string(),
  kind: orgKind,
  parentId: z.nullable(z.string()),
  path: z.string(),
  bureauLevel: z.optional(bureauLevel),
  institutionType: z.optional(institutionType),
  partyOrgType: z.optional(partyOrgType),
  institutionIds: z.optional(z.array(z.string())),
});
export type Org = z.infer<typeof org>;

/** The materialised path of an org: its ancestors' ids and its own, slash-delimited, e.g. `/gd/gz/th/`. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when `path` is the org at `scopePath` or lies anywhere under it. */
export function isWithin(path: string, scopePath: string): boolean {
  return scopePath.length > 0 && path.startsWith(scopePath);
}

/** Where an org sits in the tree: a bureau's level, `institution`, or a Party organisation's type. */
export type OrgLevel = BureauLevel | 'institution' | PartyOrgType;

const partyOrgsUnder: PartyOrgType[] = ['committee', 'general_branch', 'branch', 'joint_branch', 'special'];
const allowedChildren: Record<OrgLevel, OrgLevel[]> = {
  province: ['city', 'institution', ...partyOrgsUnder],
  city: ['county', 'institution', ...partyOrgsUnder],
  county: ['institution', ...partyOrgsUnder],
  institution: ['committee', 'general_branch', 'branch', 'special'],
  committee: ['general_branch', 'branch', 'joint_branch', 'special'],
  general_branch: ['branch', 'joint_branch'],
  branch: [],
  joint_branch: [],
  special: [],
};

/** Cities sit under the province, counties under cities; a bureau holds institutions and Party organisations. */
export function mayContain(parent: OrgLevel, child: OrgLevel): boolean {
  return allowedChildren[parent].includes(child);
}

/** How org kinds read in the UI. */
export const orgKindLabels: Record<OrgKind, string> = {
  bureau: '司法局',
  institution: '机构',
  party_org: '党组织',
};
