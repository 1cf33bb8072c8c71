import { reportDueMs, sumFigures, type MonthlyReport, type OrgLifeRules } from '@kaimen/shared';
import { orglifeRoutes as routes } from '@kaimen/shared/orglife/routes';
import { bind, FileReply, type Binding } from '../lib/api';
import { conflict, forbidden, validationFailed } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import { listChildren, type OrgRecord } from '../org/store';
import { assertOwnBureau, scopedBureau } from './access';
import { assembleFigures } from './figures';
import { isBureau, provinceIdOf } from './org-kinds';
import { getHead, listVersions, newHead, reopenReport, saveSections, submitReport, type ReportHead } from './report-store';
import { notifyReportReturned } from './reminders';
import { reportPrintPage, reportWorkbook } from './report-export';
import { rulesOf } from './rules-store';

const monthNow = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

function assertReportableMonth(month: string, now: Date): void {
  if (month > monthNow(now)) throw validationFailed('还没有到这个月份，不能编写月报', [{ path: 'month', message: '请选择本月或以前的月份' }]);
}

/** The report as shown: frozen figures once submitted, freshly assembled ones while it is a draft. */
export async function reportOf(org: OrgRecord, month: string, now: Date, rules?: OrgLifeRules, head?: ReportHead): Promise<MonthlyReport> {
  const r = rules ?? (await rulesOf(provinceIdOf(org.path)));
  const h = head ?? (await getHead(org.id, month)) ?? newHead(org.id, month);
  const [figures, versions] = await Promise.all([
    h.status === 'submitted' && h.figures ? h.figures : assembleFigures(org, month, r, now),
    listVersions(org.id, month),
  ]);
  const dueMs = reportDueMs(month, r.reportDueDay);
  const firstAt = h.firstSubmittedAt ? Date.parse(h.firstSubmittedAt) : null;
  return {
    month, orgId: org.id, orgName: org.name, status: h.status, version: h.version, figures, sections: h.sections,
    dueAt: new Date(dueMs).toISOString(), ...(h.submittedAt ? { submittedAt: h.submittedAt } : {}),
    late: firstAt !== null ? firstAt > dueMs : now.getTime() > dueMs,
    ...(h.returnComment ? { returnComment: h.returnComment } : {}),
    history: h.history, versions: versions.filter((v) => v.version !== h.version || h.status !== 'submitted'),
  };
}

async function ownReport(principal: Principal, orgId: string, month: string, now: Date) {
  const org = await scopedBureau(principal, orgId);
  assertOwnBureau(principal, org, '只能编写、报送本单位的月报');
  assertReportableMonth(month, now);
  return { org, head: (await getHead(org.id, month)) ?? newHead(org.id, month) };
}

/** Each child bureau's report for the month (status, lateness, figures) and the sum of their figures. */
export async function childrenOf(org: OrgRecord, month: string, now: Date) {
  const rules = await rulesOf(provinceIdOf(org.path));
  const children = (await listChildren(org.id)).filter(isBureau);
  const items = await Promise.all(children.map(async (c) => {
    const head = await getHead(c.id, month);
    const r = await reportOf(c, month, now, rules, head ?? newHead(c.id, month));
    return { orgId: c.id, orgName: c.name, status: head ? r.status : ('missing' as const), version: r.version, ...(r.submittedAt ? { submittedAt: r.submittedAt } : {}), late: r.late, figures: r.figures };
  }));
  return {
    month, orgId: org.id, dueAt: new Date(reportDueMs(month, rules.reportDueDay)).toISOString(),
    submitted: items.filter((i) => i.status === 'submitted').length,
    late: items.filter((i) => i.late).length,
    missing: items.filter((i) => i.status !== 'submitted').length,
    items, rollUp: sumFigures(items.map((i) => i.figures)),
  };
}

export const reportRoutes: Binding[] = [
  bind(routes.getReport, async ({ params, principal, now }) => {
    const org = await scopedBureau(principal, params.orgId);
    assertReportableMonth(params.month, now);
    return reportOf(org, params.month, now);
  }),

  bind(routes.updateReport, async ({ params, body, principal, now }) => {
    const { org, head } = await ownReport(principal, params.orgId, params.month, now);
    if (head.status === 'submitted') {
      throw conflict('月报已报送并锁定，如需更正请先生成新版本');
    }
    const saved = await saveSections(head, { ...head.sections, ...Object.fromEntries(Object.entries(body.sections).filter(([, v]) => v !== undefined)) });
    return reportOf(org, params.month, now, undefined, saved);
  }),

  bind(routes.submitReport, async ({ params, principal, now }) => {
    const { org, head } = await ownReport(principal, params.orgId, params.month, now);
    const rules = await rulesOf(provinceIdOf(org.path));
    if (head.status === 'submitted') {
      throw conflict('本月月报已报送，不能重复报送；如需更正请生成新版本');
    }
    const figures = await assembleFigures(org, params.month, rules, now);
    const saved = await submitReport(head, figures, principal.name || principal.userId, now.toISOString());
    return reportOf(org, params.month, now, rules, saved);
  }),

  bind(routes.reviseReport, async ({ params, principal, now }) => {
    const { org, head } = await ownReport(principal, params.orgId, params.month, now);
    const saved = await reopenReport(head, 'revised', principal.name || principal.userId, now.toISOString());
    return reportOf(org, params.month, now, undefined, saved);
  }),

  bind(routes.returnReport, async ({ params, body, principal, now }) => {
    const org = await scopedBureau(principal, params.orgId);
    if (org.parentId !== principal.orgId || !principal.roles.includes('admin')) throw forbidden('只有上一级机关可以退回月报');
    const head = (await getHead(org.id, params.month)) ?? newHead(org.id, params.month);
    const saved = await reopenReport(head, 'returned', principal.name || principal.userId, now.toISOString(), body.comment);
    await notifyReportReturned(org, saved);
    return reportOf(org, params.month, now, undefined, saved);
  }),

  bind(routes.childrenReports, async ({ params, principal, now }) => {
    const org = await scopedBureau(principal, params.orgId);
    assertReportableMonth(params.month, now);
    return childrenOf(org, params.month, now);
  }),

  bind(routes.reportXlsx, async ({ params, principal, now }) => {
    const org = await scopedBureau(principal, params.orgId);
    assertReportableMonth(params.month, now);
    const [report, children] = await Promise.all([reportOf(org, params.month, now), childrenOf(org, params.month, now)]);
    return new FileReply(await reportWorkbook(report, children.items), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${org.name}-${params.month}-月报.xlsx`);
  }),

  bind(routes.reportPrint, async ({ params, principal, now }) => {
    const org = await scopedBureau(principal, params.orgId);
    assertReportableMonth(params.month, now);
    const [report, children] = await Promise.all([reportOf(org, params.month, now), childrenOf(org, params.month, now)]);
    return new FileReply(Buffer.from(reportPrintPage(report, children.items), 'utf8'), 'text/html; charset=utf-8');
  }),
];
