import { workbookOf } from '../lib/workbook';
import { bankColumnLabels, bankColumns, templateExampleRows } from '@kaimen/shared';

/** The question-bank template: Chinese header (the importer also takes the English one), one example row per type. */
export async function templateWorkbook(): Promise<Buffer> {
  const notes = [
    '题型：single（单选）、multiple（多选）、judge（判断），也可填 单选/多选/判断。',
    '选项：从选项A起连续填写，单选题至少 2 个、多选题至少 3 个，最多 6 个（A–F）；判断题不填选项。',
    '答案：填选项字母，如 A 或 ACD；判断题填 对 或 错。多选题须全部选对才得分（多选、少选、错选均不得分）。',
    '标签（可选）：多个标签用顿号或分号分隔，出题时可按标签抽题。',
    '文件中任一行有误时整份不导入，并列出每一行的错误；题干和选项都相同的题目不会重复导入。',
  ];
  return workbookOf([
    {
      name: '题库',
      columns: bankColumns.map((c) => ({ header: bankColumnLabels[c], key: c, width: c === 'stem' || c === 'explanation' ? 40 : 12 })),
      rows: templateExampleRows.map((r) => Object.fromEntries(bankColumns.map((c, i) => [c, r[i]]))),
    },
    { name: '填写说明', columns: [{ header: '说明', key: 'text', width: 100 }], rows: notes.map((text) => ({ text })) },
  ]);
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The same template as CSV (UTF-8 with BOM so that Excel opens it right). */
export function templateCsv(): Buffer {
  const lines = [bankColumns.map((c) => bankColumnLabels[c]), ...templateExampleRows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
