import type ExcelJS from 'exceljs';
import { loadExcel } from './excel';
import { XLSX_MEDIA_TYPE } from '@kaimen/shared';
import { validationFailed } from './problem';

export interface SheetRow {
  /** 1-based row number as shown by a spreadsheet program. */
  row: number;
  cells: string[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/**
 * Lines a CSV may have, as many rows as a workbook may (xlsx-guard.ts XLSX_LIMITS.rows). The parser
 * takes ~0.1 ms a line even for blank ones: 1 MB of line breaks kept a function busy for minutes.
 */
export const CSV_MAX_LINES = 10_000;

/** Line breaks: \n, \r\n or a lone \r (old Mac files). */
function lineCountOver(text: string, max: number): boolean {
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) && ++lines > max) return true;
  }
  return false;
}

/** Reads an uploaded CSV (UTF-8, with or without BOM) or the first sheet of an XLSX into rows of strings. */
export async function readSheet(contentType: string, bytes: Buffer): Promise<SheetRow[]> {
  if (contentType === XLSX_MEDIA_TYPE) {
    // fflate sets up its tables at import (~14 ms): only uploads pay for it.
    const { assertWorkbookWithinLimits } = await import('./xlsx-guard');
    assertWorkbookWithinLimits(bytes);
    const { Workbook } = await loadExcel();
    const wb = new Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw validationFailed('无法读取 Excel 文件，请确认是 .xlsx 格式', [{ path: 'file', message: '文件已损坏或不是 .xlsx' }]);
    }
    const ws = wb.worksheets[0];
    if (!ws) return [];
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const values = row.values as ExcelJS.CellValue[];
      rows.push({ row: n, cells: values.slice(1).map(cellText) });
    });
    return rows;
  }
  const text = bytes.toString('utf8');
  if (lineCountOver(text, CSV_MAX_LINES)) {
    throw validationFailed(`文件过大：超过 ${CSV_MAX_LINES} 行（空行也计入），请删除多余的空行或拆分后分批上传`, [{ path: 'file', message: `超过 ${CSV_MAX_LINES} 行` }]);
  }
  if (text.includes('\uFFFD')) {
    throw validationFailed('CSV 文件编码不是 UTF-8，请在 Excel 中另存为“CSV UTF-8”', [{ path: 'file', message: '文件编码无法识别' }]);
  }
  // The parser loads with the first CSV, as exceljs does with the first workbook: no part of the cold start.
  const { parse } = await import('csv-parse/sync');
  try {
    const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ row: info.lines, cells: record }));
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw validationFailed('CSV 文件格式有误', [{ path: 'file', message: `第 ${line ?? '?'} 行附近的引号或分隔符不完整`, ...(line ? { row: line } : {}) }]);
  }
}
