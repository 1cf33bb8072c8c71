import { analyse } from './analyse';
import { services } from './lexicon';
import type { ItemSummary, TallyLessons } from './grouping';

/**
 * What the tally learns from an admin's regrouping, as pure rules. A merge of two items teaches that
 * their distinctive words say the same thing (a learned synonym: later suggestions using either share a
 * class). A move of a suggestion teaches that its distinctive words belong with the target item's (a
 * synonym) and apart from the item it left (kept apart: such a suggestion never joins an item whose main
 * words are those again, and the consolidation never merges two such items).
 */
export type LessonKind = 'synonym' | 'apart';

export interface Lesson {
  kind: LessonKind;
  /** synonym: the terms that mean one thing; apart: one side. */
  terms: string[];
  /** apart: the other side. */
  apartFrom?: string[];
}

const SIDE_WORDS = 2;
const TERM_MIN = 2;

/** An item's main words (not classes), most frequent first. */
export function mainWords(item: ItemSummary, n = 6, without: ReadonlySet<string> = new Set()): string[] {
  return Object.entries(item.grams)
    .map(([k, c]) => [k, c - (without.has(k) ? 1 : 0)] as const)
    .filter(([k, c]) => isWord(k) && c > 0)
    .sort((a, b) => b[1] - a[1] || [...b[0]].length - [...a[0]].length)
    .slice(0, n)
    .map(([k]) => k);
}

const serviceTerms = services.flatMap((s) => s.terms);

/** A word a lesson may be about: not a class, not a service's name (the service is not the problem). */
function isWord(feature: string): boolean {
  return !/^[#@~^`]/u.test(feature) && [...feature].length >= TERM_MIN && !serviceTerms.some((t) => feature.includes(t));
}

/** Words of `mine` that the other side does not use: what tells them apart. */
function distinctive(mine: readonly string[], other: readonly string[]): string[] {
  const theirs = new Set(other);
  return mine.filter((w) => !theirs.has(w)).slice(0, SIDE_WORDS);
}

/** A merge of `from` into `into`: their distinctive main words become one learned synonym. */
export function lessonFromMerge(into: ItemSummary, from: ItemSummary): Lesson | undefined {
  const a = mainWords(into);
  const b = mainWords(from);
  const terms = [...new Set([...distinctive(a, b), ...distinctive(b, a)])];
  return distinctive(a, b).length > 0 && distinctive(b, a).length > 0 ? { kind: 'synonym', terms } : undefined;
}

/** The words of one suggestion, in order, without classes. */
export function suggestionWords(content: string): string[] {
  return [...new Set([...analyse(content).grams.keys()].filter(isWord))];
}

/** A move of a suggestion out of `from` (into `to`, or out on its own). */
export function lessonsFromMove(content: string, from: ItemSummary, to?: ItemSummary): Lesson[] {
  const mine = suggestionWords(content);
  const out: Lesson[] = [];
  // The item as it is left: without the moved suggestion's own words.
  const left = mainWords(from, 6, new Set(mine));
  const mineApart = distinctive(mine, left);
  const leftApart = distinctive(left, mine);
  if (mineApart.length > 0 && leftApart.length > 0) out.push({ kind: 'apart', terms: mineApart, apartFrom: leftApart });
  if (to) {
    const target = mainWords(to);
    const a = distinctive(mine, target);
    const b = distinctive(target, mine);
    if (a.length > 0 && b.length > 0) out.push({ kind: 'synonym', terms: [...a, ...b] });
  }
  return out;
}

/** Stored lessons as the tally applies them. */
export function tallyLessons(list: readonly ({ id: string } & Lesson)[]): TallyLessons {
  return {
    synonyms: list.filter((l) => l.kind === 'synonym').map((l) => ({ id: l.id, terms: l.terms })),
    apart: list.filter((l) => l.kind === 'apart' && l.apartFrom?.length).map((l) => ({ id: l.id, a: l.terms, b: l.apartFrom ?? [] })),
  };
}
