import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { expectProblem, startTestApi, type TestApi } from './support/test-api';
import { tableSnapshot } from './support/table';
import { localClient } from '../../scripts/lib/dynamo-local';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CAMPAIGN = 'demo-lj-2026'; // owned by 临江市 (lj)
let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('dev-city-admin');
});
afterAll(() => api?.close());

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
const importFile = (body: string | Buffer, type = 'text/csv', campaign = CAMPAIGN, token = admin) =>
  api.request('POST', `/admin/campaigns/${campaign}/suggestions/import`, { token, rawBody: body, headers: { 'content-type': type } });

describe('campaigns', () => {
  it('creates with the twelve default categories, edits, opens and closes, within the admin subtree only', async () => {
    const created = await api.request('POST', '/admin/campaigns', {
      token: admin,
      body: { title: '东湖区公证服务征求意见', description: '主动公开整治：周末不开门、收费不透明', orgId: 'lj-dh', opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2027-01-01T00:00:00.000Z' },
    });
    expect(created.status).toBe(201);
    expect(created.json.categories).toHaveLength(12);
    expect(created.json.status).toBe('draft');
    expectProblem(await api.request('GET', `/campaigns/${created.json.id}`), 404, 'NOT_FOUND');

    const opened = await api.request('PATCH', `/admin/campaigns/${created.json.id}`, { token: admin, body: { status: 'open', reportChannel: '监督电话 12348' } });
    expect(opened.json.status).toBe('open');
    expect((await api.request('GET', '/campaigns?status=open')).json.items.map((c: { id: string }) => c.id)).toContain(created.json.id);
    const closed = await api.request('PATCH', `/admin/campaigns/${created.json.id}`, { token: admin, body: { status: 'closed' } });
    expect(closed.json.status).toBe('closed');
    expect((await api.request('GET', '/campaigns?status=closed')).json.items.map((c: { id: string }) => c.id)).toContain(created.json.id);

    const list = await api.request('GET', '/admin/campaigns', { token: admin });
    expect(list.json.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([created.json.id, CAMPAIGN]));
    const sibling = await api.token('dev-qs-admin');
    expect((await api.request('GET', '/admin/campaigns', { token: sibling })).json.items.map((c: { id: string }) => c.id)).not.toContain(CAMPAIGN);
    expectProblem(await api.request('POST', '/admin/campaigns', { token: sibling, body: { title: '越权', description: '', orgId: 'lj', opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2027-01-01T00:00:00.000Z' } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('PATCH', `/admin/campaigns/${CAMPAIGN}`, { token: sibling, body: { status: 'closed' } }), 403, 'FORBIDDEN');
    expectProblem(await api.request('POST', '/admin/campaigns', { token: admin, body: { title: '日期颠倒', description: '', orgId: 'lj', opensAt: '2027-01-01T00:00:00.000Z', closesAt: '2026-11-01T00:00:00.000Z' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.request('POST', '/admin/campaigns', { token: await api.token('dev-secretary'), body: { title: '书记', description: '', orgId: 'lj', opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2027-01-01T00:00:00.000Z' } }), 403, 'FORBIDDEN');
  });
});

describe('the inbox', () => {
  it('shows contact data to admins in scope, logs every view, and hides it from a sibling city', async () => {
    const sub = await api.request('POST', `/campaigns/${CAMPAIGN}/suggestions`, { body: { category: 'lawyer', content: '律师收费前没有签书面合同', anonymous: false, contact: { name: '赵先生', phone: '13688889999' }, orgId: 'lj-dh-ls1' } });
    expect(sub.status).toBe(201);
    const inbox = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?q=${encodeURIComponent('书面合同')}`, { token: admin });
    expect(inbox.status).toBe(200);
    expect(inbox.json.items).toHaveLength(1);
    expect(inbox.json.items[0].contact).toEqual({ name: '赵先生', phone: '13688889999' });
    expect(inbox.json.items[0].status).toBe('under_review');

    const client = localClient(api.endpoint);
    const audit = await client.send(new QueryCommand({ TableName: api.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `AUDIT#${CAMPAIGN}` } } }));
    client.destroy();
    expect(audit.Items?.some((i) => i.suggestionIds?.L?.some((v) => v.S === sub.json.id))).toBe(true);

    expectProblem(await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions`, { token: await api.token('dev-qs-admin') }), 403, 'FORBIDDEN');
    expectProblem(await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions`, { token: await api.token('dev-member') }), 403, 'FORBIDDEN');
    expectProblem(await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions`), 401, 'UNAUTHENTICATED');

    // A county admin below the campaign's city sees only suggestions about its own units.
    await api.request('POST', `/campaigns/${CAMPAIGN}/suggestions`, { body: { category: 'mediation', content: '西岭区调解委员会下班太早', anonymous: true, orgId: 'lj-xl-tj' } });
    const county = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?limit=100`, { token: await api.token('dev-county-admin') });
    expect(county.status).toBe(200);
    expect(county.json.items.map((s: { id: string }) => s.id)).toContain(sub.json.id);
    expect(county.json.items.every((s: { orgId?: string }) => s.orgId?.startsWith('lj-dh'))).toBe(true);
  });

  it('filters by category, channel, status and date, and pages with a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await api.request('POST', `/campaigns/${CAMPAIGN}/suggestions`, { body: { category: 'correction', content: `社区矫正报到手续繁琐第${i}条`, anonymous: true } });
    }
    const first = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?category=correction&limit=2`, { token: admin });
    expect(first.json.items).toHaveLength(2);
    expect(first.json.nextCursor).toBeTruthy();
    const second = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?category=correction&limit=2&cursor=${first.json.nextCursor}`, { token: admin });
    expect(second.json.items.map((s: { id: string }) => s.id)).not.toContain(first.json.items[0].id);
    const none = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?category=correction&to=2020-01-01`, { token: admin });
    expect(none.json.items).toEqual([]);
    const window = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?channel=window&category=correction`, { token: admin });
    expect(window.json.items).toEqual([]);
    expectProblem(await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?from=yesterday`, { token: admin }), 400, 'VALIDATION_FAILED');

    // Has a reply or not: one answered, the rest not.
    const answered = first.json.items[0].id as string;
    await api.request('POST', `/admin/suggestions/${answered}/reply`, { token: admin, body: { text: '已简化报到手续' } });
    const replied = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?category=correction&replied=yes&limit=100`, { token: admin });
    expect(replied.json.items.map((s: { id: string }) => s.id)).toContain(answered);
    expect(replied.json.items.every((s: { reply?: unknown }) => s.reply)).toBe(true);
    const unanswered = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?category=correction&replied=no&limit=100`, { token: admin });
    expect(unanswered.json.items.map((s: { id: string }) => s.id)).not.toContain(answered);
    expect(unanswered.json.items.length).toBeGreaterThanOrEqual(4);
    expectProblem(await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?replied=maybe`, { token: admin }), 400, 'VALIDATION_FAILED');
  });

  it('marks spam and duplicates, and can take the mark back', async () => {
    const a = (await api.request('POST', `/campaigns/${CAMPAIGN}/suggestions`, { body: { category: 'other', content: '广告：低价代办各类证件', anonymous: true } })).json;
    const marked = await api.request('POST', `/admin/suggestions/${a.id}/moderation`, { token: admin, body: { moderation: 'spam' } });
    expect(marked.json.moderation).toBe('spam');
    const spam = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?moderation=spam`, { token: admin });
    expect(spam.json.items.map((s: { id: string }) => s.id)).toEqual([a.id]);
    const clean = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?moderation=none&limit=100`, { token: admin });
    expect(clean.json.items.map((s: { id: string }) => s.id)).not.toContain(a.id);
    const flagged = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?moderation=flagged&limit=100`, { token: admin });
    expect(flagged.json.items.map((s: { id: string }) => s.id)).toContain(a.id);
    expect(flagged.json.items.every((s: { moderation?: string }) => s.moderation === 'spam' || s.moderation === 'duplicate')).toBe(true);
    expectProblem(await api.request('POST', `/admin/suggestions/${a.id}/moderation`, { token: admin, body: { moderation: 'duplicate', duplicateOf: a.id } }), 400, 'VALIDATION_FAILED');
    const unmarked = await api.request('POST', `/admin/suggestions/${a.id}/moderation`, { token: admin, body: { moderation: null } });
    expect(unmarked.json.moderation).toBeUndefined();
  });
});

describe('import and export', () => {
  const header = ['category', 'content', 'channel', 'submittedAt', 'externalId', '备注'];

  it('imports offline suggestions from CSV, skips rows imported before, ignores extra columns', async () => {
    const file = csv([header, ['notary', '窗口意见卡：公证大厅没有叫号屏', 'window', '2026-11-03', 'card-001', '一楼'], ['公证', '来信：希望公证处延长中午办公时间', '来信', '2026-11-04T10:00:00+08:00', 'letter-001', ''], ['hotline', '热线反映：12348 夜间无人接听', 'hotline', '', '', '']]);
    const first = await importFile(file);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ imported: 3, skipped: 0, errors: [] });
    const again = await importFile(file);
    expect(again.json).toMatchObject({ imported: 1, skipped: 2 });
    const inbox = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?channel=window`, { token: admin });
    expect(inbox.json.items.some((s: { externalId?: string; submittedAt: string }) => s.externalId === 'card-001' && s.submittedAt === '2026-11-02T16:00:00.000Z')).toBe(true);
  });

  it('imports XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(header);
    ws.addRow(['law_education', '座谈会：普法宣传进社区太少', 'forum', '2026-11-05', 'forum-01', '']);
    ws.addRow(['admin_review', '问卷：行政复议申请流程看不懂', 'questionnaire', '2026-11-06', 'q-01', '']);
    const res = await importFile(Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ imported: 2, skipped: 0 });
  });

  it('rejects a bad file whole, with every bad row and its number, and writes nothing', async () => {
    const before = await tableSnapshot(api.endpoint, api.tableName);
    const file = csv([header, ['notary', '这一行是好的意见内容', 'window', '', 'ok-1', ''], ['unknown', '类别不对的一行内容', 'window', '', 'bad-1', ''], ['notary', '短', 'window', '', 'bad-2', ''], ['notary', '渠道不对的一行内容', 'email', '', 'bad-3', ''], ['notary', '日期不对的一行内容', 'letter', '2026-02-30', 'bad-4', '']]);
    const p = expectProblem(await importFile(file), 400, 'VALIDATION_FAILED');
    expect(p.errors?.map((e) => e.row)).toEqual([3, 4, 5, 6]);
    expect((p as unknown as { imported: number }).imported).toBe(0);
    expectProblem(await importFile('content\n只有一列'), 400, 'VALIDATION_FAILED');
    expectProblem(await importFile(Buffer.from('not a zip'), XLSX), 400, 'VALIDATION_FAILED');
    expectProblem(await importFile('a,b', 'application/json'), 400, 'VALIDATION_FAILED');
    expectProblem(await importFile('category,content,channel\n"unterminated'), 400, 'VALIDATION_FAILED');
    expect(await tableSnapshot(api.endpoint, api.tableName)).toEqual(before);
  });

  it('exports the inbox as a workbook with a bold frozen header', async () => {
    const res = await fetch(`${api.url}/admin/campaigns/${CAMPAIGN}/suggestions.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(5).value).toBe('意见内容');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBeGreaterThan(5);
  });
});

describe('dashboard figures', () => {
  it('counts per day, category and channel, and the satisfaction rate', async () => {
    const stats = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/stats`, { token: admin });
    expect(stats.status).toBe(200);
    expect(stats.json.total).toBeGreaterThan(5);
    const corrections = await api.request('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?category=correction&moderation=none&limit=100`, { token: admin });
    expect(corrections.json.items.length).toBeGreaterThanOrEqual(5);
    expect(stats.json.perCategory.find((c: { key: string }) => c.key === 'correction').count).toBe(corrections.json.items.length);
    expect(stats.json.perChannel.find((c: { key: string }) => c.key === 'window').count).toBeGreaterThanOrEqual(1);
    expect(stats.json.perDay.reduce((a: number, d: { count: number }) => a + d.count, 0)).toBe(stats.json.total);
  });
});
