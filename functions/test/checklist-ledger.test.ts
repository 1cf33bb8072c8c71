import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';
import { tallyAndWait } from './support/tally';

let api: TestApi;
const tokens: Record<string, string> = {};
const campaign = 'demo-lj-2026';
let itemId = '';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

async function expectUnchanged(run: () => Promise<void>) {
  const before = await tableSnapshot(api.endpoint, api.tableName);
  await run();
  expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
}

beforeAll(async () => {
  api = await startTestApi();
  for (const openid of ['dev-admin', 'dev-city-admin', 'dev-county-admin', 'dev-qs-admin', 'dev-member']) tokens[openid] = await api.token(openid);
  await tallyAndWait(api, campaign, tokens['dev-city-admin']!);
}, 240_000);
afterAll(() => api?.close());

const create = (body: unknown, token = tokens['dev-city-admin']) => api.request('POST', `/admin/campaigns/${campaign}/checklist-items`, { token, body });
const patch = (body: unknown, token = tokens['dev-city-admin']) => api.request('PATCH', `/admin/checklist-items/${itemId}`, { token, body });
const signOff = (body: unknown, token = tokens['dev-city-admin']) => api.request('POST', `/admin/checklist-items/${itemId}/sign-off`, { token, body });

async function upload(fileName: string, contentType: string, bytes: Buffer) {
  const signed = await api.request('POST', `/admin/checklist-items/${itemId}/evidence`, { token: tokens['dev-city-admin'], body: { fileName, contentType, size: bytes.length } });
  expect(signed.status).toBe(201);
  const put = await fetch(signed.json.uploadUrl, { method: 'PUT', headers: signed.json.headers, body: bytes });
  expect(put.status).toBe(200);
  return signed.json.evidenceId as string;
}

