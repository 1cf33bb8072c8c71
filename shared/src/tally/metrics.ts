/** Clustering quality against gold labels: B-cubed precision/recall/F1 and pairwise F1. */
export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
  pairwiseF1: number;
  clusters: number;
}

/** `predicted[i]` and `gold[i]` are the cluster labels of item i (a singleton has a label of its own). */
export function clusterScores(predicted: readonly string[], gold: readonly string[]): ClusterScores {
  if (predicted.length !== gold.length) throw new Error('label lists differ in length');
  const n = predicted.length;
  const byPred = countBy(predicted);
  const byGold = countBy(gold);
  const both = countBy(predicted.map((p, i) => `${p}\u0000${gold[i]}`));
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const overlap = both.get(`${predicted[i]}\u0000${gold[i]}`) ?? 0;
    precision += overlap / (byPred.get(predicted[i] as string) ?? 1);
    recall += overlap / (byGold.get(gold[i] as string) ?? 1);
  }
  precision /= n || 1;
  recall /= n || 1;
  const pairs = (m: Map<string, number>) => [...m.values()].reduce((s, c) => s + (c * (c - 1)) / 2, 0);
  const tp = pairs(both);
  const pp = tp / (pairs(byPred) || 1);
  const pr = tp / (pairs(byGold) || 1);
  return {
    precision, recall, f1: harmonic(precision, recall), pairwiseF1: tp === 0 ? 0 : harmonic(pp, pr), clusters: byPred.size,
  };
}

function harmonic(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

function countBy(labels: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}
