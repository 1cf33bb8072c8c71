import * as z from 'zod/mini';
import { id, isoDateTime } from '../http/common';
import { meetingType, meetingTypes, type MeetingType } from './meetings';
import { monthParam } from './rules';
import { emptyServiceReportFigures, serviceReportFigures, type ServiceReportFigures } from '../service/outcomes';

const counts = z.record(meetingType, z.number());

/** The figures of a monthly report, all sums, so a parent's roll-up is the sum of its children's. */
export const reportFigures = z.object({
  coverage: z.object({ institutions: z.number(), partyOrgs: z.number(), members: z.number() }),
  orgLife: z.object({
    partyOrgs: z.number(),
    held: counts,
    due: counts,
    heldTotal: z.number(),
    dueTotal: z.number(),
    /** Party orgs with something overdue or short in the window before. */
    behindOrgs: z.number(),
    attended: z.number(),
    expected: z.number(),
    attendanceRate: z.nullable(z.number()),
  }),
  study: z.object({ sessions: z.number(), studyHours: z.number(), quizzes: z.number(), quizParticipants: z.number() }),
  suggestions: z.object({
    received: z.number(), answered: z.number(), rated: z.number(), satisfied: z.number(), satisfaction: z.nullable(z.number()),
  }),
  checklist: z.object({ total: z.number(), done: z.number(), overdue: z.number() }),
  /** 我为群众办实事 (added later: absent from versions submitted before it existed). */
  service: z.optional(serviceReportFigures),
});
export type ReportFigures = z.infer<typeof reportFigures>;

const section = z.string().check(z.maxLength(5000, '每部分最多 5000 个字'));
/** 进展情况 / 存在问题 / 下步打算. */
export const reportSections = z.object({ progress: z.string(), problems: z.string(), nextSteps: z.string() });
export type ReportSections = z.infer<typeof reportSections>;
export const reportSectionLabels: Record<keyof ReportSections, string> = { progress: '进展情况', problems: '存在问题', nextSteps: '下步打算' };

export const reportStatuses = ['draft', 'submitted', 'returned'] as const;
export const reportStatus = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatus>;

export const reportHistoryEntry = z.object({
  version: z.number(), action: z.enum(['submitted', 'returned', 'revised']), at: isoDateTime, by: z.string(), comment: z.optional(z.string()),
});

export const monthlyReport = z.object({
  month: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  status: reportStatus,
  version: z.number(),
  figures: reportFigures,
  sections: reportSections,
  dueAt: isoDateTime,
  submittedAt: z.optional(isoDateTime),
  late: z.boolean(),
  returnComment: z.optional(z.string()),
  history: z.array(reportHistoryEntry),
  /** Submitted versions before this one (a correction is a new version). */
  versions: z.array(z.object({ version: z.number(), submittedAt: isoDateTime, figures: reportFigures, sections: reportSections })),
});
export type MonthlyReport = z.infer<typeof monthlyReport>;

export const reportParams = z.strictObject({ orgId: id, month: monthParam });
export const updateReportBody = z.strictObject({
  sections: z.strictObject({ progress: z.optional(section), problems: z.optional(section), nextSteps: z.optional(section) }),
});
export const returnReportBody = z.strictObject({
  comment: z.string().check(z.trim(), z.minLength(2, '退回意见至少 2 个字'), z.maxLength(500, '退回意见最多 500 个字')),
});

export const childReport = z.object({
  orgId: z.string(), orgName: z.string(), status: z.enum(['missing', ...reportStatuses]), version: z.number(),
  submittedAt: z.optional(isoDateTime), late: z.boolean(), figures: reportFigures,
});
export const childrenReports = z.object({
  month: z.string(), orgId: z.string(), dueAt: isoDateTime, submitted: z.number(), late: z.number(), missing: z.number(),
  items: z.array(childReport), rollUp: reportFigures,
});

const zeroCounts = (): Record<MeetingType, number> => Object.fromEntries(meetingTypes.map((t) => [t, 0])) as Record<MeetingType, number>;

export function emptyReportFigures(): ReportFigures {
  return {
    coverage: { institutions: 0, partyOrgs: 0, members: 0 },
    orgLife: { partyOrgs: 0, held: zeroCounts(), due: zeroCounts(), heldTotal: 0, dueTotal: 0, behindOrgs: 0, attended: 0, expected: 0, attendanceRate: null },
    study: { sessions: 0, studyHours: 0, quizzes: 0, quizParticipants: 0 },
    suggestions: { received: 0, answered: 0, rated: 0, satisfied: 0, satisfaction: null },
    checklist: { total: 0, done: 0, overdue: 0 },
    service: emptyServiceReportFigures(),
  };
}

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);

/** Derived percentages from the sums. */
export function withRates(f: ReportFigures): ReportFigures {
  return {
    ...f,
    orgLife: { ...f.orgLife, attendanceRate: rate(f.orgLife.attended, f.orgLife.expected) },
    suggestions: { ...f.suggestions, satisfaction: rate(f.suggestions.satisfied, f.suggestions.rated) },
  };
}

/** The sum of several reports' figures (rates recomputed from the sums, never averaged). */
export function sumFigures(all: ReportFigures[]): ReportFigures {
  const out = emptyReportFigures();
  for (const f of all) {
    for (const k of Object.keys(out.coverage) as (keyof ReportFigures['coverage'])[]) out.coverage[k] += f.coverage[k];
    for (const t of meetingTypes) {
      out.orgLife.held[t] += f.orgLife.held[t] ?? 0;
      out.orgLife.due[t] += f.orgLife.due[t] ?? 0;
    }
    for (const k of ['partyOrgs', 'heldTotal', 'dueTotal', 'behindOrgs', 'attended', 'expected'] as const) out.orgLife[k] += f.orgLife[k];
    for (const k of Object.keys(out.study) as (keyof ReportFigures['study'])[]) out.study[k] += f.study[k];
    for (const k of ['received', 'answered', 'rated', 'satisfied'] as const) out.suggestions[k] += f.suggestions[k];
    for (const k of Object.keys(out.checklist) as (keyof ReportFigures['checklist'])[]) out.checklist[k] += f.checklist[k];
    for (const k of Object.keys(out.service!) as (keyof ServiceReportFigures)[]) out.service![k] += f.service?.[k] ?? 0;
  }
  out.study.studyHours = Math.round(out.study.studyHours * 10) / 10;
  out.service!.feesWaivedYuan = Math.round(out.service!.feesWaivedYuan * 100) / 100;
  return withRates(out);
}
