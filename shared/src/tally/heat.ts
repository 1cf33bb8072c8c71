/**
 * Heat (热度): how fast an item grows. Every suggestion adds 1, and that contribution halves every
 * HEAT_HALF_LIFE_DAYS days: heat(T) = Σ 2^(−(T − tᵢ)/7 days) over the item's suggestions. An item that got
 * 10 suggestions this week is hotter than one that got 30 two months ago. It is kept exactly as a value
 * anchored at a time (`heat` at `heatAt`), so adding, removing and reading are O(1).
 */
export const HEAT_HALF_LIFE_DAYS = 7;
const HALF_LIFE_MS = HEAT_HALF_LIFE_DAYS * 24 * 3600 * 1000;

export interface Heat {
  heat: number;
  heatAt: string;
}

function decay(fromMs: number, toMs: number): number {
  return Math.pow(2, -(toMs - fromMs) / HALF_LIFE_MS);
}

/** Adds (sign 1) or removes (sign −1) one suggestion made at `at`. */
export function bumpHeat(h: Heat | undefined, at: string, sign: 1 | -1 = 1): Heat {
  const t = Date.parse(at);
  if (!h || !Number.isFinite(Date.parse(h.heatAt))) return { heat: Math.max(0, sign), heatAt: at };
  const anchor = Date.parse(h.heatAt);
  if (t > anchor) return { heat: Math.max(0, h.heat * decay(anchor, t) + sign), heatAt: at };
  return { heat: Math.max(0, h.heat + sign * decay(t, anchor)), heatAt: h.heatAt };
}

/** Combines two items' heat (a merge). */
export function addHeat(a: Heat, b: Heat): Heat {
  const ta = Date.parse(a.heatAt);
  const tb = Date.parse(b.heatAt);
  return ta >= tb ? { heat: a.heat + b.heat * decay(tb, ta), heatAt: a.heatAt } : { heat: b.heat + a.heat * decay(ta, tb), heatAt: b.heatAt };
}

/** The heat as of `now`, rounded for display and sorting. */
export function heatAt(h: Heat, now: string): number {
  const anchor = Date.parse(h.heatAt);
  const t = Date.parse(now);
  const value = t > anchor ? h.heat * decay(anchor, t) : h.heat;
  return Math.round(value * 100) / 100;
}
