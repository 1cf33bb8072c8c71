import type { QuestionType } from './question';
import { shuffled } from './random';

/** How many questions of a type (optionally only those with a tag) a random draw takes. */
export interface DrawRule {
  type: QuestionType;
  count: number;
  tag?: string;
}

export interface Drawable {
  id: string;
  type: QuestionType;
  tags: string[];
}

/** Rules of a quiz's `draw` object: `{ single, multiple, judge, tag }` plus any per-tag `rules`. */
export function drawRules(draw: { single?: number; multiple?: number; judge?: number; tag?: string; rules?: DrawRule[] }): DrawRule[] {
  const out: DrawRule[] = [];
  for (const type of ['single', 'multiple', 'judge'] as const) {
    const count = draw[type];
    if (count) out.push({ type, count, ...(draw.tag ? { tag: draw.tag } : {}) });
  }
  return [...out, ...(draw.rules ?? []).filter((r) => r.count > 0)];
}

const matches = (q: Drawable, r: DrawRule) => q.type === r.type && (!r.tag || q.tags.includes(r.tag));

/** Why a bank cannot satisfy the rules (Chinese), or null when it can. Tag rules are served first, so they are checked first. */
export function drawShortfall(pool: readonly Drawable[], rules: readonly DrawRule[]): string | null {
  const taken = new Set<string>();
  const ordered = [...rules].sort((a, b) => Number(Boolean(b.tag)) - Number(Boolean(a.tag)));
  for (const r of ordered) {
    const available = pool.filter((q) => !taken.has(q.id) && matches(q, r));
    if (available.length < r.count) {
      const what = `${r.tag ? `标签「${r.tag}」的` : ''}${{ single: '单选题', multiple: '多选题', judge: '判断题' }[r.type]}`;
      return `题库中${what}只有 ${available.length} 道，不够抽取 ${r.count} 道`;
    }
    available.slice(0, r.count).forEach((q) => taken.add(q.id));
  }
  return null;
}

/**
 * Draws questions without replacement: tagged rules first (they are the narrower ones), then the
 * rest, each rule's pick random. Returns ids in the order a quiz shows types: single, multiple, judge.
 * Throws when the pool is too small (check with drawShortfall first).
 */
export function drawQuestions(pool: readonly Drawable[], rules: readonly DrawRule[], random: () => number): string[] {
  const taken = new Map<string, Drawable>();
  const ordered = [...rules].sort((a, b) => Number(Boolean(b.tag)) - Number(Boolean(a.tag)));
  for (const r of ordered) {
    const available = pool.filter((q) => !taken.has(q.id) && matches(q, r));
    if (available.length < r.count) throw new Error(`draw: only ${available.length} for ${r.type}/${r.tag ?? '*'}`);
    for (const q of shuffled(available, random).slice(0, r.count)) taken.set(q.id, q);
  }
  const rank = { single: 0, multiple: 1, judge: 2 } as const;
  return shuffled([...taken.values()], random).sort((a, b) => rank[a.type] - rank[b.type]).map((q) => q.id);
}