describe('items from every source', () => {
  it('refuses a source the tally owns, a unit outside the campaign, a Party org, and writes nothing', async () => {
    await expectUnchanged(async () => {
      expect(expectProblem(await create({ title: '手工群众建言', source: 'suggestion' }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('source');
      expect(expectProblem(await create({ title: '外市单位', source: 'inspection', orgId: 'qs' }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('orgId');
      expect(expectProblem(await create({ title: '党支部', source: 'inspection', orgId: 'lj-dh-gz-b1' }), 400, 'VALIDATION_FAILED').errors?.[0]?.message).toContain('党组织');
      expectProblem(await create({ title: '越权', source: 'talk' }, tokens['dev-qs-admin']), 403, 'FORBIDDEN');
      expectProblem(await create({ title: '党员', source: 'talk' }, tokens['dev-member']), 403, 'FORBIDDEN');
    });
  });

  it('creates an item by hand with its source and the unit that answers for it', async () => {
    const res = await create({ title: '班子成员联系基层不够', source: 'life_meeting', orgId: 'lj-dh', owner: '东湖区司法局', deadline: '2099-06-30', target: '每季度到联系点调研一次', published: true });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ source: 'life_meeting', sourceLabel: '民主生活会', orgId: 'lj-dh', orgName: '临江市东湖区司法局', status: 'open', suggestionCount: 0, signOff: { state: 'none' } });
    itemId = res.json.id;
    const list = await api.request('GET', `/admin/campaigns/${campaign}/checklist`, { token: tokens['dev-city-admin'] });
    expect(list.json.items.find((i: { id: string }) => i.id === itemId)).toBeTruthy();
    expect(new Set(list.json.items.map((i: { source: string }) => i.source))).toEqual(new Set(['suggestion', 'life_meeting']));
  });

  it('never lets the tally add a suggestion to a hand-made item, nor merge it', async () => {
    await api.request('POST', `/campaigns/${campaign}/suggestions`, { body: { category: 'other', content: '班子成员联系基层不够，很少到联系点调研', anonymous: true } });
    await tallyAndWait(api, campaign, tokens['dev-city-admin']!);
    const list = await api.request('GET', `/admin/campaigns/${campaign}/checklist`, { token: tokens['dev-city-admin'] });
    const mine = list.json.items.find((i: { id: string }) => i.id === itemId);
    expect(mine.suggestionCount).toBe(0);
    const other = list.json.items.find((i: { source: string }) => i.source === 'suggestion');
    await expectUnchanged(async () => {
      expectProblem(await api.request('POST', `/admin/checklist-items/${other.id}/merge`, { token: tokens['dev-city-admin'], body: { from: itemId } }), 400, 'VALIDATION_FAILED');
    });
  });
});

describe('evidence', () => {
  it('refuses a file whose name, size or bytes are not what it claims, and the note with it', async () => {
    await expectUnchanged(async () => {
      expect(expectProblem(await api.request('POST', `/admin/checklist-items/${itemId}/evidence`, { token: tokens['dev-city-admin'], body: { fileName: '现场.png', contentType: 'application/pdf', size: 10 } }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('fileName');
      expectProblem(await api.request('POST', `/admin/checklist-items/${itemId}/evidence`, { token: tokens['dev-city-admin'], body: { fileName: 'a.exe', contentType: 'application/x-msdownload', size: 10 } }), 400, 'VALIDATION_FAILED');
      expectProblem(await api.request('POST', `/admin/checklist-items/${itemId}/evidence`, { token: tokens['dev-city-admin'], body: { fileName: 'big.png', contentType: 'image/png', size: 11 * 1024 * 1024 } }), 413, 'PAYLOAD_TOO_LARGE');
    });
    const fake = await upload('现场照片.png', 'image/png', Buffer.concat([PDF, Buffer.alloc(PNG.length > PDF.length ? PNG.length - PDF.length : 0)]));
    await expectUnchanged(async () => {
      const refused = expectProblem(await patch({ status: 'in_progress', progress: '已建立联系点调研制度', evidenceIds: [fake] }), 400, 'VALIDATION_FAILED');
      expect(refused.detail).toContain('文件内容不是PNG 图片，而是PDF 文件');
      expectProblem(await patch({ evidenceIds: [fake] }), 400, 'VALIDATION_FAILED');
    });
  });

  it('attaches checked files to a progress note and shows them to admins only', async () => {
    const photo = await upload('调研照片.png', 'image/png', PNG);
    const pdf = await upload('调研制度.pdf', 'application/pdf', PDF);
    const res = await patch({ status: 'in_progress', progress: '已建立联系点调研制度', evidenceIds: [photo, pdf] });
    expect(res.status).toBe(200);
    const note = res.json.notes.at(-1);
    expect(note.evidence.map((e: { name: string }) => e.name)).toEqual(['调研照片.png', '调研制度.pdf']);
    expect(Buffer.from(await (await fetch(note.evidence[0].url)).arrayBuffer())).toEqual(PNG);
    expect(Object.keys(note.evidence[0]).sort()).toEqual(['contentType', 'id', 'name', 'size', 'url']);
    const pub = await api.request('GET', `/campaigns/${campaign}/checklist`);
    expect(pub.text).not.toContain('调研照片');
  });
});

describe('sign-off (销号) by the level above', () => {
  it('refuses closing without the level above, and a sign-off by the unit itself or a stranger, changing nothing', async () => {
    expect((await patch({ status: 'done', progress: '已完成首轮调研' })).json.signOff.state).toBe('pending');
    await expectUnchanged(async () => {
      expect(expectProblem(await patch({ status: 'closed' }), 400, 'VALIDATION_FAILED').detail).toContain('上级审核');
      const self = expectProblem(await signOff({ decision: 'approve' }, tokens['dev-county-admin']), 403, 'FORBIDDEN');
      expect(self.detail).toBe('销号须由责任单位（临江市东湖区司法局）的上级审核，您不能审核这个事项');
      expectProblem(await signOff({ decision: 'approve' }, tokens['dev-qs-admin']), 403, 'FORBIDDEN');
      expectProblem(await signOff({ decision: 'approve' }, tokens['dev-member']), 403, 'FORBIDDEN');
      expect(expectProblem(await signOff({ decision: 'refuse' }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('reason');
      expectProblem(await signOff({ decision: 'maybe' }), 400, 'VALIDATION_FAILED');
    });
  });

  it('sends a refused item back with the reason, and closes it when the level above agrees', async () => {
    const refused = await signOff({ decision: 'refuse', reason: '缺少调研记录，请补充' });
    expect(refused.json).toMatchObject({ status: 'in_progress', signOff: { state: 'refused', by: '陈海燕', byOrgName: '临江市司法局', reason: '缺少调研记录，请补充' } });
    expect(refused.json.notes.at(-1).text).toBe('上级退回：缺少调研记录，请补充');
    expectProblem(await signOff({ decision: 'approve' }), 409, 'CONFLICT');
    await patch({ status: 'done', progress: '已补充调研记录' });
    const closed = await signOff({ decision: 'approve' });
    expect(closed.json).toMatchObject({ status: 'closed', signOff: { state: 'approved', by: '陈海燕' } });
    expectProblem(await signOff({ decision: 'approve' }), 409, 'CONFLICT');
  });

  it('publishes items of every source and exports the ledger with a source column', async () => {
    const pub = await api.request('GET', `/campaigns/${campaign}/checklist`);
    expect(pub.json.items.find((i: { id: string }) => i.id === itemId)).toMatchObject({ source: 'life_meeting', sourceLabel: '民主生活会', status: 'closed' });
    const res = await fetch(`${api.url}/admin/campaigns/${campaign}/checklist.xlsx`, { headers: { authorization: `Bearer ${tokens['dev-city-admin']}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('整改台账')!;
    const header = sheet.getRow(1).values as string[];
    const col = header.indexOf('问题来源');
    expect(col).toBeGreaterThan(0);
    const sources = new Set<string>();
    sheet.eachRow((row, n) => { if (n > 1) sources.add(String(row.getCell(col).value)); });
    expect(sources).toEqual(new Set(['群众建言', '民主生活会']));
    const signed = header.indexOf('销号审核');
    let text = '';
    sheet.eachRow((row) => { if (String(row.getCell(col).value) === '民主生活会') text = String(row.getCell(signed).value); });
    expect(text).toContain('上级已销号（临江市司法局 陈海燕）');
  });
});
