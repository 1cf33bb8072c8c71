import {
  chinaDay, endOfMonthMs, isBureau, isPartyOrg, monthOf, previousMonth, reportDueMs, windowMonths,
  type OrgLifeRules,
} from '@kaimen/shared';
import { logger } from '../lib/logger';
import { emitNotification, type NotificationEvent } from '../notify/emit';
import { claimScan, once, releaseScan, rosterOf } from '../notify/scan-once';
import { isActive, orgsUnder, type OrgRecord } from '../org/store';
import { complianceUnder } from './compliance';
import { provinceIdOf } from './org-kinds';
import { getHead, type ReportHead } from './report-store';
import { rulesOf } from './rules-store';

const DAY_MS = 86_400_000;
/** A required meeting is "due soon" once its window (month, quarter, year) ends within this time. */
export const MEETING_DUE_WITHIN_MS = 7 * DAY_MS;
/** A monthly report is "due soon" once its deadline is within this time. */
export const REPORT_DUE_WITHIN_MS = 3 * DAY_MS;

const orgLifeLink = '/pages/orglife/index';
/** The monthly report is written in the PC console; on the phone the message leads to 我的. */
const reportLink = '/pages/me/index';

/** Who hears about an org's organisation life: its secretaries and admins on its roster. */
async function leadersOf(orgId: string, role: 'secretary' | 'admin'): Promise<string[]> {
  const roster = await rosterOf([orgId]);
  const chosen = roster.filter((m) => m.roles.includes(role));
  return (chosen.length ? chosen : roster.filter((m) => m.roles.includes('admin') || m.roles.includes('secretary'))).map((m) => m.id);
}

/** The message to a bureau whose monthly report the level above sent back; the same event for the route and the scan. */
export async function reportReturnedEvent(org: { id: string; name: string; path: string }, head: ReportHead): Promise<NotificationEvent | undefined> {
  const entry = [...head.history].reverse().find((h) => h.action === 'returned');
  if (head.status !== 'returned' || !entry) return undefined;
  return {
    kind: 'report_returned', eventKey: `report-returned#${org.id}#${head.month}#${entry.version}`,
    userIds: await leadersOf(org.id, 'admin'),
    title: `${head.month} 月报被退回`, body: `${org.name}：${entry.comment ?? '请按上级意见修改后重新报送'}（请在电脑端管理台修改）`,
    link: reportLink, scopePath: org.path, at: new Date(entry.at),
  };
}

/** Tells the bureau its report was sent back; a failure here is caught up by the daily scan (same event key). */
export async function notifyReportReturned(org: OrgRecord, head: ReportHead): Promise<void> {
  try {
    const event = await reportReturnedEvent(org, head);
    if (event?.userIds.length) await emitNotification(event);
  } catch (err) {
    logger.error('report_returned notification failed; the daily org-life scan sends it', { orgId: org.id, month: head.month, error: err as Error });
  }
}

export interface OrgLifeReminderCounts {
  meetingDue: number;
  meetingOverdue: number;
  reportDue: number;
  reportOverdue: number;
  reportReturned: number;
}

async function meetingReminders(root: OrgRecord, rules: OrgLifeRules, now: Date, out: OrgLifeReminderCounts): Promise<void> {
  const nowMs = now.getTime();
  const month = monthOf(nowMs);
  const prev = previousMonth(month);
  const [current, ended] = await Promise.all([complianceUnder(root, month, rules, nowMs), complianceUnder(root, prev, rules, nowMs)]);

  for (const o of current) {
    const soon = o.types.filter((t) => t.status === 'pending' && endOfMonthMs(windowMonths(month, t.every).last) - nowMs <= MEETING_DUE_WITHIN_MS);
    if (!soon.length) continue;
    const eventKey = `meeting-due#${o.orgId}#${month}`;
    if (await once(eventKey, async () => ({
      kind: 'meeting_due', eventKey, userIds: await leadersOf(o.orgId, 'secretary'),
      title: '组织生活会议即将到期', body: `${o.orgName}：${month} 月底前还需召开 ${soon.map((t) => `${t.typeLabel}（已开 ${t.held}/${t.due}）`).join('、')}`,
      link: orgLifeLink, scopePath: o.orgPath,
    }), now)) out.meetingDue += 1;
  }

  for (const o of ended) {
    const missed = o.types.filter((t) => t.status === 'overdue' && windowMonths(prev, t.every).last === prev);
    if (!missed.length) continue;
    const eventKey = `meeting-overdue#${o.orgId}#${prev}`;
    if (await once(eventKey, async () => ({
      kind: 'meeting_overdue', eventKey, userIds: await leadersOf(o.orgId, 'secretary'),
      title: '组织生活会议逾期未开', body: `${o.orgName}：截至 ${prev} 月底 ${missed.map((t) => `${t.typeLabel}应开 ${t.due} 次、已开 ${t.held} 次`).join('；')}，请尽快补开`,
      link: orgLifeLink, scopePath: o.orgPath,
    }), now)) out.meetingOverdue += 1;
  }
}

