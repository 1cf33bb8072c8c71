import { describe, expect, it } from 'vitest';
import { addHeat, bumpHeat, heatAt, HEAT_HALF_LIFE_DAYS } from './heat';

const day = (d: number) => new Date(Date.UTC(2026, 2, 1) + d * 86_400_000).toISOString();

describe('heat', () => {
  it('halves every half-life and adds one per suggestion, in any arrival order', () => {
    const a = bumpHeat(bumpHeat(undefined, day(0)), day(HEAT_HALF_LIFE_DAYS));
    const b = bumpHeat(bumpHeat(undefined, day(HEAT_HALF_LIFE_DAYS)), day(0));
    expect(heatAt(a, day(HEAT_HALF_LIFE_DAYS))).toBe(1.5);
    expect(heatAt(b, day(HEAT_HALF_LIFE_DAYS))).toBe(1.5);
  });

  it('ranks ten suggestions this week above thirty two months ago', () => {
    let recent = undefined as ReturnType<typeof bumpHeat> | undefined;
    for (let i = 0; i < 10; i++) recent = bumpHeat(recent, day(60 + i * 0.5));
    let old = undefined as ReturnType<typeof bumpHeat> | undefined;
    for (let i = 0; i < 30; i++) old = bumpHeat(old, day(i * 0.2));
    expect(heatAt(recent!, day(65))).toBeGreaterThan(heatAt(old!, day(65)));
  });

  it('removing undoes adding, and merging adds', () => {
    const h = bumpHeat(bumpHeat(undefined, day(1)), day(2));
    expect(heatAt(bumpHeat(h, day(2), -1), day(2))).toBeCloseTo(heatAt(bumpHeat(undefined, day(1)), day(2)), 2);
    expect(heatAt(addHeat(bumpHeat(undefined, day(3)), bumpHeat(undefined, day(3))), day(3))).toBe(2);
  });
});
