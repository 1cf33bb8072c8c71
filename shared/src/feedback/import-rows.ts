import { channelLabels, channels, offlineChannels, contentLength, CONTENT_MAX, CONTENT_MIN, hasHiddenControls, HIDDEN_CONTROLS_MESSAGE, visibleLength, type Channel } from './suggestion';

export const IMPORT_COLUMNS = ['category', 'content', 'channel', 'submittedAt', 'externalId'] as const;
const REQUIRED = ['category', 'content', 'channel'] as const;
/** The Chinese headers a clerk may use instead (the console's template has them). */
export const IMPORT_COLUMN_LABELS: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  category: '类别', content: '意见内容', channel: '渠道', submittedAt: '提交时间', externalId: '原编号',
};
const columnAliases: Record<string, (typeof IMPORT_COLUMNS)[number]> = { 内容: 'content', 来源: 'channel', 编号: 'externalId' };
export const IMPORT_MAX_ROWS = 5000;

export interface ImportRow {
  /** The row as the clerk sees it in the spreadsheet (the header is row 1). */
  row: number;
  category: string;
  content: string;
  channel: Channel;
  submittedAt: string | null;
  externalId: string | null;
}

export interface RowError {
  row: number;
  message: string;
}

const channelByLabel = new Map<string, Channel>(channels.flatMap((c) => [[c, c], [channelLabels[c], c]] as [string, Channel][]));
channelByLabel.set('窗口', 'window');
channelByLabel.set('电话', 'hotline');
channelByLabel.set('问卷', 'questionnaire');

/** Dates as clerks type them: ISO with or without offset, `2026-03-01`, `2026/3/1 9:05`; plain dates are China time. */
export function parseSubmittedAt(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  const local = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', se = '0'] = local;
    const t = Date.UTC(+y!, +mo! - 1, +d!, +h - 8, +mi, +se);
    const check = new Date(t + 8 * 3_600_000);
    if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d!) return 'invalid';
    return new Date(t).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? 'invalid' : new Date(t).toISOString();
  }
  return 'invalid';
}

/**
 * Checks an import sheet (header + rows of strings) against a campaign's categories. Unknown extra
 * columns are ignored. Returns either every row ready to store or every problem found, never both.
 */
export function validateImport(
  table: { row: number; cells: string[] }[],
  categories: { key: string; label: string }[],
  now: Date,
): { rows: ImportRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const header = table[0];
  if (!header) return { rows: [], errors: [{ row: 1, message: `文件是空的，第一行应为表头：${IMPORT_COLUMNS.map((c) => IMPORT_COLUMN_LABELS[c]).join('、')}` }] };
  const index = new Map<string, number>();
  header.cells.forEach((h, i) => {
    const name = h.trim().replace(/^\uFEFF/, '');
    const match = IMPORT_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase() || IMPORT_COLUMN_LABELS[c] === name) ?? columnAliases[name];
    if (match && !index.has(match)) index.set(match, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) return { rows: [], errors: [{ row: header.row, message: `表头缺少列：${missing.map((c) => `${IMPORT_COLUMN_LABELS[c]}（${c}）`).join('、')}` }] };

  const body = table.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (body.length === 0) return { rows: [], errors: [{ row: header.row, message: '文件中没有数据行' }] };
  if (body.length > IMPORT_MAX_ROWS) return { rows: [], errors: [{ row: header.row, message: `一次最多导入 ${IMPORT_MAX_ROWS} 行，请拆分文件` }] };

  const categoryKey = new Map<string, string>();
  for (const c of categories) {
    categoryKey.set(c.key, c.key);
    categoryKey.set(c.label, c.key);
  }
  const cell = (r: { cells: string[] }, col: (typeof IMPORT_COLUMNS)[number]) => {
    const i = index.get(col);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const seenExternal = new Map<string, number>();
  const rows: ImportRow[] = [];
  for (const r of body) {
    const problems: string[] = [];
    const category = categoryKey.get(cell(r, 'category'));
    if (!category) problems.push(cell(r, 'category') ? `类别“${cell(r, 'category')}”不在本活动的类别中` : '缺少类别');
    const content = cell(r, 'content');
    const len = contentLength(content);
    if (hasHiddenControls(content)) problems.push(`意见内容${HIDDEN_CONTROLS_MESSAGE}`);
    if (visibleLength(content) < CONTENT_MIN) problems.push(`意见内容至少 ${CONTENT_MIN} 个字`);
    if (len > CONTENT_MAX) problems.push(`意见内容最多 ${CONTENT_MAX} 个字`);
    const ch = channelByLabel.get(cell(r, 'channel'));
    if (!ch) problems.push(`渠道“${cell(r, 'channel')}”无效，应为${offlineChannels.map((c) => channelLabels[c]).join('、')}之一`);
    const submittedAt = parseSubmittedAt(cell(r, 'submittedAt'));
    if (submittedAt === 'invalid') problems.push(`时间“${cell(r, 'submittedAt')}”无法识别，请用 2026-03-01 或 2026-03-01T09:30:00+08:00`);
    else if (submittedAt && submittedAt > now.toISOString()) problems.push('提交时间不能晚于现在');
    const externalId = cell(r, 'externalId') || null;
    if (externalId && externalId.length > 64) problems.push('externalId 最多 64 个字符');
    if (externalId) {
      const first = seenExternal.get(externalId);
      if (first !== undefined) problems.push(`externalId“${externalId}”与第 ${first} 行重复`);
      else seenExternal.set(externalId, r.row);
    }
    if (problems.length) errors.push({ row: r.row, message: problems.join('；') });
    else rows.push({ row: r.row, category: category!, content, channel: ch!, submittedAt: submittedAt as string | null, externalId });
  }
  return errors.length ? { rows: [], errors } : { rows, errors: [] };
}
