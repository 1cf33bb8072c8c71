import { optionKeys, type QuestionContent, type QuestionType, type QuestionImportRowError } from './question';

/**
 * The question-bank template (题库导入模板), as most Chinese quiz systems lay it out. English column
 * names are the contract's (API.md); the Chinese ones are what the downloadable template shows.
 */
export const bankColumns = ['type', 'stem', 'optionA', 'optionB', 'optionC', 'optionD', 'optionE', 'optionF', 'answer', 'explanation', 'tags'] as const;
export type BankColumn = (typeof bankColumns)[number];
export const requiredBankColumns: readonly BankColumn[] = ['type', 'stem', 'answer'];

export const bankColumnLabels: Record<BankColumn, string> = {
  type: '题型', stem: '题干', optionA: '选项A', optionB: '选项B', optionC: '选项C', optionD: '选项D', optionE: '选项E', optionF: '选项F',
  answer: '答案', explanation: '解析', tags: '标签',
};

const headerAliases: Record<string, BankColumn> = {};
for (const c of bankColumns) {
  headerAliases[c.toLowerCase()] = c;
  headerAliases[bankColumnLabels[c].toLowerCase()] = c;
}
Object.assign(headerAliases, { 题目类型: 'type', 题目: 'stem', 正确答案: 'answer', 答案解析: 'explanation' });

const typeAliases: Record<string, QuestionType> = {
  single: 'single', 单选: 'single', 单选题: 'single',
  multiple: 'multiple', 多选: 'multiple', 多选题: 'multiple',
  judge: 'judge', 判断: 'judge', 判断题: 'judge',
};

const judgeTrue = new Set(['对', '正确', '√', '✓']);
const judgeFalse = new Set(['错', '错误', '×', '✗']);

/** Example rows of the template, one per type. */
export const templateExampleRows: string[][] = [
  ['single', '全国统一的公共法律服务热线号码是？', '12345', '12315', '12368', '12348', '', '', 'D', '12348 是公共法律服务热线。', '公共法律服务'],
  ['multiple', '下列哪些属于司法行政工作？', '法律援助', '公证管理', '人民调解', '天气预报', '', '', 'ABC', '天气预报不属于司法行政工作。', '司法行政'],
  ['judge', '党支部是党的基础组织。', '', '', '', '', '', '', '对', '党章规定党支部是党的基础组织。', '党章'],
];

export const MAX_STEM = 1000;
export const MAX_OPTION = 500;
export const MAX_EXPLANATION = 2000;
export const MAX_BANK_ROWS = 2000;

export interface BankRow extends QuestionContent {
  /** 1-based data row number (the header is not counted). */
  row: number;
}

export interface BankRowsResult {
  questions: BankRow[];
  errors: QuestionImportRowError[];
}

const clean = (s: string | undefined) => (s ?? '').replace(/\u00a0/g, ' ').trim();

/** Where each known column sits, or the file-level error of a header that lacks a required one. */
export function mapHeader(header: string[]): { index: Partial<Record<BankColumn, number>>; error?: string } {
  const index: Partial<Record<BankColumn, number>> = {};
  header.forEach((h, i) => {
    const col = headerAliases[clean(h).replace(/^\ufeff/, '').toLowerCase()];
    if (col && index[col] === undefined) index[col] = i;
  });
  const missing = requiredBankColumns.filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    return { index, error: `表头缺少列：${missing.map((c) => `${c}（${bankColumnLabels[c]}）`).join('、')}。请下载模板后按模板填写` };
  }
  return { index };
}

/** Parses an answer cell of a lettered question into sorted unique letters, or says what is wrong. */
function parseLetters(raw: string): string[] | string {
  const s = raw.toUpperCase().replace(/[\s,，、;；|/]/g, '');
  if (s === '') return '答案为空';
  if (!/^[A-Z]+$/.test(s)) return `答案「${raw}」格式不正确，应为选项字母，如 A 或 ACD`;
  return [...new Set(s.split(''))].sort();
}

function splitTags(raw: string): string[] {
  return [...new Set(raw.split(/[;；,，、|]/).map((t) => t.trim()).filter(Boolean))];
}

