import * as z from 'zod/mini';
import { monthParam } from '../orglife/month';

/** Monthly outcome figures of an institution (办实事成效): all sums, so every level's figure is its children's sum. */
export const outcomeFields = ['legalAidCases', 'feesWaivedYuan', 'disputesMediated', 'consultations'] as const;
export type OutcomeField = (typeof outcomeFields)[number];
export const outcomeLabels: Record<OutcomeField, string> = {
  legalAidCases: '办理法律援助案件（件）', feesWaivedYuan: '减免费用（元）', disputesMediated: '调解纠纷（件）', consultations: '解答咨询（人次）',
};
/** Header words accepted in an import, Chinese first. */
export const outcomeHeaders: Record<OutcomeField | 'institution' | 'month', string[]> = {
  institution: ['单位', '机构', '单位名称', 'institution', 'institutionid'],
  month: ['月份', 'month'],
  legalAidCases: ['法律援助案件', '办理法律援助案件', '法律援助案件（件）', '办理法律援助案件（件）', 'legalaidcases'],
  feesWaivedYuan: ['减免费用', '减免费用（元）', '减免费用(元)', 'feeswaivedyuan'],
  disputesMediated: ['调解纠纷', '调解纠纷（件）', 'disputesmediated'],
  consultations: ['解答咨询', '解答咨询（人次）', 'consultations'],
};
export const MAX_FIGURE = 100_000_000;

const count = (label: string) => z.int(`${label}应为整数`).check(z.minimum(0, `${label}不能为负数`), z.maximum(MAX_FIGURE, `${label}过大，请核对`));
export const outcomeFigures = z.object({
  legalAidCases: z.number(), feesWaivedYuan: z.number(), disputesMediated: z.number(), consultations: z.number(),
});
export type OutcomeFigures = z.infer<typeof outcomeFigures>;

export const saveOutcomeBody = z.strictObject({
  legalAidCases: count('法律援助案件数'),
  feesWaivedYuan: z.number('减免费用应为数字').check(
    z.minimum(0, '减免费用不能为负数'), z.maximum(MAX_FIGURE, '减免费用过大，请核对'),
    z.refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, '减免费用最多保留两位小数'),
  ),
  disputesMediated: count('调解纠纷数'),
  consultations: count('解答咨询人次'),
});

export const outcomeParams = z.strictObject({ orgId: z.string().check(z.regex(/^[\w-]{2,40}$/, '编号格式不正确')), month: monthParam });
/** The service part of a monthly report (shared/src/orglife/report.ts): the month's outcomes and the projects. */
export const serviceReportFigures = z.extend(outcomeFigures, { projects: z.number(), projectsDone: z.number(), projectsOverdue: z.number() });
export type ServiceReportFigures = z.infer<typeof serviceReportFigures>;
export function emptyServiceReportFigures(): ServiceReportFigures {
  return { ...emptyOutcome(), projects: 0, projectsDone: 0, projectsOverdue: 0 };
}

export const outcomeRecord = z.extend(outcomeFigures, { orgId: z.string(), orgName: z.string(), month: z.string(), updatedAt: z.string(), by: z.string() });

export const outcomeRangeQuery = z.strictObject({ from: z.optional(monthParam), to: z.optional(monthParam) });
export const MAX_RANGE_MONTHS = 12;

export const outcomeRollup = z.object({
  orgId: z.string(),
  orgName: z.string(),
  from: z.string(),
  to: z.string(),
  total: outcomeFigures,
  /** Institutions that recorded at least one month in the range. */
  reporting: z.number(),
  children: z.array(z.extend(outcomeFigures, { id: z.string(), name: z.string(), kind: z.string() })),
});
export type OutcomeRollup = z.infer<typeof outcomeRollup>;

export const outcomeImportResult = z.object({ imported: z.number(), errors: z.array(z.object({ row: z.number(), message: z.string() })) });

export function emptyOutcome(): OutcomeFigures {
  return { legalAidCases: 0, feesWaivedYuan: 0, disputesMediated: 0, consultations: 0 };
}

export function addOutcome(into: OutcomeFigures, f: Partial<OutcomeFigures>): OutcomeFigures {
  for (const k of outcomeFields) into[k] += Number(f[k] ?? 0);
  into.feesWaivedYuan = Math.round(into.feesWaivedYuan * 100) / 100;
  return into;
}

