import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultCategories } from './categories';
import { categoriesToLines, isDefaultSet, linesToCategories } from './category-lines';

describe('category lines', () => {
  it('reads the default set back as itself', () => {
    const back = linesToCategories(categoriesToLines(defaultCategories));
    expect(isDefaultSet(back)).toBe(true);
  });

  it('keeps existing keys, gives new labels free custom keys, drops blanks and repeats', () => {
    const existing = [{ key: 'custom_1', label: '窗口服务' }];
    const got = linesToCategories('窗口服务\n\n新类别\n新类别\n', existing);
    expect(got).toEqual([{ key: 'custom_1', label: '窗口服务' }, { key: 'custom_2', label: '新类别' }]);
  });

  it('always gives unique keys, one per distinct non-blank line', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }).filter((s) => !/[\r\n]/.test(s)), { maxLength: 20 }), (labels) => {
        const got = linesToCategories(labels.join('\n'));
        expect(new Set(got.map((c) => c.key)).size).toBe(got.length);
        expect(got.map((c) => c.label)).toEqual([...new Set(labels.map((l) => l.trim()).filter(Boolean))]);
      }),
    );
  });
});
