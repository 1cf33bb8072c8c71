import type { CoverageClass, GapKind } from './labels';
import type { InstitutionType, PartyOrgType } from './tree';

/** 正式党员 3 名以上单独组建；不足 3 名联合组建；没有党员的选派党建指导员或联络员. */
export const OWN_BRANCH_MIN_FULL_MEMBERS = 3;
/** A branch should not grow beyond 50 members (then a general branch is set up). */
export const BRANCH_MAX_MEMBERS = 50;

/** What the census knows of one institution: counters kept with it, never read from the members. */
export interface InstitutionFacts {
  id: string;
  name: string;
  path: string;
  institutionType: InstitutionType;
  practitioners: number;
  /** Roster counters (exact, kept in the same transactions as the members). */
  rosterTotal: number;
  rosterFull: number;
  rosterProbationary: number;
  /** Entered by hand where the roster is not yet imported. */
  enteredFull?: number | undefined;
  enteredProbationary?: number | undefined;
  ownOrgCount: number;
  jointOrgCount: number;
  hasLiaison: boolean;
}

export interface InstitutionCensus {
  id: string;
  name: string;
  path: string;
  institutionType: InstitutionType;
  practitioners: number;
  fullMembers: number;
  members: number;
  /** Whether the figures come from the roster or were entered by hand. */
  source: 'roster' | 'entered';
  expected: Exclude<CoverageClass, 'uncovered'>;
  actual: CoverageClass;
}

export function expectedClass(fullMembers: number): InstitutionCensus['expected'] {
  if (fullMembers >= OWN_BRANCH_MIN_FULL_MEMBERS) return 'own';
  return fullMembers > 0 ? 'joint' : 'liaison';
}

export function censusOf(f: InstitutionFacts): InstitutionCensus {
  const fromRoster = f.rosterTotal > 0 || (f.enteredFull === undefined && f.enteredProbationary === undefined);
  const full = fromRoster ? f.rosterFull : (f.enteredFull ?? 0);
  const probationary = fromRoster ? f.rosterProbationary : (f.enteredProbationary ?? 0);
  const actual: CoverageClass = f.ownOrgCount > 0 ? 'own' : f.jointOrgCount > 0 ? 'joint' : f.hasLiaison ? 'liaison' : 'uncovered';
  return {
    id: f.id, name: f.name, path: f.path, institutionType: f.institutionType,
    practitioners: Math.max(f.practitioners, f.rosterTotal),
    fullMembers: full, members: full + probationary,
    source: fromRoster ? 'roster' : 'entered',
    expected: expectedClass(full), actual,
  };
}

/** The gap an institution shows, if any (one per institution, the most pressing). */
export function institutionGap(c: InstitutionCensus): GapKind | null {
  if (c.expected === 'own' && c.actual !== 'own') return 'own_missing';
  if (c.actual !== 'uncovered') return null;
  return c.expected === 'liaison' ? 'liaison_missing' : 'uncovered';
}

export interface PartyOrgFacts {
  id: string;
  name: string;
  path: string;
  partyOrgType: PartyOrgType;
  memberCount: number;
}

export function partyOrgGap(p: PartyOrgFacts): GapKind | null {
  return p.partyOrgType === 'joint_branch' && p.memberCount > BRANCH_MAX_MEMBERS ? 'joint_oversize' : null;
}

export interface CoverageFigures {
  institutions: number;
  practitioners: number;
  members: number;
  fullMembers: number;
  memberShare: number;
  byClass: Record<CoverageClass, number>;
  expectedByClass: Record<Exclude<CoverageClass, 'uncovered'>, number>;
  byType: Record<InstitutionType, number>;
  orgsByKind: Record<PartyOrgType, number>;
  gapCount: number;
}

export function emptyFigures(): CoverageFigures {
  return {
    institutions: 0, practitioners: 0, members: 0, fullMembers: 0, memberShare: 0,
    byClass: { own: 0, joint: 0, liaison: 0, uncovered: 0 },
    expectedByClass: { own: 0, joint: 0, liaison: 0 },
    byType: { law_firm: 0, notary: 0, forensic: 0, mediation: 0, legal_aid: 0, grassroots_legal_service: 0, other: 0 },
    orgsByKind: { committee: 0, general_branch: 0, branch: 0, joint_branch: 0, special: 0 },
    gapCount: 0,
  };
}

export function addInstitution(f: CoverageFigures, c: InstitutionCensus): void {
  f.institutions++;
  f.practitioners += c.practitioners;
  f.members += c.members;
  f.fullMembers += c.fullMembers;
  f.byClass[c.actual]++;
  f.expectedByClass[c.expected]++;
  f.byType[c.institutionType]++;
  if (institutionGap(c)) f.gapCount++;
}

export function addPartyOrg(f: CoverageFigures, p: PartyOrgFacts): void {
  f.orgsByKind[p.partyOrgType]++;
  if (partyOrgGap(p)) f.gapCount++;
}

export function withShare(f: CoverageFigures): CoverageFigures {
  return { ...f, memberShare: f.practitioners ? Math.round((f.members / f.practitioners) * 1000) / 1000 : 0 };
}

/**
 * Figures of every org on the way down from `rootPath`, keyed by the org id (each institution and party
 * org counts once at its own node and at every ancestor). One pass over the subtree's institutions and
 * Party organisations; the members are never read.
 */
export function rollUp(rootPath: string, institutions: InstitutionCensus[], partyOrgs: PartyOrgFacts[]): Map<string, CoverageFigures> {
  const out = new Map<string, CoverageFigures>();
  const rootDepth = rootPath.split('/').length - 2;
  const nodesOf = (path: string) => path.split('/').filter(Boolean).slice(Math.max(0, rootDepth - 1));
  const at = (id: string) => {
    let f = out.get(id);
    if (!f) out.set(id, (f = emptyFigures()));
    return f;
  };
  for (const c of institutions) for (const id of nodesOf(c.path)) addInstitution(at(id), c);
  for (const p of partyOrgs) for (const id of nodesOf(p.path)) addPartyOrg(at(id), p);
  for (const [id, f] of out) out.set(id, withShare(f));
  return out;
}
