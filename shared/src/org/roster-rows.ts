import { memberStatusLabels, type MemberStatus } from './labels';

/** One roster row as the bureaus keep it (姓名, 性别, 出生年月, 手机号, 所在单位, 党组织, 身份, 职务), checked. */
export interface RosterRow {
  row: number;
  name: string;
  gender: 'male' | 'female';
  birthMonth: string;
  phone: string;
  institution: string;
  partyOrg: string | null;
  status: MemberStatus;
  position: string | null;
}

export interface RosterRowError {
  row: number;
  message: string;
}

const columns = {
  name: ['name', '姓名'],
  gender: ['gender', '性别'],
  birthMonth: ['birthmonth', '出生年月'],
  phone: ['phone', '手机号', '手机号码', '联系电话'],
  institution: ['institution', '所在单位', '单位'],
  partyOrg: ['partyorg', '党组织', '所在党组织'],
  status: ['status', '身份', '政治面貌'],
  position: ['position', '职务'],
} as const;
type Column = keyof typeof columns;
const required: Column[] = ['name', 'gender', 'birthMonth', 'phone', 'institution', 'partyOrg', 'status'];

const statusWords: Record<string, MemberStatus> = {
  full: 'full', probationary: 'probationary', activist: 'activist', none: 'none',
  正式党员: 'full', 中共党员: 'full', 预备党员: 'probationary', 中共预备党员: 'probationary', 入党积极分子: 'activist', 积极分子: 'activist', 群众: 'none',
};
const genderWords: Record<string, RosterRow['gender']> = { 男: 'male', 女: 'female', male: 'male', female: 'female' };

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** `1986-03`, `1986/3`, `1986.03`, `198603` or a spreadsheet date → `1986-03`; null when not a month. */
export function parseBirthMonth(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})[-/.年]?(\d{1,2})(?:月|[-/.]\d{1,2}(?:T.*)?)?$/.exec(t);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/** Header cells → column positions, or the headers that are missing. */
export function rosterColumns(header: string[]): { index: Partial<Record<Column, number>>; missing: string[] } {
  const norm = header.map((h) => h.trim().replace(/^\uFEFF/, '').toLowerCase());
  const index: Partial<Record<Column, number>> = {};
  for (const [col, names] of Object.entries(columns) as [Column, readonly string[]][]) {
    const i = norm.findIndex((h) => names.includes(h));
    if (i >= 0) index[col] = i;
  }
  return { index, missing: required.filter((c) => index[c] === undefined).map((c) => columns[c][1]) };
}

/**
 * Checks every row of a roster file (the header first). Any error means nothing is imported, so all
 * of them are reported, each with its row number; a person listed twice (same phone) is an error on
 * the later row.
 */
export function validateRosterRows(cells: string[][], rowNumbers: number[], today: Date): { rows: RosterRow[]; errors: RosterRowError[] } {
  const errors: RosterRowError[] = [];
  if (cells.length === 0) return { rows: [], errors: [{ row: 0, message: '文件是空的，请使用名册模板填写' }] };
  const { index, missing } = rosterColumns(cells[0]!);
  if (missing.length) {
    return { rows: [], errors: [{ row: rowNumbers[0] ?? 1, message: `表头缺少：${missing.join('、')}（应为 姓名、性别、出生年月、手机号、所在单位、党组织、身份、职务）` }] };
  }
  const thisMonth = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}`;
  const rows: RosterRow[] = [];
  const phoneRow = new Map<string, number>();
  for (let i = 1; i < cells.length; i++) {
    const c = cells[i]!;
    const row = rowNumbers[i] ?? i + 1;
    const get = (col: Column) => (index[col] === undefined ? '' : (c[index[col]!] ?? '').trim());
    if (c.every((v) => !v.trim())) continue;
    const problems: string[] = [];
    const name = get('name');
    if (!name) problems.push('姓名不能为空');
    else if (name.length > 20) problems.push('姓名不能超过 20 个字');
    const gender = genderWords[get('gender').toLowerCase()];
    if (!gender) problems.push('性别应为“男”或“女”');
    const birthMonth = parseBirthMonth(get('birthMonth'));
    if (!birthMonth) problems.push(`出生年月“${get('birthMonth')}”不是有效的年月（如 1986-03）`);
    else if (birthMonth > thisMonth) problems.push(`出生年月 ${birthMonth} 晚于当前月份`);
    else if (birthMonth < '1900-01') problems.push(`出生年月 ${birthMonth} 早于 1900 年`);
    const phone = get('phone').replace(/[\s-]/g, '');
    if (!PHONE_PATTERN.test(phone)) problems.push(`手机号“${get('phone')}”应为 11 位手机号码`);
    else if (phoneRow.has(phone)) problems.push(`手机号与第 ${phoneRow.get(phone)} 行重复（同一人只能出现一次，只能隶属一个党组织）`);
    const institution = get('institution');
    if (!institution) problems.push('所在单位不能为空');
    const statusText = get('status');
    const status = statusWords[statusText] ?? statusWords[statusText.toLowerCase()];
    if (!status) problems.push(`身份“${statusText}”无法识别，应为 ${Object.values(memberStatusLabels).join('、')}`);
    const partyOrg = get('partyOrg') || null;
    if (partyOrg && status === 'none') problems.push('群众不能填写所在党组织');
    if (problems.length) {
      errors.push({ row, message: problems.join('；') });
      continue;
    }
    phoneRow.set(phone, row);
    const position = get('position') || null;
    rows.push({ row, name, gender: gender!, birthMonth: birthMonth!, phone, institution, partyOrg, status: status!, position });
  }
  if (!errors.length && rows.length === 0) errors.push({ row: 0, message: '文件中没有人员，请在表头下方逐行填写' });
  return { rows, errors };
}
