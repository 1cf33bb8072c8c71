import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSubmittedAt, validateImport } from './import-rows';
import { defaultCategories } from './categories';

const now = new Date('2026-11-22T00:00:00.000Z');
const cats = defaultCategories.map((c) => ({ ...c }));
const sheet = (...rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));
const header = ['category', 'content', 'channel', 'submittedAt', 'externalId'];

describe('import rows', () => {
  it('accepts good rows, category labels and channel labels, and ignores unknown columns', () => {
    const r = validateImport(sheet([...header, 'remark'], ['notary', '公证处周末不开门，上班族没法办', 'window', '2026-03-01', 'w-1', 'x'], ['公证', '收费标准不公开，希望公示', '来信', '', 'w-2', '']), cats, now);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]).toMatchObject({ row: 2, category: 'notary', channel: 'window', submittedAt: '2026-02-28T16:00:00.000Z', externalId: 'w-1' });
    expect(r.rows[1]).toMatchObject({ category: 'notary', channel: 'letter', submittedAt: null });
  });

  it('reports every bad row with its spreadsheet row number and accepts none', () => {
    const r = validateImport(sheet(header, ['notary', '好的意见内容在这里', 'window', '', 'a'], ['nope', '好的意见内容在这里', 'window', '', 'b'], ['notary', '短', 'window', '', 'c'], ['notary', '好的意见内容在这里', 'fax', '', 'd'], ['notary', '好的意见内容在这里', 'letter', '2026-13-01', 'e'], ['notary', '好的意见内容在这里', 'letter', '', 'a']), cats, now);
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7]);
    expect(r.errors[4]!.message).toContain('第 2 行重复');
  });

  it('reads the Chinese headers of the console template', () => {
    const r = validateImport(sheet(['类别', '意见内容', '渠道', '提交时间', '原编号'], ['公证', '公证处周末不开门，上班族没法办', '窗口意见卡', '2026-03-01', 'w-1']), cats, now);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ category: 'notary', channel: 'window', externalId: 'w-1' });
  });

  it('refuses a file without the required columns', () => {
    expect(validateImport(sheet(['内容', '类别']), cats, now).errors[0]).toMatchObject({ row: 1, message: '表头缺少列：渠道（channel）' });
    expect(validateImport([], cats, now).errors).toHaveLength(1);
  });

  it('reads dates as clerks type them', () => {
    expect(parseSubmittedAt('2026-03-01T01:29:38+08:00')).toBe('2026-02-28T17:29:38.000Z');
    expect(parseSubmittedAt('2026/3/1 9:05')).toBe('2026-03-01T01:05:00.000Z');
    expect(parseSubmittedAt('2026-02-30')).toBe('invalid');
    expect(parseSubmittedAt('yesterday')).toBe('invalid');
  });

  it('never throws, whatever the cells', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string(), { maxLength: 7 }), { maxLength: 8 }), (rows) => {
      const r = validateImport(sheet(header, ...rows), cats, now);
      expect(r.rows.length === 0 || r.errors.length === 0).toBe(true);
    }));
  });
});
