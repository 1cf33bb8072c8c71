import { clauseWords, hasPersonalData } from './clause';
import type { ItemSummary } from './grouping';

// Reading a stored item summary for display, apart from the tally's rules: this module imports no lexicon
// and no thesaurus, so the checklist function's views (every list, every page) load neither.

/** The majority key of a count record (ties: the first listed). */
export function majority(record: Record<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const [k, c] of Object.entries(record)) if (c > bestCount) [best, bestCount] = [k, c];
  return best;
}

/** Keywords: the lexicon terms its suggestions use most, then the words of its key clause. */
export function itemKeywords(item: ItemSummary, n = 6): string[] {
  const terms = Object.entries(item.terms).sort((a, b) => b[1] - a[1]).map(([t]) => t);
  const words = item.clause ? clauseWords(item.clause) : [];
  const out: string[] = [];
  for (const w of [...terms, ...words]) {
    if (w.length < 2 || hasPersonalData(w) || out.some((o) => o.includes(w) || w.includes(o))) continue;
    out.push(w);
    if (out.length >= n) break;
  }
  return out;
}
