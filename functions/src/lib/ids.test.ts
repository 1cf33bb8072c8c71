import { describe, expect, it } from 'vitest';
import { newCode, newId } from './ids';
import { isWellFormedCode } from '@kaimen/shared';

describe('ids and codes', () => {
  it('makes ULIDs that sort by time', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toHaveLength(26);
    expect(a < b).toBe(true);
  });

  it('makes distinct well-formed codes', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newCode(13)));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(isWellFormedCode(c, 13)).toBe(true);
  });
});
