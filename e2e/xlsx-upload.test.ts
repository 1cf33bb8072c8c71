// Workbook uploads over HTTP through serverless-offline (the local stack), for every import route
// of the registry that takes XLSX: the bytes must arrive intact, as they do through the gateway.
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import ExcelJS from 'exceljs';
import { allRoutes, XLSX_MEDIA_TYPE } from '@kaimen/shared';

let api: string;
let admin: string;

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  api = inject('apiUrl');
  const res = await fetch(`${api}/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'dev-admin' }) });
  admin = ((await res.json()) as { token: string }).token;
});

describe('XLSX uploads through serverless-offline', () => {
  it('lists the import routes that take a workbook', () => {
    const xlsxRoutes = allRoutes().filter(({ route }) => route.rawBody?.includes(XLSX_MEDIA_TYPE)).map(({ route }) => route.id);
    expect(xlsxRoutes).toEqual(expect.arrayContaining(['importSuggestions', 'importQuestions', 'importOfflineScores']));
  });

  it('imports a question bank from an XLSX sent as octet-stream, byte for byte', async () => {
    const bank = await fetch(`${api}/admin/question-banks`, {
      method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: '二进制上传题库' }),
    });
    const { id } = (await bank.json()) as { id: string };
    const bytes = await workbook([
      ['type', 'stem', 'optionA', 'optionB', 'optionC', 'optionD', 'optionE', 'optionF', 'answer', 'explanation'],
      ['single', '公证机构的执业原则不包括以下哪项？', '客观', '公正', '营利优先', '真实', '', '', 'C', '公证不以营利为目的'],
      ['judge', '法律援助是政府的责任。', '', '', '', '', '', '', '对', ''],
    ]);
    const res = await fetch(`${api}/admin/question-banks/${id}/import`, {
      method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body: bytes,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 2, errors: [] });
  });

  it('refuses a corrupted workbook with a clear problem, not a 500', async () => {
    const res = await fetch(`${api}/admin/campaigns/demo-lj-2026/suggestions/import`, {
      method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' },
      body: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toContain('Excel');
  });
});