/** Months from `from` to `to` inclusive (`YYYY-MM`), or null when the range is reversed or longer than allowed. */
export function monthsBetween(from: string, to: string, max = MAX_RANGE_MONTHS): string[] | null {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const n = (ty - fy) * 12 + (tm - fm) + 1;
  if (n < 1 || n > max) return null;
  return Array.from({ length: n }, (_, i) => {
    const m = fm - 1 + i;
    return `${fy + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** Sums of records at or under each child's path; records under the root but under no child count in the total only. */
export function rollUpOutcomes(
  records: (Partial<OutcomeFigures> & { orgPath: string; orgId: string })[],
  rootPath: string,
  children: { id: string; name: string; kind: string; path: string }[],
): { total: OutcomeFigures; reporting: number; children: (OutcomeFigures & { id: string; name: string; kind: string })[] } {
  const total = emptyOutcome();
  const reporting = new Set<string>();
  const rows = children.map((c) => ({ id: c.id, name: c.name, kind: c.kind, path: c.path, figures: emptyOutcome() }));
  for (const r of records) {
    if (!r.orgPath.startsWith(rootPath)) continue;
    addOutcome(total, r);
    reporting.add(r.orgId);
    const child = rows.find((c) => r.orgPath.startsWith(c.path));
    if (child) addOutcome(child.figures, r);
  }
  return { total, reporting: reporting.size, children: rows.map(({ path: _p, figures, ...c }) => ({ ...c, ...figures })) };
}

export interface OutcomeRow extends OutcomeFigures {
  row: number;
  institution: string;
  month: string;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/**
 * Rows of an outcome sheet (header row first) checked one by one: every bad row is listed with its
 * number and why. `knownInstitution` says whether a name or id names an institution the importer may report for.
 */
export function parseOutcomeRows(
  sheet: { row: number; cells: string[] }[],
  knownInstitution: (nameOrId: string) => boolean,
): { rows: OutcomeRow[]; errors: { row: number; message: string }[] } {
  const errors: { row: number; message: string }[] = [];
  const rows: OutcomeRow[] = [];
  const [head, ...body] = sheet.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!head) return { rows, errors: [{ row: 1, message: '文件是空的，请按模板填写' }] };
  const col = {} as Record<keyof typeof outcomeHeaders, number>;
  for (const [field, words] of Object.entries(outcomeHeaders) as [keyof typeof outcomeHeaders, string[]][]) {
    const i = head.cells.findIndex((c) => words.map(norm).includes(norm(c)));
    if (i < 0) errors.push({ row: head.row, message: `缺少“${words[0]}”列` });
    col[field] = i;
  }
  if (errors.length) return { rows, errors };
  if (body.length === 0) return { rows, errors: [{ row: head.row, message: '文件中没有数据行' }] };
  const seen = new Map<string, number>();
  for (const r of body) {
    const cell = (f: keyof typeof outcomeHeaders) => (r.cells[col[f]] ?? '').trim();
    const problems: string[] = [];
    const institution = cell('institution');
    if (!institution) problems.push('单位未填写');
    else if (!knownInstitution(institution)) problems.push(`单位“${institution}”不在您管理的范围内或不是服务机构`);
    const month = cell('month').replace(/^(\d{4})[./年-](\d{1,2})月?$/, (_m, y: string, m: string) => `${y}-${m.padStart(2, '0')}`);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) problems.push('月份应为 YYYY-MM，如 2026-11');
    const figures = emptyOutcome();
    for (const f of outcomeFields) {
      const raw = cell(f).replace(/[,，]/g, '');
      const label = outcomeLabels[f].replace(/（.*）/, '');
      const n = raw === '' ? 0 : Number(raw);
      if (!Number.isFinite(n) || n < 0) problems.push(`${label}应为不小于 0 的数字`);
      else if (n > MAX_FIGURE) problems.push(`${label}过大，请核对`);
      else if (f !== 'feesWaivedYuan' && !Number.isInteger(n)) problems.push(`${label}应为整数`);
      else if (f === 'feesWaivedYuan' && Math.abs(Math.round(n * 100) - n * 100) > 1e-6) problems.push('减免费用最多保留两位小数');
      else figures[f] = n;
    }
    const dupKey = `${institution}|${month}`;
    if (institution && seen.has(dupKey)) problems.push(`与第 ${seen.get(dupKey)} 行是同一单位同一月份`);
    seen.set(dupKey, r.row);
    if (problems.length) errors.push({ row: r.row, message: problems.join('；') });
    else rows.push({ row: r.row, institution, month, ...figures });
  }
  return { rows, errors };
}
