import type ExcelJSModule from 'exceljs';

/**
 * exceljs, loaded on first use: it is most of a bundle's size, and only the routes that read or
 * write workbooks need it, so the other routes of the function do not pay for it at cold start.
 */
export async function loadExcel(): Promise<typeof ExcelJSModule> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJSModule } & typeof ExcelJSModule;
  return mod.default ?? mod;
}
