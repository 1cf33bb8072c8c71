import { optionKeys, type QuizOption, type QuestionType } from './question';
import { seededRandom, shuffled } from './random';

/**
 * One question as one attempt shows it: options in an order of their own, relabelled A, B, C… in
 * that order. `order[i]` is the original key of the option shown as the i-th letter; it stays on the
 * server and maps the member's letters back to the bank's.
 */
export interface ShownQuestion {
  options: QuizOption[];
  order: string[];
}

/**
 * Shuffles a question's options for one attempt (seeded by attempt and question). Judge questions
 * keep 对 before 错: their order says nothing about the answer, and members expect it.
 */
export function shuffleOptions(type: QuestionType, options: readonly QuizOption[], seed: string): ShownQuestion {
  const ordered = type === 'judge' ? [...options] : shuffled(options, seededRandom(seed));
  return {
    options: ordered.map((o, i) => ({ key: optionKeys[i]!, text: o.text })),
    order: ordered.map((o) => o.key),
  };
}

/** Maps shown letters back to original keys; letters the attempt did not show are dropped. */
export function toOriginalKeys(shown: readonly string[], order: readonly string[]): string[] {
  const out = new Set<string>();
  for (const k of shown) {
    const i = (optionKeys as readonly string[]).indexOf(k);
    const original = i >= 0 ? order[i] : undefined;
    if (original !== undefined) out.add(original);
  }
  return [...out].sort();
}

/** Maps original keys to the letters one attempt showed (for its review). */
export function toShownKeys(original: readonly string[], order: readonly string[]): string[] {
  return original.map((k) => optionKeys[order.indexOf(k)]).filter((k): k is (typeof optionKeys)[number] => k !== undefined).sort();
}
