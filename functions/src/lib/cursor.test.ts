import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './cursor';
import { HttpProblem } from './problem';

describe('list cursors', () => {
  it('round-trips a LastEvaluatedKey', () => {
    const key = { pk: 'CAMPAIGN#1', sk: 'CAMPAIGN', gsi1pk: 'CAMPAIGNS', gsi1sk: '2026#1' };
    expect(decodeCursor(encodeCursor(key)!, ['pk', 'sk', 'gsi1pk', 'gsi1sk'])).toEqual(key);
  });

  it('turns anything else into a 400 problem, never a crash', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          const v = decodeCursor(s, ['pk', 'sk']);
          expect(v === undefined || Object.keys(v).every((k) => k === 'pk' || k === 'sk')).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(HttpProblem);
          expect((err as HttpProblem).problem.status).toBe(400);
        }
      }),
    );
  });
});
