import { loadExcel } from './excel';

export interface SheetColumn {
  header: string;
  key: string;
  width: number;
  /** Long text: wrap it and align it to the top. */
  wrap?: boolean;
  /** Excel number format, e.g. `0.0%`. */
  numFmt?: string;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: Record<string, unknown>[];
}

/** A workbook in the form bureaus file: one sheet per spec, a bold frozen header, widths that fit Chinese text. */
export async function workbookOf(sheets: SheetSpec[], title?: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaimen 开门';
  if (title) wb.title = title;
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    ws.columns = spec.columns.map(({ header, key, width }) => ({ header, key, width }));
    for (const row of spec.rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const c of spec.columns) {
      if (c.wrap) ws.getColumn(c.key).alignment = { wrapText: true, vertical: 'top' };
      if (c.numFmt) ws.getColumn(c.key).numFmt = c.numFmt;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
