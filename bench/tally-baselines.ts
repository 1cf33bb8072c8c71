import { charBigrams, normalizeText } from '../shared/src/tally/normalize';

/** Baseline 1: suggestions with the same normalised text form a group. */
export function exactMatchGroups(texts: readonly string[]): string[] {
  return texts.map((t) => `x:${normalizeText(t)}`);
}

/**
 * Baseline 2: character-bigram Jaccard, incremental like the tally — each text joins the group of the
 * most similar earlier text when the similarity is at least `threshold`, else starts its own.
 */
export function jaccardGroups(texts: readonly string[], threshold: number): string[] {
  const sets = texts.map((t) => new Set(charBigrams(normalizeText(t)).keys()));
  const labels: string[] = [];
  for (let i = 0; i < sets.length; i++) {
    let best = -1;
    let bestSim = threshold;
    for (let j = 0; j < i; j++) {
      const sim = jaccard(sets[i] as Set<string>, sets[j] as Set<string>);
      if (sim >= bestSim) [best, bestSim] = [j, sim];
    }
    labels.push(best >= 0 ? (labels[best] as string) : `j:${i}`);
  }
  return labels;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const g of a) if (b.has(g)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}