/**
 * Reports of last month and this month that a bureau has not submitted: due within 3 days or past due,
 * once per bureau, month and kind; a returned report's message is caught up if the route missed it.
 */
async function reportReminders(bureau: OrgRecord, rules: OrgLifeRules, now: Date, out: OrgLifeReminderCounts): Promise<void> {
  const nowMs = now.getTime();
  const month = monthOf(nowMs);
  for (const m of [previousMonth(month), month]) {
    const head = await getHead(bureau.id, m);
    if (head?.status === 'submitted') continue;
    if (head?.status === 'returned') {
      const event = await reportReturnedEvent(bureau, head);
      if (event && (await once(event.eventKey, async () => event, now))) out.reportReturned += 1;
    }
    const dueMs = reportDueMs(m, rules.reportDueDay);
    const due = new Date(dueMs).toISOString();
    const dueText = `${chinaDay(due)} ${new Date(dueMs + 8 * 3_600_000).toISOString().slice(11, 16)}`;
    if (nowMs > dueMs) {
      const eventKey = `report-overdue#${bureau.id}#${m}`;
      if (await once(eventKey, async () => ({
        kind: 'report_overdue', eventKey, userIds: await leadersOf(bureau.id, 'admin'),
        title: `${m} 月报逾期未报`, body: `${bureau.name}：${m} 月报应于 ${dueText} 前报送，至今未报送（请在电脑端管理台报送）`,
        link: reportLink, scopePath: bureau.path,
      }), now)) out.reportOverdue += 1;
    } else if (dueMs - nowMs <= REPORT_DUE_WITHIN_MS) {
      const eventKey = `report-due#${bureau.id}#${m}`;
      if (await once(eventKey, async () => ({
        kind: 'report_due', eventKey, userIds: await leadersOf(bureau.id, 'admin'),
        title: `${m} 月报即将截止`, body: `${bureau.name}：${m} 月报请于 ${dueText} 前报送（请在电脑端管理台报送）`,
        link: reportLink, scopePath: bureau.path,
      }), now)) out.reportDue += 1;
    }
  }
}

/**
 * Finds, over every province, branches whose required meetings fall due within 7 days or ended short
 * last month, and bureaus whose monthly report is due within 3 days or overdue; each reminder is
 * emitted once per org, period and kind (scan marker N11 and the message's own idempotency).
 * A bureau reports to the level above it, so a province (no level above in Kaimen) is not reminded.
 */
export async function orgLifeReminders(now: Date): Promise<OrgLifeReminderCounts> {
  const out: OrgLifeReminderCounts = { meetingDue: 0, meetingOverdue: 0, reportDue: 0, reportOverdue: 0, reportReturned: 0 };
  const orgs = (await orgsUnder('/')).filter(isActive);
  const rulesByProvince = new Map<string, Promise<OrgLifeRules>>();
  const rules = (path: string) => {
    const p = provinceIdOf(path);
    if (!rulesByProvince.has(p)) rulesByProvince.set(p, rulesOf(p));
    return rulesByProvince.get(p)!;
  };
  for (const root of orgs.filter((o) => !o.parentId)) {
    if (orgs.some((o) => isPartyOrg(o) && o.path.startsWith(root.path))) await meetingReminders(root, await rules(root.path), now, out);
  }
  for (const b of orgs.filter((o) => isBureau(o) && o.parentId)) await reportReminders(b, await rules(b.path), now, out);
  return out;
}

/**
 * The org-life scan of the scheduled sender: once a China day (the sender runs every few minutes),
 * taken again by a later run when it failed. Returns the reminders made, or 0 when today's scan is done.
 */
export async function orgLifeDue(now: Date): Promise<number> {
  const key = `orglife-day#${chinaDay(now.toISOString())}`;
  if (!(await claimScan(key, now, 3))) return 0;
  try {
    const c = await orgLifeReminders(now);
    return c.meetingDue + c.meetingOverdue + c.reportDue + c.reportOverdue + c.reportReturned;
  } catch (err) {
    await releaseScan(key);
    throw err;
  }
}
