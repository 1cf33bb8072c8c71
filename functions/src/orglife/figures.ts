import {
  emptyReportFigures, endOfMonthMs, meetingTypes, previousMonth, windowKey, withRates, type OrgLifeRules, type ReportFigures,
} from '@kaimen/shared';
import { keys } from '../db/keys';
import { queryAll } from '../lib/db';
import type { OrgRecord } from '../org/store';
import { coverageOf } from './census';
import { complianceUnder, orgsById } from './compliance';
import { aggregatesUnder } from './meeting-store';
import { partyOrgsUnder } from './party-orgs';
import { serviceFiguresUnder } from '../service/store';

/** Start and end (exclusive) of a China-time month as UTC ISO strings. */
export function monthRange(month: string): { from: string; to: string } {
  return { from: new Date(endOfMonthMs(previousMonth(month)) + 1).toISOString(), to: new Date(endOfMonthMs(month) + 1).toISOString() };
}

const byPath = (gsi2pk: string, orgPath: string) => queryAll({
  IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :p)', ExpressionAttributeValues: { ':pk': gsi2pk, ':p': orgPath },
});

/** 集中学习 held under the bureau in the month (hours = minutes × head count) and the quizzes open in it. */
async function studyFigures(org: OrgRecord, month: string): Promise<ReportFigures['study']> {
  const { from, to } = monthRange(month);
  const root = `/${org.path.split('/').filter(Boolean)[0]}/`;
  const [sessions, quizzes] = await Promise.all([byPath(keys.sessionsInOrg().gsi2pk, org.path), byPath(keys.quizzesInOrg().gsi2pk, root)]);
  const inMonth = sessions.filter((s) => (s.startsAt as string) >= from && (s.startsAt as string) < to);
  const minutes = inMonth.reduce((sum, s) => sum + Number(s.minutes ?? 0) * Number(s.attendance ?? 0), 0);
  // Quizzes open during the month that this bureau's members could take (set above, at or below it).
  const open = quizzes.filter((q) => (q.opensAt as string) < to && (q.closesAt as string) >= from
    && ((q.targetPaths as string[] | undefined) ?? [q.orgPath as string]).some((p) => org.path.startsWith(p) || p.startsWith(org.path)));
  const participants = new Set<string>();
  await Promise.all(open.map(async (q) => {
    const { pk, skPrefix } = keys.quizStandingsPrefix(q.id as string);
    const standings = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', FilterExpression: 'begins_with(orgPath, :path) AND gradedCount > :zero',
      ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix, ':path': org.path, ':zero': 0 }, ProjectionExpression: 'userId',
    });
    for (const s of standings) participants.add(s.userId as string);
  }));
  return { sessions: inMonth.length, studyHours: Math.round((minutes / 60) * 10) / 10, quizzes: open.length, quizParticipants: participants.size };
}

/** Suggestions received in the month by the bureau's campaigns, their replies and ratings; its checklists. */
async function feedbackFigures(org: OrgRecord, month: string, nowIso: string) {
  const { from, to } = monthRange(month);
  const campaigns = await byPath(keys.campaignsInOrg().gsi2pk, org.path);
  const suggestions = { received: 0, answered: 0, rated: 0, satisfied: 0, satisfaction: null as number | null };
  const checklist = { total: 0, done: 0, overdue: 0 };
  await Promise.all(campaigns.map(async (c) => {
    const [received, items] = await Promise.all([
      queryAll({
        IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':pk': keys.campaignSuggestions(c.id as string).gsi1pk, ':a': from, ':b': to },
      }),
      queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.campaignChecklist(c.id as string).gsi1pk } }),
    ]);
    for (const s of received) {
      if ((s.createdAt as string) >= to || s.moderation) continue;
      suggestions.received++;
      if (s.reply) suggestions.answered++;
      const rating = (s.rating as { rating?: string } | undefined)?.rating;
      if (rating) {
        suggestions.rated++;
        if (rating === 'satisfied' || rating === 'basically_satisfied') suggestions.satisfied++;
      }
    }
    for (const i of items) {
      if ((i.summary as { mergedInto?: string } | undefined)?.mergedInto) continue;
      checklist.total++;
      const done = i.status === 'done' || i.status === 'closed';
      if (done) checklist.done++;
      else if (i.deadline && (i.deadline as string) < nowIso.slice(0, 10)) checklist.overdue++;
    }
  }));
  return { suggestions, checklist };
}

/**
 * A bureau's monthly figures, assembled from what is recorded under it: the census, the org-life
 * aggregates of the month's windows, study sessions and quizzes, suggestions and the checklist.
 */
export async function assembleFigures(org: OrgRecord, month: string, rules: OrgLifeRules, now: Date): Promise<ReportFigures> {
  const [partyOrgs, compliance, monthAgg, study, feedback, service] = await Promise.all([
    partyOrgsUnder(org.path),
    complianceUnder(org, month, rules, now.getTime()),
    aggregatesUnder(org.path, windowKey(month, 'month')),
    studyFigures(org, month),
    feedbackFigures(org, month, now.toISOString()),
    serviceFiguresUnder(org.path, month, now),
  ]);
  const parents = await orgsById(partyOrgs.map((o) => o.parentId).filter((id): id is string => !!id));
  const f = emptyReportFigures();
  f.coverage = await coverageOf(org, partyOrgs, parents);
  f.orgLife.partyOrgs = partyOrgs.length;
  for (const c of compliance) {
    for (const t of c.types) {
      f.orgLife.held[t.type] += t.held;
      f.orgLife.due[t.type] += t.due;
    }
    if (c.behind) f.orgLife.behindOrgs++;
  }
  f.orgLife.heldTotal = meetingTypes.reduce((s, t) => s + f.orgLife.held[t], 0);
  f.orgLife.dueTotal = meetingTypes.reduce((s, t) => s + f.orgLife.due[t], 0);
  for (const a of monthAgg.values()) {
    f.orgLife.attended += a.attended;
    f.orgLife.expected += a.expected;
  }
  f.study = study;
  f.suggestions = feedback.suggestions;
  f.checklist = feedback.checklist;
  f.service = service;
  return withRates(f);
}

