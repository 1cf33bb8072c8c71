import { describe, expect, it } from 'vitest';
import { childPath, isWithin, mayContain } from './tree';

describe('org subtree', () => {
  const province = childPath(null, 'jn');
  const cityA = childPath(province, 'lj');
  const cityB = childPath(province, 'qs');
  const county = childPath(cityA, 'lj-dh');

  it('builds materialised paths', () => {
    expect(county).toBe('/jn/lj/lj-dh/');
  });

  it('puts an org and its descendants inside, siblings and ancestors outside', () => {
    expect(isWithin(cityA, cityA)).toBe(true);
    expect(isWithin(county, cityA)).toBe(true);
    expect(isWithin(county, province)).toBe(true);
    expect(isWithin(cityB, cityA)).toBe(false);
    expect(isWithin(province, cityA)).toBe(false);
    expect(isWithin(cityA, '')).toBe(false);
  });

  it('is not fooled by ids that share a prefix', () => {
    expect(isWithin(childPath(province, 'lj2'), cityA)).toBe(false);
  });

  it('knows which kinds of org hold which', () => {
    expect(mayContain('province', 'city')).toBe(true);
    expect(mayContain('institution', 'branch')).toBe(true);
    expect(mayContain('branch', 'branch')).toBe(false);
    expect(mayContain('county', 'city')).toBe(false);
    expect(mayContain('county', 'joint_branch')).toBe(true);
    expect(mayContain('institution', 'joint_branch')).toBe(false);
    expect(mayContain('committee', 'general_branch')).toBe(true);
  });
});
