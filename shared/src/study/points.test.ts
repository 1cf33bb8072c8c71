import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultPointRules, parsePointRules, pointsAwarded, pointsForDay, studyDay, studyDayStart } from './points';

describe('study points', () => {
  it('earns by the rule and stops at the daily cap', () => {
    const rule = defaultPointRules.study_time;
    expect(pointsForDay(rule, 299)).toBe(0);
    expect(pointsForDay(rule, 600)).toBe(2);
    expect(pointsForDay(rule, 100_000)).toBe(rule.dailyCap);
    expect(pointsAwarded(defaultPointRules.article, 5, 1)).toBe(1);
    expect(pointsAwarded(defaultPointRules.article, 6, 1)).toBe(0);
  });

  it('never pays more than the cap in a day, however the units arrive', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 2000, noNaN: true }), { maxLength: 50 }), (adds) => {
      const rule = defaultPointRules.study_time;
      let units = 0;
      let total = 0;
      for (const a of adds) {
        const award = pointsAwarded(rule, units, a);
        expect(award).toBeGreaterThanOrEqual(0);
        total += award;
        units += a;
      }
      expect(total).toBe(pointsForDay(rule, units));
      expect(total).toBeLessThanOrEqual(rule.dailyCap);
    }));
  });

  it('counts days in China time', () => {
    expect(studyDay(Date.parse('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(studyDayStart('2026-03-02')).toBe('2026-03-01T16:00:00.000Z');
  });

  it('reads configured rules, keeping the defaults for what is missing or wrong', () => {
    const rules = parsePointRules(JSON.stringify({ article: { points: 2, per: 1, dailyCap: 10 }, media: { points: -1, per: 1, dailyCap: 3 } }));
    expect(rules.article).toMatchObject({ points: 2, dailyCap: 10 });
    expect(rules.media).toEqual(defaultPointRules.media);
    expect(parsePointRules('not json')).toEqual(defaultPointRules);
  });
});
