import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBirthMonth, validateRosterRows } from './roster-rows';
import { isBranch, isBureau, isPartyOrg, bureauLevelOf, levelOf, normalisedKind } from './orgs';

const header = ['姓名', '性别', '出生年月', '手机号', '所在单位', '党组织', '身份', '职务'];
const today = new Date('2026-11-29T00:00:00Z');
const check = (rows: string[][]) => validateRosterRows([header, ...rows], [1, ...rows.map((_, i) => i + 2)], today);

describe('roster rows', () => {
  it('reads the bureaus\' form and its words', () => {
    const { rows, errors } = check([['许明', '男', '1966/9', '13800000000', '青石镇法律服务所', '', '正式党员', '法律工作者']]);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ row: 2, gender: 'male', birthMonth: '1966-09', status: 'full', partyOrg: null });
  });

  it('reports every bad row with its number and reason', () => {
    const { errors } = check([
      ['王小明', '男', '1990-13', '13800009001', 'A', '', '正式党员', ''],
      ['', '女', '1988-02', '13800009002', 'A', '', '群众', ''],
      ['赵敏', '女', '1985-06', '1380000', 'A', '', '正式党员', ''],
      ['钱多多', '男', '2030-01', '13800009004', 'A', '', '正式党员', ''],
      ['周全', '男', '1983-04', '13800009006', 'A', '', '党员', ''],
      ['赵超', '女', '1997-11', '13800000005', 'A', '', '入党积极分子', ''],
      ['赵超', '女', '1997-11', '13800000005', 'A', '', '入党积极分子', ''],
    ]);
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6, 8]);
    expect(errors.map((e) => e.message).join('|')).toMatch(/出生年月“1990-13”.*姓名不能为空.*11 位.*晚于当前月份.*身份“党员”.*与第 7 行重复/);
  });

  it('rejects wrong headers before anything else', () => {
    const r = validateRosterRows([['name', 'phone'], ['a', '13800000000']], [1, 2], today);
    expect(r.errors).toEqual([{ row: 1, message: expect.stringContaining('表头缺少') }]);
  });

  it('never accepts a month outside 1–12, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => {
      const m = parseBirthMonth(s);
      if (m !== null) expect(m).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
    }));
  });
});

describe('org accessors', () => {
  it('read rows written before the census feature the same as new ones', () => {
    expect(isBureau({ kind: 'city' })).toBe(true);
    expect(bureauLevelOf({ kind: 'county' })).toBe('county');
    expect(isPartyOrg({ kind: 'branch' })).toBe(true);
    expect(isBranch({ kind: 'branch' })).toBe(true);
    expect(isBranch({ kind: 'party_org', partyOrgType: 'committee' })).toBe(false);
    expect(isBranch({ kind: 'party_org', partyOrgType: 'joint_branch' })).toBe(true);
    expect(levelOf({ kind: 'bureau', bureauLevel: 'city' })).toBe('city');
    expect(normalisedKind({ kind: 'province' })).toEqual({ kind: 'bureau', bureauLevel: 'province' });
  });
});
