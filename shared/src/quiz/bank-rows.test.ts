import { describe, expect, it } from 'vitest';
import { questionFingerprint, validateBankRows, validateQuestionInput } from './bank-rows';

const header = ['type', 'stem', 'optionA', 'optionB', 'optionC', 'optionD', 'optionE', 'optionF', 'answer', 'explanation'];
const row = (type: string, stem: string, options: string[], answer: string, explanation = '') =>
  [type, stem, ...[...options, '', '', '', '', '', ''].slice(0, 6), answer, explanation];

describe('validateBankRows', () => {
  it('accepts the three types and keeps original keys', () => {
    const { questions, errors } = validateBankRows([
      header,
      row('single', '热线号码是？', ['12345', '12348'], 'B', '12348'),
      row('multiple', '哪些属于司法行政？', ['法律援助', '公证', '天气'], 'a, b'),
      row('judge', '党支部是党的基础组织。', [], '对'),
      row('判断题', '人民调解收费。', [], '错'),
    ]);
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.row, q.type, q.answer])).toEqual([[1, 'single', ['B']], [2, 'multiple', ['A', 'B']], [3, 'judge', ['A']], [4, 'judge', ['B']]]);
    expect(questions[2]!.options).toEqual([{ key: 'A', text: '对' }, { key: 'B', text: '错' }]);
  });

  it('reads the Chinese template header too', () => {
    const { questions, errors } = validateBankRows([
      ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '标签'],
      ['单选', '问？', '甲', '乙', '', '', '', '', 'A', '因为', '党章；党史'],
    ]);
    expect(errors).toEqual([]);
    expect(questions[0]).toMatchObject({ type: 'single', tags: ['党章', '党史'], explanation: '因为' });
  });

  it('reports every bad row with its 1-based data row number and a reason', () => {
    const { questions, errors } = validateBankRows([
      header,
      row('single', '好题', ['甲', '乙'], 'A'),
      row('essay', '论述题', [], '言之成理'),
      row('single', '答案越界', ['甲', '乙', '丙', '丁'], 'G'),
      row('multiple', '多选无答案', ['甲', '乙', '丙'], ''),
      row('single', '', ['甲', '乙'], 'B'),
      row('judge', '判断用字母', [], 'A'),
      row('single', '只有一个选项', ['甲'], 'A'),
      row('multiple', '多选只一个答案', ['甲', '乙', '丙'], 'B'),
      row('single', '答案指向空选项', ['甲', '乙', '', ''], 'C'),
      row('single', '选项有空缺', ['甲', '', '丙'], 'A'),
      row('single', '单选两个答案', ['甲', '乙', '丙'], 'AB'),
    ]);
    expect(questions.map((q) => q.row)).toEqual([1]);
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const byRow = Object.fromEntries(errors.map((e) => [e.row, e.message]));
    expect(byRow[2]).toContain('未知题型「essay」');
    expect(byRow[3]).toContain('答案 G 不在选项范围内');
    expect(byRow[4]).toContain('答案为空');
    expect(byRow[5]).toContain('题干为空');
    expect(byRow[6]).toContain('判断题答案应为「对」或「错」');
    expect(byRow[7]).toContain('至少需要两个选项');
    expect(byRow[8]).toContain('多选题至少应有两个正确答案');
    expect(byRow[9]).toContain('答案 C 不在选项范围内');
    expect(byRow[10]).toContain('选项B为空');
    expect(byRow[11]).toContain('单选题只能有一个答案');
    expect(byRow[2]).toMatch(/^第 2 条数据（表格第 3 行）/);
  });

  it('skips blank rows but keeps numbering by position', () => {
    const { questions, errors } = validateBankRows([header, ['', '', ''], row('judge', '真？', [], '错')]);
    expect(errors).toEqual([]);
    expect(questions[0]!.row).toBe(2);
  });

  it('rejects a header without the required columns, and an empty file', () => {
    expect(validateBankRows([['foo', 'bar'], ['1', '2']]).errors[0]).toMatchObject({ row: 0, message: expect.stringContaining('表头缺少列') });
    expect(validateBankRows([]).errors[0]!.row).toBe(0);
    expect(validateBankRows([header]).errors[0]!.message).toContain('没有题目');
  });
});

describe('validateQuestionInput', () => {
  it('applies the template rules to a hand-typed question', () => {
    expect(validateQuestionInput({ type: 'single', stem: ' 问 ', options: ['甲', '乙'], answer: 'B' })).toMatchObject({ stem: '问', answer: ['B'] });
    expect(validateQuestionInput({ type: 'judge', stem: '问', answer: 'B' })).toContain('判断题答案');
  });
});

describe('questionFingerprint', () => {
  it('is the same for the same stem and options, whatever the spacing or option order', () => {
    const a = questionFingerprint({ type: 'single', stem: '热线 号码是？', options: [{ key: 'A', text: '12348' }, { key: 'B', text: '12345' }] });
    const b = questionFingerprint({ type: 'single', stem: ' 热线  号码是？', options: [{ key: 'A', text: '12345' }, { key: 'B', text: '12348' }] });
    const c = questionFingerprint({ type: 'single', stem: '热线号码是？', options: [{ key: 'A', text: '12345' }, { key: 'B', text: '12348' }] });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
