import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { recordsSnapshot } from './support/table';

let api: TestApi;
let member: string;
let secretary: string;
let countyAdmin: string;
let cityAdmin: string;
let qsAdmin: string;

const HOUR = 3_600_000;
const month = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7);
const [y, m] = month.split('-').map(Number) as [number, number];
const prevMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
const nextMonth = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
const snapshot = () => recordsSnapshot(api.endpoint, api.tableName);
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startTestApi();
  member = await api.token('dev-member');
  secretary = await api.token('dev-secretary');
  countyAdmin = await api.token('dev-county-admin');
  cityAdmin = await api.token('dev-city-admin');
  qsAdmin = await api.token('dev-qs-admin');
}, 120_000);
afterAll(() => api?.close());

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成效');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (bytes: Buffer, token: string, org = 'lj') =>
  api.request('POST', `/admin/orgs/${org}/service-outcomes/import`, { token, rawBody: bytes, headers: { 'content-type': 'application/octet-stream' } });

describe('service projects', () => {
  let projectId: string;

  it('a county bureau commits to a project; bad input is refused in Chinese and writes nothing', async () => {
    const before = await snapshot();
    const bad = await api.request('POST', '/admin/orgs/lj-dh/service-projects', { token: countyAdmin, body: { title: '便', owner: '', target: '目标', deadline: '2026/12/31' } });
    const p = expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(p.errors?.map((e) => e.path).sort()).toEqual(['deadline', 'owner', 'title']);
    const onInstitution = await api.request('POST', '/admin/orgs/lj-dh-gz/service-projects', { token: countyAdmin, body: { title: '便民十条', owner: '办公室', target: '一次办好', deadline: inDays(30) } });
    expect(expectProblem(onInstitution, 400, 'VALIDATION_FAILED').detail).toContain('司法局或党组织');
    expectProblem(await api.request('POST', '/admin/orgs/lj-dh/service-projects', { token: member, body: { title: '便民十条', owner: '办公室', target: '一次办好', deadline: inDays(30) } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', '/admin/orgs/lj-dh/service-projects', { token: qsAdmin, body: { title: '便民十条', owner: '办公室', target: '一次办好', deadline: inDays(30) } }), 403, 'FORBIDDEN');
    expect(await snapshot()).toEqual(before);

    const created = await api.request('POST', '/admin/orgs/lj-dh/service-projects', { token: countyAdmin, body: { title: '法律援助“掌上办”', owner: '法律援助中心', target: '困难群众申请法律援助全程网办', deadline: inDays(45) } });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ orgId: 'lj-dh', status: 'planned', percent: 0, overdue: false });
    projectId = created.json.id;
  });

  it('a branch commits to its own; progress notes move it to done', async () => {
    const own = await api.request('POST', '/admin/orgs/lj-dh-gz-b1/service-projects', { token: secretary, body: { title: '周末预约公证', owner: '王晓明', target: '每月两个周六上午开放预约', deadline: inDays(-1) } });
    expect(own.json.overdue).toBe(true);
    const half = await api.request('POST', `/admin/service-projects/${projectId}/progress`, { token: countyAdmin, body: { note: '已上线申请页面', percent: 50 } });
    expect(half.json).toMatchObject({ status: 'in_progress', percent: 50 });
    const done = await api.request('POST', `/admin/service-projects/${projectId}/progress`, { token: cityAdmin, body: { note: '全面运行', percent: 100 } });
    expect(done.json).toMatchObject({ status: 'done', percent: 100 });
    expect(done.json.progress.map((p: { note: string }) => p.note)).toEqual(['已上线申请页面', '全面运行']);
    expectProblem(await api.request('POST', `/admin/service-projects/${projectId}/progress`, { token: countyAdmin, body: { note: '超', percent: 101 } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('PATCH', `/admin/service-projects/${projectId}`, { token: qsAdmin, body: { title: '越权' } }), 404, 'NOT_FOUND');
    expectProblem(await api.request('PATCH', `/admin/service-projects/${projectId}`, { token: secretary, body: { title: '越级修改' } }), 404, 'NOT_FOUND');
    const list = await api.request('GET', '/admin/orgs/lj-dh/service-projects', { token: countyAdmin });
    expect(list.json.items.map((p: { title: string }) => p.title)).toEqual(expect.arrayContaining(['法律援助“掌上办”', '周末预约公证', '便民十条：公证“最多跑一次”']));
  });
});

describe('monthly outcomes', () => {
  it('the branch secretary types in its institution\'s month; not another institution\'s, not a future month', async () => {
    const saved = await api.request('PUT', `/admin/orgs/lj-dh-gz/service-outcomes/${month}`, { token: secretary, body: { legalAidCases: 2, feesWaivedYuan: 1500.5, disputesMediated: 1, consultations: 40 } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ orgId: 'lj-dh-gz', month, feesWaivedYuan: 1500.5, by: '王晓明' });
    const body = { legalAidCases: 1, feesWaivedYuan: 0, disputesMediated: 0, consultations: 0 };
    expectProblem(await api.request('PUT', `/admin/orgs/lj-dh-ls1/service-outcomes/${month}`, { token: secretary, body }), 403, 'FORBIDDEN');
    expectProblem(await api.request('PUT', `/admin/orgs/lj-dh-gz/service-outcomes/${month}`, { token: member, body }), 403, 'FORBIDDEN');
    expectProblem(await api.request('PUT', `/admin/orgs/lj-dh-gz/service-outcomes/${nextMonth}`, { token: secretary, body }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('PUT', `/admin/orgs/lj-dh/service-outcomes/${month}`, { token: countyAdmin, body }), 400, 'VALIDATION_FAILED');
  });

  it('refuses generated bad figures and changes nothing', async () => {
    const before = await snapshot();
    const bad = fc.oneof(fc.integer({ max: -1 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.string(), fc.constant(null), fc.constant(1e12));
    await fc.assert(fc.asyncProperty(fc.constantFrom('legalAidCases', 'disputesMediated', 'consultations', 'feesWaivedYuan'), bad, async (field, value) => {
      if (field === 'feesWaivedYuan' && typeof value === 'number' && value >= 0 && value < 1e8 && Math.abs(Math.round(value * 100) - value * 100) < 1e-6) return;
      const res = await api.request('PUT', `/admin/orgs/lj-dh-gz/service-outcomes/${month}`, { token: secretary, body: { legalAidCases: 1, feesWaivedYuan: 1, disputesMediated: 1, consultations: 1, [field]: value } });
      const p = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(p.errors?.[0]?.path).toBe(field);
    }), { numRuns: 30 });
    expect(await snapshot()).toEqual(before);
  });

  it('an import with a bad row writes nothing and lists each bad row', async () => {
    const before = await snapshot();
    const res = await upload(await workbook([
      ['单位', '月份', '法律援助案件', '减免费用（元）', '调解纠纷', '解答咨询'],
      ['临江明正律师事务所', month, 5, 2000, 1, 30],
      ['青山不存在所', month, 1, 0, 0, 0],
      ['临江衡信司法鉴定所', '2026-13', -2, 0, 0, 0],
    ]), cityAdmin);
    const p = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(p.detail).toContain('2 行有误');
    expect(p.errors?.map((e) => e.row)).toEqual([3, 4]);
    expect(p.errors?.[1]?.message).toContain('月份');
    expect(await snapshot()).toEqual(before);
    expectProblem(await upload(Buffer.from('not a workbook at all'), cityAdmin), 400, 'VALIDATION_FAILED');
    expectProblem(await upload(await workbook([['单位', '月份'], ['x', month]]), qsAdmin), 403, 'FORBIDDEN');
  });

  it('a good import is written, and the roll-up sums each child for a month and a range', async () => {
    const res = await upload(await workbook([
      ['单位', '月份', '法律援助案件', '减免费用（元）', '调解纠纷', '解答咨询'],
      ['临江明正律师事务所', month, 5, 2000, 1, 30],
      ['lj-xl-tj', month, 0, 0, 12, 20],
      ['临江衡信司法鉴定所', prevMonth, 1, 800.25, 0, 6],
    ]), cityAdmin);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ imported: 3, errors: [] });

    const one = await api.request('GET', `/admin/orgs/lj/service-outcomes?from=${month}`, { token: cityAdmin });
    expect(one.json.total).toEqual({ legalAidCases: 7, feesWaivedYuan: 3500.5, disputesMediated: 14, consultations: 90 });
    const dh = one.json.children.find((c: { id: string }) => c.id === 'lj-dh');
    const xl = one.json.children.find((c: { id: string }) => c.id === 'lj-xl');
    expect(dh).toMatchObject({ legalAidCases: 7, feesWaivedYuan: 3500.5, consultations: 70 });
    expect(xl).toMatchObject({ disputesMediated: 12, consultations: 20 });
    expect(one.json.reporting).toBe(3);

    const range = await api.request('GET', `/admin/orgs/lj-dh/service-outcomes?from=${prevMonth}&to=${month}`, { token: countyAdmin });
    // Last month holds the seeded demo figures and the imported 衡信 row.
    expect(range.json.total.legalAidCases).toBe(7 + 9 + 1);
    expect(range.json.children.find((c: { id: string }) => c.id === 'lj-dh-jd1')).toMatchObject({ legalAidCases: 1, feesWaivedYuan: 800.25 });
    expectProblem(await api.request('GET', `/admin/orgs/lj/service-outcomes?from=${month}&to=${prevMonth}`, { token: cityAdmin }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('GET', '/admin/orgs/lj/service-outcomes', { token: qsAdmin }), 403, 'FORBIDDEN');
    const own = await api.request('GET', `/admin/orgs/lj-dh-gz/service-outcomes?from=${month}`, { token: secretary });
    expect(own.json.total.consultations).toBe(40);
  });

  it('the monthly report carries the service figures', async () => {
    const report = await api.request('GET', `/admin/orgs/lj-dh/reports/${month}`, { token: countyAdmin });
    expect(report.status, report.text).toBe(200);
    expect(report.json.figures.service).toMatchObject({ legalAidCases: 7, feesWaivedYuan: 3500.5, consultations: 70, disputesMediated: 2 });
    expect(report.json.figures.service.projects).toBeGreaterThanOrEqual(3);
    expect(report.json.figures.service.projectsDone).toBeGreaterThanOrEqual(1);
    const children = await api.request('GET', `/admin/orgs/lj/reports/${month}/children`, { token: cityAdmin });
    expect(children.status, children.text).toBe(200);
  });
});
