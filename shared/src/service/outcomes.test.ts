import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { monthsBetween, parseOutcomeRows, rollUpOutcomes } from './outcomes';
import { projectOverdue, statusAfterProgress } from './projects';

const head = { row: 1, cells: ['单位', '月份', '法律援助案件', '减免费用（元）', '调解纠纷', '解答咨询'] };
const known = (s: string) => ['东湖公证处', 'lj-dh-fy'].includes(s);

describe('outcome rows', () => {
  it('reads good rows, Chinese month spellings and thousands separators included', () => {
    const { rows, errors } = parseOutcomeRows([head, { row: 2, cells: ['东湖公证处', '2026年10月', '3', '1,200.50', '4', '30'] }, { row: 3, cells: ['lj-dh-fy', '2026-11', '12', '0', '', '88'] }], known);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ institution: '东湖公证处', month: '2026-10', legalAidCases: 3, feesWaivedYuan: 1200.5, disputesMediated: 4, consultations: 30 });
    expect(rows[1]).toMatchObject({ month: '2026-11', disputesMediated: 0 });
  });

  it('lists every bad row with its number and every reason', () => {
    const { errors } = parseOutcomeRows([
      head,
      { row: 2, cells: ['不存在的所', '2026-11', '1', '0', '0', '0'] },
      { row: 3, cells: ['东湖公证处', '11月', '-1', 'abc', '1.5', '0'] },
      { row: 4, cells: ['东湖公证处', '2026-11', '1', '0.123', '0', '0'] },
      { row: 5, cells: ['lj-dh-fy', '2026-11', '1', '0', '0', '0'] },
      { row: 6, cells: ['lj-dh-fy', '2026-11', '2', '0', '0', '0'] },
    ], known);
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4, 6]);
    expect(errors[1]!.message).toContain('月份');
    expect(errors[1]!.message).toContain('不小于 0');
    expect(errors[1]!.message).toContain('应为整数');
    expect(errors[2]!.message).toContain('两位小数');
    expect(errors[3]!.message).toContain('第 5 行');
  });

  it('names a missing column', () => {
    expect(parseOutcomeRows([{ row: 1, cells: ['单位', '月份'] }], known).errors[0]!.message).toContain('缺少');
  });

  it('never throws on any sheet', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 7 }), { maxLength: 8 }), (cells) => {
      const sheet = [head, ...cells.map((c, i) => ({ row: i + 2, cells: c }))];
      const { rows, errors } = parseOutcomeRows(sheet, known);
      expect(rows.length + errors.length).toBeLessThanOrEqual(cells.length + 1);
    }));
  });
});

describe('roll-up', () => {
  it('sums records per child and in total; the total is the sum of the children when all lie under one', () => {
    const record = fc.record({
      orgPath: fc.constantFrom('/jn/lj/a/', '/jn/lj/a/x/', '/jn/qs/b/'), orgId: fc.constantFrom('a', 'x', 'b'),
      legalAidCases: fc.nat(100), feesWaivedYuan: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), disputesMediated: fc.nat(100), consultations: fc.nat(100),
    });
    fc.assert(fc.property(fc.array(record, { maxLength: 30 }), (records) => {
      const out = rollUpOutcomes(records, '/jn/', [{ id: 'lj', name: '临江', kind: 'bureau', path: '/jn/lj/' }, { id: 'qs', name: '青山', kind: 'bureau', path: '/jn/qs/' }]);
      const sum = (k: 'legalAidCases' | 'consultations') => out.children.reduce((s, c) => s + c[k], 0);
      expect(out.total.legalAidCases).toBe(sum('legalAidCases'));
      expect(out.total.consultations).toBe(sum('consultations'));
      const fees = out.children.reduce((s, c) => s + c.feesWaivedYuan, 0);
      expect(Math.abs(out.total.feesWaivedYuan - fees)).toBeLessThan(0.005);
    }));
  });

  it('lists the months of a range, across a year end, and refuses reversed or long ranges', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11', '2026-10')).toBeNull();
    expect(monthsBetween('2025-01', '2026-01')).toBeNull();
  });
});

describe('projects', () => {
  it('is overdue only when not done and past its deadline in China time', () => {
    const now = new Date('2026-11-30T17:00:00Z'); // 2026-12-01 01:00 in Beijing
    expect(projectOverdue({ status: 'in_progress', deadline: '2026-11-30' }, now)).toBe(true);
    expect(projectOverdue({ status: 'done', deadline: '2026-11-30' }, now)).toBe(false);
    expect(projectOverdue({ status: 'planned', deadline: '2026-12-01' }, now)).toBe(false);
    expect(statusAfterProgress(100)).toBe('done');
    expect(statusAfterProgress(40)).toBe('in_progress');
  });
});
