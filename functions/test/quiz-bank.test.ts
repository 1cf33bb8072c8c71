import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '@kaimen/shared';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';
import { fixture, fixtureQuestions } from './support/quiz';

let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('dev-admin');
});
afterAll(() => api?.close());

const csv = { 'content-type': 'text/csv' };

async function newBank(token = admin, title = '题库') {
  const res = await api.request('POST', '/admin/question-banks', { token, body: { title } });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('题库');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('question bank import', () => {
  it('imports a good CSV and does not duplicate on re-import', async () => {
    const bankId = await newBank();
    const first = await api.request('POST', `/admin/question-banks/${bankId}/import`, { token: admin, rawBody: fixture('quiz-bank-good.csv'), headers: csv });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ imported: 12, skipped: 0, errors: [] });
    const again = await api.request('POST', `/admin/question-banks/${bankId}/import`, { token: admin, rawBody: fixture('quiz-bank-good.csv'), headers: csv });
    expect(again.json).toEqual({ imported: 0, skipped: 12, errors: [] });
    const bank = await api.request('GET', `/admin/question-banks/${bankId}`, { token: admin });
    expect(bank.json.questionCount).toBe(12);
    const list = await api.request('GET', `/admin/question-banks/${bankId}/questions?limit=100`, { token: admin });
    expect(list.json.items).toHaveLength(12);
    const judge = list.json.items.find((q: any) => q.stem === '党支部是党的基础组织。');
    expect(judge).toMatchObject({ type: 'judge', answer: ['A'], options: [{ key: 'A', text: '对' }, { key: 'B', text: '错' }], tags: ['党章'] });
  });

  it('rejects a file with bad rows whole, naming every bad row and why, and writes nothing', async () => {
    const bankId = await newBank();
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const res = await api.request('POST', `/admin/question-banks/${bankId}/import`, { token: admin, rawBody: fixture('quiz-bank-bad.csv'), headers: csv });
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.json).toMatchObject({ imported: 0, skipped: 0 });
    expect(problem.errors!.map((e: any) => e.row)).toEqual([2, 3, 4, 5, 6, 7]);
    const messages = problem.errors!.map((e) => e.message).join('\n');
    for (const reason of ['未知题型「essay」', '答案 C 不在选项范围内', '判断题答案应为「对」或「错」', '多选题至少应有两个正确答案', '题干为空', '至少需要两个选项']) {
      expect(messages).toContain(reason);
    }
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('imports XLSX with the Chinese template header, and the template downloads', async () => {
    const raw = await fetch(`${api.url}/admin/question-bank-template`, { headers: { authorization: `Bearer ${admin}` } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
    const templateBytes = Buffer.from(await raw.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(templateBytes as any);
    const header = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['题型', '题干', '选项A']);
    const templateCsv = await api.request('GET', '/admin/question-bank-template?format=csv', { token: admin });
    expect(templateCsv.text).toContain('题型,题干,选项A');

    // The template's own example rows import as they are.
    const bankId = await newBank();
    const fromTemplate = await api.request('POST', `/admin/question-banks/${bankId}/import`, { token: admin, rawBody: templateBytes, headers: { 'content-type': XLSX_MEDIA_TYPE } });
    expect(fromTemplate.json).toEqual({ imported: 3, skipped: 0, errors: [] });

    const rows = [['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析'], ...fixtureQuestions().slice(0, 4).map((q) => (
      [q.type, q.stem, ...[...(q.type === 'judge' ? [] : q.options), '', '', '', '', '', ''].slice(0, 6), q.type === 'judge' ? q.answerTexts[0]! : q.answerTexts.map((t) => 'ABCDEF'[q.options.indexOf(t)]).join(''), q.explanation]
    ))];
    const res = await api.request('POST', `/admin/question-banks/${bankId}/import`, { token: admin, rawBody: await xlsx(rows), headers: { 'content-type': XLSX_MEDIA_TYPE } });
    expect(res.status).toBe(200);
    expect(res.json.imported).toBe(4);
  });

  it('reports XLSX rows by data row number too', async () => {
    const bankId = await newBank();
    const res = await api.request('POST', `/admin/question-banks/${bankId}/import`, {
      token: admin, headers: { 'content-type': XLSX_MEDIA_TYPE },
      rawBody: await xlsx([['type', 'stem', 'optionA', 'optionB', 'answer'], ['single', '好题', '甲', '乙', 'A'], ['single', '坏题', '甲', '乙', 'Z']]),
    });
    expect(expectProblem(res, 400, 'VALIDATION_FAILED').errors).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining('答案 Z 不在选项范围内') })]);
  });
});

describe('questions by hand', () => {
  it('adds, edits and tags a question; a duplicate is refused', async () => {
    const bankId = await newBank();
    const added = await api.request('POST', `/admin/question-banks/${bankId}/questions`, {
      token: admin, body: { type: 'single', stem: '手工题', options: ['甲', '乙', '丙'], answer: 'B', explanation: '因为乙', tags: ['手工'] },
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ type: 'single', answer: ['B'], tags: ['手工'], version: 1 });
    const dup = await api.request('POST', `/admin/question-banks/${bankId}/questions`, { token: admin, body: { type: 'single', stem: '手工题', options: ['丙', '甲', '乙'], answer: 'C' } });
    expectProblem(dup, 409, 'CONFLICT');
    const edited = await api.request('PUT', `/admin/question-banks/${bankId}/questions/${added.json.id}`, {
      token: admin, body: { type: 'multiple', stem: '手工题（改）', options: ['甲', '乙', '丙'], answer: 'AB', tags: ['手工', '修改'] },
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ type: 'multiple', answer: ['A', 'B'], version: 2, tags: ['手工', '修改'] });
  });

  it('refuses a bad question with the same reasons as the importer, and unknown fields', async () => {
    const bankId = await newBank();
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const bad = await api.request('POST', `/admin/question-banks/${bankId}/questions`, { token: admin, body: { type: 'judge', stem: '真？', answer: 'A' } });
    expect(expectProblem(bad, 400, 'VALIDATION_FAILED').detail).toContain('判断题答案');
    expectProblem(await api.request('POST', `/admin/question-banks/${bankId}/questions`, { token: admin, body: { type: 'judge', stem: '真？', answer: '对', extra: 1 } }), 400, 'VALIDATION_FAILED');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('keeps banks to their org: members cannot manage, a sibling city cannot see', async () => {
    const bankId = await newBank(await api.token('dev-city-admin'), '临江题库');
    expectProblem(await api.request('GET', `/admin/question-banks/${bankId}`, { token: await api.token('dev-qs-admin') }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', `/admin/question-banks/${bankId}/import`, { token: await api.token('dev-member'), rawBody: fixture('quiz-bank-good.csv'), headers: csv }), 403, 'FORBIDDEN');
    const qsList = await api.request('GET', '/admin/question-banks', { token: await api.token('dev-qs-admin') });
    expect(qsList.json.items.map((b: any) => b.id)).not.toContain(bankId);
    const root = await api.request('GET', '/admin/question-banks?limit=100', { token: admin });
    expect(root.json.items.map((b: any) => b.id)).toContain(bankId);
  });
});
