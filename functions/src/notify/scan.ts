import { keys } from '../db/keys';
import { queryAll } from '../lib/db';
import { orgLifeDue } from '../orglife/reminders';
import { once, rosterOf } from './scan-once';

const DAY_MS = 86_400_000;

const within24h = (iso: string | null | undefined, now: Date) => !!iso && iso > now.toISOString() && iso <= new Date(now.getTime() + DAY_MS).toISOString();

/** Quizzes closing within 24 h: their members who have not taken them yet. */
async function quizzesDue(now: Date): Promise<number> {
  const quizzes = await queryAll({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': keys.quizzesInOrg().gsi2pk } });
  let n = 0;
  for (const q of quizzes.filter((q) => within24h(q.closesAt as string, now) && (q.opensAt as string) <= now.toISOString())) {
    const made = await once(`quiz-due#${q.id as string}`, async () => {
      const taken = new Set((await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': keys.quizStandingsPrefix(q.id as string).pk, ':sk': keys.quizStandingsPrefix(q.id as string).skPrefix },
      })).filter((s) => ((s.gradedCount as number | undefined) ?? 0) > 0).map((s) => (s.sk as string).slice('MEMBER#'.length)));
      const members = (await rosterOf(q.orgIds as string[])).filter((m) => m.roles.includes('member') && !taken.has(m.id));
      return {
        kind: 'quiz_due', eventKey: `quiz-due#${q.id as string}`, userIds: members.map((m) => m.id),
        title: '知识测试即将截止', body: q.title as string, link: `/pages/quiz/take?id=${q.id as string}`, scopePath: q.orgPath as string,
      };
    }, now);
    if (made) n += 1;
  }
  return n;
}

/** Study plans whose deadline is within 24 h: every member they are for. */
async function plansDue(now: Date): Promise<number> {
  const plans = await queryAll({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': keys.plansInOrg().gsi2pk } });
  let n = 0;
  for (const p of plans.filter((p) => within24h(p.deadline as string, now))) {
    const made = await once(`plan-due#${p.id as string}`, async () => ({
      kind: 'plan_due', eventKey: `plan-due#${p.id as string}`,
      userIds: (await rosterOf(p.orgIds as string[])).filter((m) => m.roles.includes('member')).map((m) => m.id),
      title: '学习计划即将截止', body: p.title as string, link: '/pages/study/index', scopePath: p.ownerOrgPath as string,
    }), now);
    if (made) n += 1;
  }
  return n;
}

/**
 * Checklist items past their deadline and not done: the owner (责任单位) is a unit, not a person, so
 * the admins of the campaign's org, who assign and chase owners, are told, once per item and deadline.
 */
async function checklistOverdue(now: Date): Promise<number> {
  const campaigns = await queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.campaignsPublished().gsi1pk } });
  const today = now.toISOString().slice(0, 10);
  let n = 0;
  for (const c of campaigns) {
    const items = await queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.campaignChecklist(c.id as string).gsi1pk } });
    for (const it of items) {
      const deadline = it.deadline as string | null;
      const summary = it.summary as { mergedInto?: string } | undefined;
      if (!deadline || deadline.slice(0, 10) >= today || summary?.mergedInto || it.status === 'done' || it.status === 'closed') continue;
      const made = await once(`item-overdue#${it.id as string}#${deadline}`, async () => ({
        kind: 'checklist_overdue', eventKey: `item-overdue#${it.id as string}#${deadline}`,
        userIds: (await rosterOf([c.orgId as string])).filter((m) => m.roles.includes('admin')).map((m) => m.id),
        title: '整改事项已逾期', body: `${it.title as string}（${(it.owner as string | null) ?? '未指定责任单位'}）`,
        link: `/pages/checklist/index?campaignId=${c.id as string}`, scopePath: c.orgPath as string,
      }), now);
      if (made) n += 1;
    }
  }
  return n;
}

/** Every scan of due things; each scan's failure is logged by the caller and does not stop the others. */
export const scans = { quizzesDue, plansDue, checklistOverdue, orgLifeDue };
