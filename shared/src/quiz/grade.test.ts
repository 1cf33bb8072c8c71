import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeAttempt, isCorrect, topicScore } from './grade';
import { optionKeys, type QuestionType } from './question';
import { shuffleOptions, toOriginalKeys, toShownKeys } from './shuffle';

/** A random question: type, option count, right answer (original keys). */
const questionArb = fc
  .record({ type: fc.constantFrom<QuestionType>('single', 'multiple', 'judge'), n: fc.integer({ min: 3, max: 6 }), seed: fc.string() })
  .chain(({ type, n, seed }) => {
    const count = type === 'judge' ? 2 : n;
    const keys = optionKeys.slice(0, count) as string[];
    const answer = type === 'multiple'
      ? fc.subarray(keys, { minLength: 2 })
      : fc.constantFrom(...keys).map((k) => [k]);
    return answer.map((a) => ({ type, keys, answer: [...a].sort(), seed }));
  });

function shown(q: { type: QuestionType; keys: string[]; seed: string }) {
  return shuffleOptions(q.type, q.keys.map((k) => ({ key: k, text: `选项${k}` })), q.seed);
}

describe('grading under shuffled options', () => {
  it('a correct answer scores full marks under every shuffle', () => {
    fc.assert(fc.property(questionArb, fc.integer({ min: 1, max: 10 }), (q, points) => {
      const s = shown(q);
      const chosen = toShownKeys(q.answer, s.order);
      const g = gradeAttempt([{ id: 'q1', type: q.type, answer: q.answer, order: s.order, points }], { q1: chosen });
      expect(g.score).toBe(points);
      expect(g.maxScore).toBe(points);
      expect(g.correctCount).toBe(1);
    }));
  });

  it('a wrong answer never scores', () => {
    fc.assert(fc.property(questionArb, fc.array(fc.constantFrom(...optionKeys), { maxLength: 6 }), (q, pick) => {
      const s = shown(q);
      const chosen = [...new Set(pick)];
      fc.pre(!(toOriginalKeys(chosen, s.order).join() === q.answer.join() && chosen.length === q.answer.length));
      expect(isCorrect({ type: q.type, answer: q.answer, order: s.order }, chosen)).toBe(false);
      expect(gradeAttempt([{ id: 'q1', type: q.type, answer: q.answer, order: s.order, points: 5 }], { q1: chosen }).score).toBe(0);
    }));
  });

  it('shuffling is a permutation, the same for the same seed', () => {
    fc.assert(fc.property(questionArb, (q) => {
      const a = shown(q);
      expect([...a.order].sort()).toEqual(q.keys);
      expect(a.options.map((o) => o.key)).toEqual(q.keys);
      expect(a.options.map((o) => o.text)).toEqual(a.order.map((k) => `选项${k}`));
      expect(shown(q)).toEqual(a);
    }));
  });
});

describe('grading rules', () => {
  const order = ['C', 'A', 'D', 'B'];
  it('multiple choice needs the exact set: no partial credit', () => {
    const q = { type: 'multiple' as const, answer: ['A', 'B'], order };
    expect(isCorrect(q, ['B', 'D'])).toBe(true); // shown B = A, shown D = B
    expect(isCorrect(q, ['B'])).toBe(false);
    expect(isCorrect(q, ['B', 'D', 'A'])).toBe(false);
  });
  it('single needs one letter; repeated or unknown letters never count', () => {
    const q = { type: 'single' as const, answer: ['A'], order };
    expect(isCorrect(q, ['B'])).toBe(true);
    expect(isCorrect(q, ['B', 'B'])).toBe(false);
    expect(isCorrect(q, ['F'])).toBe(false);
    expect(isCorrect(q, [])).toBe(false);
    expect(isCorrect(q, undefined)).toBe(false);
  });
  it('unanswered questions score nothing', () => {
    const g = gradeAttempt([{ id: 'a', type: 'judge', answer: ['A'], order: ['A', 'B'], points: 1 }, { id: 'b', type: 'judge', answer: ['B'], order: ['A', 'B'], points: 1 }], { a: ['A'] });
    expect(g).toMatchObject({ score: 1, maxScore: 2, correctCount: 1 });
  });
  it('topic score weighs online and offline percentages', () => {
    expect(topicScore({ score: 40, maxScore: 50 }, { score: 60, maxScore: 100 }, 0.7)).toBe(74);
    expect(topicScore({ score: 10, maxScore: 10 }, { score: 0, maxScore: 100 }, 1)).toBe(100);
  });
});
