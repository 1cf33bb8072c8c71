import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { censusOf, expectedClass, institutionGap, rollUp, type InstitutionCensus, type PartyOrgFacts } from './coverage';
import { institutionTypes, partyOrgTypes } from './tree';

describe('the coverage rule', () => {
  it('asks for an own branch from 3 full members, a joint one below, a liaison at none', () => {
    expect([0, 1, 2, 3, 40].map(expectedClass)).toEqual(['liaison', 'joint', 'joint', 'own', 'own']);
  });

  it('counts from the roster once it is imported, from the entered figures before', () => {
    const base = { id: 'i', name: 'x', path: '/p/i/', institutionType: 'law_firm' as const, practitioners: 10, ownOrgCount: 0, jointOrgCount: 0, hasLiaison: false };
    expect(censusOf({ ...base, rosterTotal: 0, rosterFull: 0, rosterProbationary: 0, enteredFull: 4, enteredProbationary: 1 })).toMatchObject({ fullMembers: 4, members: 5, source: 'entered', expected: 'own' });
    expect(censusOf({ ...base, rosterTotal: 12, rosterFull: 2, rosterProbationary: 1, enteredFull: 4 })).toMatchObject({ fullMembers: 2, members: 3, practitioners: 12, source: 'roster', expected: 'joint' });
  });

  it('names the gap: own branch missing, no coverage, no liaison', () => {
    const c = (full: number, actual: InstitutionCensus['actual']) => ({ ...censusOf({ id: 'i', name: 'x', path: '/i/', institutionType: 'other', practitioners: 5, rosterTotal: 5, rosterFull: full, rosterProbationary: 0, ownOrgCount: 0, jointOrgCount: 0, hasLiaison: false }), actual });
    expect(institutionGap(c(5, 'joint'))).toBe('own_missing');
    expect(institutionGap(c(5, 'own'))).toBeNull();
    expect(institutionGap(c(2, 'uncovered'))).toBe('uncovered');
    expect(institutionGap(c(2, 'liaison'))).toBeNull();
    expect(institutionGap(c(0, 'uncovered'))).toBe('liaison_missing');
  });
});

/** A random tree: province → cities → counties → institutions (some directly under a city) and party orgs. */
const treeArb = fc.record({
  cities: fc.array(fc.record({
    counties: fc.array(fc.array(fc.record({
      type: fc.constantFrom(...institutionTypes), practitioners: fc.nat(80), full: fc.nat(20), probationary: fc.nat(3), roster: fc.boolean(),
      own: fc.boolean(), joint: fc.boolean(), liaison: fc.boolean(),
    }), { minLength: 300, maxLength: 500 }), { minLength: 2, maxLength: 4 }),
    partyOrgs: fc.array(fc.constantFrom(...partyOrgTypes), { maxLength: 5 }),
  }), { minLength: 2, maxLength: 3 }),
});

describe('figures at every level', () => {
  it('add up from the institutions to the province, whatever the tree (several thousand institutions)', () => {
    fc.assert(fc.property(treeArb, ({ cities }) => {
      const institutions: InstitutionCensus[] = [];
      const partyOrgs: PartyOrgFacts[] = [];
      cities.forEach((city, ci) => {
        city.partyOrgs.forEach((t, k) => partyOrgs.push({ id: `c${ci}p${k}`, name: '', path: `/p/c${ci}/c${ci}p${k}/`, partyOrgType: t, memberCount: k * 20 }));
        city.counties.forEach((county, ki) => county.forEach((f, n) => {
          const path = `/p/c${ci}/k${ci}-${ki}/i${ci}-${ki}-${n}/`;
          institutions.push(censusOf({
            id: `i${ci}-${ki}-${n}`, name: '', path, institutionType: f.type, practitioners: f.practitioners,
            rosterTotal: f.roster ? f.full + f.probationary : 0, rosterFull: f.roster ? f.full : 0, rosterProbationary: f.roster ? f.probationary : 0,
            enteredFull: f.full, enteredProbationary: f.probationary, ownOrgCount: f.own ? 1 : 0, jointOrgCount: f.joint ? 1 : 0, hasLiaison: f.liaison,
          }));
        }));
      });
      const figures = rollUp('/p/', institutions, partyOrgs);
      const province = figures.get('p')!;
      expect(province.institutions).toBe(institutions.length);
      expect(province.members).toBe(institutions.reduce((n, i) => n + i.members, 0));
      cities.forEach((city, ci) => {
        const cityF = figures.get(`c${ci}`)!;
        const counties = city.counties.map((_, ki) => figures.get(`k${ci}-${ki}`));
        for (const key of ['institutions', 'practitioners', 'members', 'fullMembers'] as const) {
          expect(counties.reduce((n, f) => n + (f?.[key] ?? 0), 0)).toBe(cityF[key]);
        }
        for (const cls of ['own', 'joint', 'liaison', 'uncovered'] as const) {
          expect(counties.reduce((n, f) => n + (f?.byClass[cls] ?? 0), 0)).toBe(cityF.byClass[cls]);
        }
        expect(Object.values(cityF.byClass).reduce((a, b) => a + b, 0)).toBe(cityF.institutions);
        expect(Object.values(cityF.byType).reduce((a, b) => a + b, 0)).toBe(cityF.institutions);
      });
      for (const key of ['institutions', 'practitioners', 'members', 'gapCount'] as const) {
        expect(cities.reduce((n, _, ci) => n + (figures.get(`c${ci}`)?.[key] ?? 0), 0)).toBe(province[key]);
      }
      expect(province.memberShare).toBe(province.practitioners ? Math.round((province.members / province.practitioners) * 1000) / 1000 : 0);
    }), { numRuns: 6 });
  }, 120_000);
});
