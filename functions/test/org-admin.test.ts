import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';

let api: TestApi;
let admin: string;
let cityAdmin: string;
let qsAdmin: string;
let secretary: string;

const csv = (name: string) => readFileSync(`functions/test/fixtures/${name}`);
const importCsv = (orgId: string, body: string | Buffer, token = admin) =>
  api.request('POST', `/admin/orgs/${orgId}/roster/import`, { token, rawBody: body, headers: { 'content-type': 'text/csv' } });

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('dev-admin');
  cityAdmin = await api.token('dev-city-admin');
  qsAdmin = await api.token('dev-qs-admin');
  secretary = await api.token('dev-secretary');
});
afterAll(() => api?.close());

describe('the organisation tree', () => {
  it('creates, renames, moves and closes within the subtree, keeping history', async () => {
    const county = await api.request('POST', '/admin/orgs', { token: cityAdmin, body: { parentId: 'lj', kind: 'bureau', name: '临江市测试区司法局' } });
    expect(county.status).toBe(201);
    expect(county.json).toMatchObject({ kind: 'bureau', bureauLevel: 'county', parentId: 'lj', path: `/jn/lj/${county.json.id}/` });
    const firm = await api.request('POST', '/admin/orgs', {
      token: cityAdmin, body: { parentId: county.json.id, kind: 'institution', name: '测试明德律师事务所', institutionType: 'law_firm', practitioners: 12, address: '测试路 1 号', licenceNumber: '31234567890' },
    });
    expect(firm.json).toMatchObject({ kind: 'institution', institutionType: 'law_firm', practitioners: 12 });
    const branch = await api.request('POST', '/admin/orgs', { token: cityAdmin, body: { parentId: firm.json.id, kind: 'party_org', partyOrgType: 'branch', name: '测试明德律师事务所党支部' } });
    expect(branch.json).toMatchObject({ kind: 'party_org', partyOrgType: 'branch', institutionIds: [firm.json.id] });

    const renamed = await api.request('PATCH', `/admin/orgs/${firm.json.id}`, { token: cityAdmin, body: { name: '测试明德律师事务所（更名）' } });
    expect(renamed.json.name).toBe('测试明德律师事务所（更名）');
    const moved = await api.request('PATCH', `/admin/orgs/${firm.json.id}`, { token: cityAdmin, body: { parentId: 'lj-xl' } });
    expect(moved.json.path).toBe(`/jn/lj/lj-xl/${firm.json.id}/`);
    const branchAfter = await api.request('GET', `/admin/orgs/${branch.json.id}`, { token: cityAdmin });
    expect(branchAfter.json.path).toBe(`/jn/lj/lj-xl/${firm.json.id}/${branch.json.id}/`);

    expectProblem(await api.request('PATCH', `/admin/orgs/${firm.json.id}`, { token: cityAdmin, body: { status: 'closed' } }), 409, 'CONFLICT');
    expect((await api.request('PATCH', `/admin/orgs/${branch.json.id}`, { token: cityAdmin, body: { status: 'closed' } })).json.status).toBe('closed');
    expect((await api.request('PATCH', `/admin/orgs/${firm.json.id}`, { token: cityAdmin, body: { status: 'closed' } })).json.status).toBe('closed');
    const still = await api.request('GET', `/admin/orgs/${firm.json.id}`, { token: cityAdmin });
    expect(still.status).toBe(200);
    const history = await api.request('GET', `/admin/orgs/${firm.json.id}/history`, { token: cityAdmin });
    expect(history.json.items.map((h: { action: string }) => h.action)).toEqual(['create', 'edit', 'move', 'close']);
    expect(history.json.items[2].change.parentId).toEqual({ from: county.json.id, to: 'lj-xl' });
  });

  it('refuses a move under its own descendant, a wrong kind, and another city\'s admin, changing nothing', async () => {
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const own = expectProblem(await api.request('PATCH', '/admin/orgs/lj-dh', { token: cityAdmin, body: { parentId: 'lj-dh-gz' } }), 400, 'VALIDATION_FAILED');
    expect(own.detail).toMatch(/下级组织|不能设立/);
    expectProblem(await api.request('PATCH', '/admin/orgs/lj-dh', { token: cityAdmin, body: { parentId: 'lj-dh' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', '/admin/orgs', { token: cityAdmin, body: { parentId: 'lj-dh-gz-b1', kind: 'institution', name: '支部下的机构', institutionType: 'other' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('PATCH', '/admin/orgs/lj-dh-gz', { token: qsAdmin, body: { name: '越权改名' } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('PATCH', '/admin/orgs/qs-ng-gz', { token: cityAdmin, body: { parentId: 'lj-dh' } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', '/admin/orgs', { token: cityAdmin, body: { parentId: 'lj-dh', kind: 'party_org', partyOrgType: 'joint_branch', name: '只有一家的联合支部', institutionIds: ['lj-dh-gz'] } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', '/admin/orgs', { token: cityAdmin, body: { parentId: 'lj-dh', kind: 'party_org', partyOrgType: 'joint_branch', name: '跨市联合支部', institutionIds: ['lj-dh-gz', 'qs-ng-gz'] } }), 403, 'FORBIDDEN');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });
});

describe('rosters', () => {
  it('rejects a roster with bad rows whole, naming each row and reason', async () => {
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const res = await importCsv('lj', csv('roster-bad.csv'));
    const p = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(p.errors!.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(p.errors!.map((e) => e.message).join('\n')).toMatch(/姓名不能为空[\s\S]*1991-13[\s\S]*11 位[\s\S]*晚于当前月份[\s\S]*并不存在的律师事务所[\s\S]*身份“党员”[\s\S]*与第 2 行重复[\s\S]*不覆盖单位/);
    const headers = expectProblem(await importCsv('lj', '姓名,电话\n张三,13800000000\n'), 400, 'VALIDATION_FAILED');
    expect(headers.detail).toMatch(/表头缺少/);
    expectProblem(await importCsv('lj', csv('roster-good.csv'), qsAdmin), 403, 'FORBIDDEN');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('imports, then updates on re-import instead of duplicating, and counts exactly', async () => {
    const first = await importCsv('lj', csv('roster-good.csv'));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ imported: 7, updated: 0, errors: [] });
    expect((await importCsv('lj', csv('roster-good.csv'))).json).toMatchObject({ imported: 0, updated: 0, unchanged: 7 });
    const changed = csv('roster-good.csv').toString().replace('严志诚,男,1991-06,13700001003,临江市守信律师事务所,,预备党员', '严志诚,男,1991-06,13700001003,临江市守信律师事务所,,正式党员');
    expect((await importCsv('lj', changed)).json).toMatchObject({ imported: 0, updated: 1, unchanged: 6 });

    const firm = await api.request('GET', '/admin/orgs/lj-dh-sx/coverage', { token: cityAdmin });
    expect(firm.json).toMatchObject({ institutions: 1, fullMembers: 3, members: 3, byClass: { uncovered: 1 } });
    expect(firm.json.gaps).toEqual([expect.objectContaining({ institutionId: 'lj-dh-sx', kind: 'own_missing', expected: 'own', status: 'open', deadline: expect.stringMatching(/-03-31$/) })]);

    const xlsx = new ExcelJS.Workbook();
    const ws = xlsx.addWorksheet('名册');
    ws.addRow(['姓名', '性别', '出生年月', '手机号', '所在单位', '党组织', '身份', '职务']);
    ws.addRow(['范晓东', '男', '1984-07', '13700001008', '临江明鉴司法鉴定所', '', '正式党员', '司法鉴定人']);
    const res = await api.request('POST', '/admin/orgs/lj-dh/roster/import', {
      token: admin, rawBody: Buffer.from(await xlsx.xlsx.writeBuffer()), headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.json).toMatchObject({ imported: 1 });
  });

  it('lists members with masked phones, no birth dates; the detail keeps dated records of leave and transfer', async () => {
    const list = await api.request('GET', '/admin/orgs/lj-dh-sx/members', { token: cityAdmin });
    expect(list.json.items).toHaveLength(4);
    for (const m of list.json.items) {
      expect(m.phone).toMatch(/^137\*{4}\d{4}$/);
      expect(m).not.toHaveProperty('birthMonth');
    }
    expect(list.text).not.toContain('13700001001');
    const qian = list.json.items.find((m: { name: string }) => m.name === '钱文博');
    const left = await api.request('POST', `/admin/members/${qian.id}/leave`, { token: cityAdmin, body: { date: '2026-11-01', reason: '调离本所' } });
    expect(left.json).toMatchObject({ active: false, records: [expect.objectContaining({ kind: 'leave', date: '2026-11-01', note: '调离本所' })] });
    expectProblem(await api.request('POST', `/admin/members/${qian.id}/leave`, { token: cityAdmin, body: { date: '2026-11-01', reason: '再次离开' } }), 409, 'CONFLICT');
    const future = await api.request('POST', `/admin/members/${list.json.items[1].id}/transfer`, { token: cityAdmin, body: { date: '2099-01-01', toInstitutionId: 'lj-dh-mj' } });
    expectProblem(future, 400, 'VALIDATION_FAILED');

    const kong = list.json.items.find((m: { name: string }) => m.name === '孔雅琴');
    const moved = await api.request('POST', `/admin/members/${kong.id}/transfer`, { token: cityAdmin, body: { date: '2026-11-20', toInstitutionId: 'lj-dh-gz', toPartyOrgId: 'lj-dh-gz-b1', note: '随所调动' } });
    expect(moved.json).toMatchObject({ institutionId: 'lj-dh-gz', partyOrgId: 'lj-dh-gz-b1', phone: '13700001002', birthMonth: '1988-11' });
    expect(moved.json.records.at(-1)).toMatchObject({ kind: 'transfer', date: '2026-11-20' });
    const firm = await api.request('GET', '/admin/orgs/lj-dh-sx/coverage', { token: cityAdmin });
    expect(firm.json).toMatchObject({ fullMembers: 1, members: 1 });
    const branch = await api.request('GET', '/admin/orgs/lj-dh-gz-b1', { token: cityAdmin });
    expect(branch.json.memberCount).toBe(7);
  });

  it('adds and edits by hand, refuses a phone already on the roster, lists those who attend another branch', async () => {
    const body = { name: '顾明远', gender: 'male', birthMonth: '1980-02', phone: '13700003001', status: 'full', institutionId: 'lj-dh-ls1', partyOrgId: 'lj-dh-ls1-b1', position: '律师' };
    const created = await api.request('POST', '/admin/members', { token: cityAdmin, body });
    expect(created.status).toBe(201);
    expect(created.json.records[0]).toMatchObject({ kind: 'join' });
    expectProblem(await api.request('POST', '/admin/members', { token: cityAdmin, body: { ...body, name: '另一人' } }), 409, 'CONFLICT');
    expectProblem(await api.request('POST', '/admin/members', { token: qsAdmin, body: { ...body, phone: '13700003002' } }), 403, 'FORBIDDEN');
    const edited = await api.request('PATCH', `/admin/members/${created.json.id}`, { token: cityAdmin, body: { position: '副主任', attendOrgIds: ['lj-dh-gz-b1'] } });
    expect(edited.json).toMatchObject({ position: '副主任', attendOrgIds: ['lj-dh-gz-b1'] });
    const attendees = await api.request('GET', '/admin/orgs/lj-dh-gz-b1/attendees', { token: secretary });
    expect(attendees.json.items).toEqual([expect.objectContaining({ name: '顾明远', partyOrgId: 'lj-dh-ls1-b1', attending: true })]);
  });

  it('lets a secretary see the branch, who has not bound, and print binding codes for them', async () => {
    const unbound = await api.request('GET', '/admin/orgs/lj-dh-gz-b1/members?bound=false', { token: secretary });
    expect(unbound.status).toBe(200);
    expect(unbound.json.items.every((m: { bound: boolean }) => !m.bound)).toBe(true);
    expect(unbound.json.items.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['张磊', '赵敏', '孙丽华']));
    const sheet = await api.request('POST', '/admin/orgs/lj-dh-gz-b1/binding-codes', { token: secretary });
    expect(sheet.status).toBe(201);
    expect(sheet.json).toMatchObject({ orgName: '东湖公证处党支部', alreadyBound: 2 });
    expect(sheet.json.items).toHaveLength(unbound.json.items.length);
    expectProblem(await api.request('GET', '/admin/orgs/lj-dh-ls1-b1/members', { token: secretary }), 403, 'FORBIDDEN');
    expectProblem(await api.request('GET', '/admin/orgs/lj/coverage', { token: secretary }), 403, 'FORBIDDEN');
  });
});

describe('the census', () => {
  it('adds up at every level, lists gaps of each kind, and closes a gap only once it is fixed', async () => {
    const province = (await api.request('GET', '/admin/orgs/jn/coverage', { token: admin })).json;
    const sum = (key: string) => province.children.reduce((n: number, c: Record<string, number>) => n + c[key]!, 0);
    for (const key of ['institutions', 'practitioners', 'members', 'fullMembers', 'gapCount']) expect(sum(key)).toBe(province[key]);
    expect(Object.values(province.byClass as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(province.institutions);
    expect(province.institutions).toBeGreaterThan(300);
    expect(new Set(province.gaps.map((g: { kind: string }) => g.kind))).toEqual(new Set(['own_missing', 'uncovered', 'liaison_missing', 'joint_oversize']));
    const city = (await api.request('GET', '/admin/orgs/lj/coverage', { token: admin })).json;
    for (const c of city.children) {
      const child = (await api.request('GET', `/admin/orgs/${c.id}/coverage`, { token: admin })).json;
      expect(child).toMatchObject({ institutions: c.institutions, members: c.members, byClass: c.byClass });
    }

    const gap = province.gaps.find((g: { kind: string }) => g.kind === 'liaison_missing');
    expectProblem(await api.request('PATCH', `/admin/gaps/${gap.id}`, { token: admin, body: { status: 'closed' } }), 409, 'CONFLICT');
    const planned = await api.request('PATCH', `/admin/gaps/${gap.id}`, { token: admin, body: { status: 'in_progress', deadline: '2027-03-31', note: '已物色联络员' } });
    expect(planned.json).toMatchObject({ status: 'in_progress', deadline: '2027-03-31' });
    await api.request('PATCH', `/admin/orgs/${gap.institutionId}`, { token: admin, body: { liaison: { name: '林平', role: 'liaison', since: '2026-11-20' } } });
    const closed = await api.request('PATCH', `/admin/gaps/${gap.id}`, { token: admin, body: { status: 'closed', note: '已选派联络员' } });
    expect(closed.json).toMatchObject({ status: 'closed', closedBy: '周立新' });
    const gaps = (await api.request('GET', '/admin/orgs/jn/gaps?status=closed', { token: admin })).json.items;
    expect(gaps.map((g: { id: string }) => g.id)).toContain(gap.id);
  });

  it('exports the census form with a row per institution and totals that match the figures', async () => {
    const res = await fetch(`${api.url}/admin/orgs/lj/census.xlsx`, { headers: { authorization: `Bearer ${cityAdmin}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: (string | number)[][] = [];
    ws.eachRow((r) => rows.push((r.values as (string | number)[]).slice(1)));
    const figures = (await api.request('GET', '/admin/orgs/lj/coverage', { token: cityAdmin })).json;
    expect(rows.filter((r) => typeof r[0] === 'number')).toHaveLength(figures.institutions);
    const total = rows.find((r) => r[3] === '总计')!;
    expect([total[6], total[7]]).toEqual([figures.practitioners, figures.members]);
    expect(rows.filter((r) => String(r[3]).endsWith('小计')).length).toBeGreaterThanOrEqual(4);
  });
});
