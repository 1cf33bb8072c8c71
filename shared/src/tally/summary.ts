import { analyse, type Analysis } from './analyse';
import { addHeat, bumpHeat } from './heat';
import type { ItemSummary, TallyInput } from './grouping';
import { keyClause } from './clause';

const MAX_GRAMS = 64;
const MAX_TERMS = 24;

function inc(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

function dec(record: Record<string, number>, key: string, by = 1): void {
  if (record[key] === undefined) return;
  record[key] -= by;
  if (record[key] <= 0) delete record[key];
}

/** Keeps the `max` largest entries once a record grows past twice that (amortised O(1) per add). */
export function capRecord(record: Record<string, number>, max: number): Record<string, number> {
  const keys = Object.keys(record);
  if (keys.length <= max * 2) return record;
  return Object.fromEntries(Object.entries(record).sort((a, b) => b[1] - a[1]).slice(0, max));
}

/** Adds one suggestion to an item's summary, in place. */
export function addMemberInPlace(item: ItemSummary, input: TallyInput, a: Analysis): void {
  item.count += 1;
  inc(item.services, a.service);
  inc(item.categories, input.category);
  inc(item.channels, input.channel);
  for (const t of a.terms) inc(item.terms, t);
  for (const [g, c] of a.grams) inc(item.grams, g, c);
  item.terms = capRecord(item.terms, MAX_TERMS);
  item.grams = capRecord(item.grams, MAX_GRAMS);
  if (input.submittedAt < item.firstSeen) item.firstSeen = input.submittedAt;
  if (input.submittedAt > item.lastSeen) item.lastSeen = input.submittedAt;
  Object.assign(item, bumpHeat(item, input.submittedAt));
  // An item without a named problem is titled by its most telling clause: the one naming most of what
  // its suggestions name (the item's commonest terms), kept as members arrive.
  if (!item.facet) {
    const clause = keyClause(input.content, [...a.terms, ...Object.keys(item.terms).slice(0, 8)]);
    if (clause && clause.score > (item.clauseScore ?? -Infinity)) Object.assign(item, { clause: clause.text, clauseScore: clause.score });
  }
}

/** An item's summary with one more suggestion (an admin moving it in). */
export function withMember(summary: ItemSummary, input: TallyInput): ItemSummary {
  const next = structuredClone(summary);
  addMemberInPlace(next, input, analyse(input.content, input.category));
  return next;
}

/** An item's summary without one of its suggestions (moderation, or an admin moving it out). */
export function withoutMember(summary: ItemSummary, input: TallyInput): ItemSummary {
  const a = analyse(input.content, input.category);
  const next = structuredClone(summary);
  next.count = Math.max(0, next.count - 1);
  dec(next.services, a.service);
  dec(next.categories, input.category);
  dec(next.channels, input.channel);
  for (const t of a.terms) dec(next.terms, t);
  for (const [g, c] of a.grams) dec(next.grams, g, c);
  Object.assign(next, bumpHeat(next, input.submittedAt, -1));
  return next;
}

/** The summary of a new item holding one suggestion (an admin moving it out on its own). */
export function singletonSummary(id: string, input: TallyInput): ItemSummary {
  const a = analyse(input.content, input.category);
  const item: ItemSummary = {
    id, facet: a.keyFacets[0] ?? null, count: 0, services: {}, categories: {}, channels: {}, terms: {}, grams: {},
    sample: a.norm.slice(0, 60), firstSeen: input.submittedAt, lastSeen: input.submittedAt, heat: 0, heatAt: input.submittedAt,
  };
  addMemberInPlace(item, input, a);
  return item;
}

/**
 * `into` after absorbing `from` (an admin's merge): counts, channels, categories and wording add up,
 * first/last seen widen, heat combines. `into` keeps its id, facet, lock and sample.
 */
export function mergeSummaries(into: ItemSummary, from: ItemSummary): ItemSummary {
  const next = structuredClone(into);
  next.count += from.count;
  for (const field of ['services', 'categories', 'channels', 'terms', 'grams'] as const) {
    for (const [k, c] of Object.entries(from[field])) inc(next[field], k, c);
  }
  next.terms = capRecord(next.terms, MAX_TERMS);
  next.grams = capRecord(next.grams, MAX_GRAMS);
  if (from.count > 0) {
    if (from.firstSeen < next.firstSeen) next.firstSeen = from.firstSeen;
    if (from.lastSeen > next.lastSeen) next.lastSeen = from.lastSeen;
  }
  Object.assign(next, addHeat(next, from));
  if (from.clause && (from.clauseScore ?? 0) > (next.clauseScore ?? -Infinity)) Object.assign(next, { clause: from.clause, clauseScore: from.clauseScore });
  return next;
}
