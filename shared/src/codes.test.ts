import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CODE_ALPHABET, codeFromBytes, formatCode, isWellFormedCode, normaliseCode } from './codes';

describe('human-typable codes', () => {
  it('has 32 symbols and none of the look-alikes 0 O 1 I', () => {
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (const c of '0O1I') expect(CODE_ALPHABET).not.toContain(c);
  });

  it('reads a formatted code back in any case, with or without dashes and spaces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), fc.boolean(), (bytes, lower) => {
        const code = codeFromBytes(bytes, 12);
        const typed = lower ? formatCode(code).toLowerCase() : ` ${formatCode(code).replace(/-/g, ' ')} `;
        expect(normaliseCode(typed)).toBe(code);
        expect(isWellFormedCode(normaliseCode(typed), 12)).toBe(true);
      }),
    );
  });

  it('groups by four', () => {
    expect(formatCode('ABCDEFGHJK')).toBe('ABCD-EFGH-JK');
  });

  it('rejects wrong lengths and foreign symbols', () => {
    expect(isWellFormedCode('ABCD', 8)).toBe(false);
    expect(isWellFormedCode('ABCDEFG0', 8)).toBe(false);
    expect(isWellFormedCode('ABCDEFGI', 8)).toBe(false);
  });
});