/** Validates one data row; returns the question or the reason (Chinese) it is rejected. */
export function validateBankRow(cells: Record<BankColumn, string>): QuestionContent | string {
  const typeRaw = cells.type;
  const type = typeAliases[typeRaw.toLowerCase()];
  if (!type) return typeRaw ? `未知题型「${typeRaw}」，应为 single、multiple 或 judge（单选、多选、判断）` : '题型为空';
  const stem = cells.stem;
  if (!stem) return '题干为空';
  if (stem.length > MAX_STEM) return `题干过长（最多 ${MAX_STEM} 个字）`;
  const explanation = cells.explanation;
  if (explanation.length > MAX_EXPLANATION) return `解析过长（最多 ${MAX_EXPLANATION} 个字）`;
  const tags = splitTags(cells.tags);
  if (tags.some((t) => t.length > 20)) return '标签最多 20 个字';
  const optionTexts = optionKeys.map((k) => cells[`option${k}`]);

  if (type === 'judge') {
    const given = optionTexts.filter(Boolean);
    if (given.length > 0 && !(given.length === 2 && given[0] === '对' && given[1] === '错')) {
      return '判断题不需要填写选项（选项固定为 对/错）';
    }
    const a = cells.answer;
    if (!a) return '答案为空';
    if (judgeTrue.has(a)) return { type, stem, options: [{ key: 'A', text: '对' }, { key: 'B', text: '错' }], answer: ['A'], explanation, tags };
    if (judgeFalse.has(a)) return { type, stem, options: [{ key: 'A', text: '对' }, { key: 'B', text: '错' }], answer: ['B'], explanation, tags };
    return `判断题答案应为「对」或「错」，而不是「${a}」`;
  }

  const last = optionTexts.reduce((acc, t, i) => (t ? i : acc), -1);
  const count = last + 1;
  const gap = optionTexts.slice(0, count).findIndex((t) => !t);
  if (gap >= 0) return `选项${optionKeys[gap]}为空，但其后还有选项；选项应从 A 起连续填写`;
  if (count < 2) return `${type === 'single' ? '单选题' : '多选题'}至少需要两个选项`;
  if (type === 'multiple' && count < 3) return '多选题至少需要三个选项';
  const texts = optionTexts.slice(0, count) as string[];
  if (texts.some((t) => t.length > MAX_OPTION)) return `选项过长（最多 ${MAX_OPTION} 个字）`;
  if (new Set(texts).size !== texts.length) return '有两个选项的内容相同';
  const letters = parseLetters(cells.answer);
  if (typeof letters === 'string') return letters;
  const validKeys = optionKeys.slice(0, count) as readonly string[];
  const outside = letters.filter((l) => !validKeys.includes(l));
  if (outside.length > 0) return `答案 ${outside.join('')} 不在选项范围内（本题选项为 A–${optionKeys[count - 1]}）`;
  if (type === 'single' && letters.length !== 1) return `单选题只能有一个答案，而这里是 ${letters.join('')}`;
  if (type === 'multiple' && letters.length < 2) return '多选题至少应有两个正确答案；只有一个答案的请改为单选题';
  return { type, stem, options: texts.map((text, i) => ({ key: optionKeys[i]!, text })), answer: letters, explanation, tags };
}

/**
 * Validates a whole template (first row = header). Every bad row is reported with its 1-based data
 * row number (from `lines`, the spreadsheet's line numbers, when given); blank rows are ignored. The
 * caller imports nothing when `errors` is not empty.
 */
export function validateBankRows(rows: string[][], lines?: readonly number[]): BankRowsResult {
  if (rows.length === 0) return { questions: [], errors: [{ row: 0, message: '文件是空的' }] };
  const { index, error } = mapHeader(rows[0]!);
  if (error) return { questions: [], errors: [{ row: 0, message: error }] };
  const data = rows.slice(1);
  if (data.length > MAX_BANK_ROWS) return { questions: [], errors: [{ row: 0, message: `一次最多导入 ${MAX_BANK_ROWS} 道题` }] };
  const questions: BankRow[] = [];
  const errors: QuestionImportRowError[] = [];
  data.forEach((raw, i) => {
    // With the spreadsheet's own line numbers (empty lines may be absent), count from the header's line.
    const row = lines ? lines[i + 1]! - lines[0]! : i + 1;
    if (raw.every((c) => clean(c) === '')) return;
    const cells = Object.fromEntries(bankColumns.map((c) => [c, index[c] === undefined ? '' : clean(raw[index[c]])])) as Record<BankColumn, string>;
    const result = validateBankRow(cells);
    if (typeof result === 'string') errors.push({ row, message: `第 ${row} 条数据（表格第 ${row + 1} 行）：${result}` });
    else questions.push({ ...result, row });
  });
  if (questions.length === 0 && errors.length === 0) errors.push({ row: 0, message: '文件中没有题目' });
  return { questions, errors };
}

/** A question body typed by hand, checked by the same rules as a template row. */
export function validateQuestionInput(input: { type: string; stem: string; options?: string[]; answer: string; explanation?: string; tags?: string[] }): QuestionContent | string {
  const cells = Object.fromEntries(bankColumns.map((c) => [c, ''])) as Record<BankColumn, string>;
  cells.type = input.type;
  cells.stem = clean(input.stem);
  (input.options ?? []).forEach((t, i) => {
    const k = optionKeys[i];
    if (k) cells[`option${k}`] = clean(t);
  });
  cells.answer = clean(input.answer);
  cells.explanation = clean(input.explanation);
  cells.tags = (input.tags ?? []).join('、');
  return validateBankRow(cells);
}

/** The de-duplication key of a question: same type, stem and options (in any order) = the same question. */
export function questionFingerprint(q: Pick<QuestionContent, 'type' | 'stem' | 'options'>): string {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  const options = q.options.map((o) => norm(o.text)).sort();
  return [q.type, norm(q.stem), ...options].join('\u0001');
}
