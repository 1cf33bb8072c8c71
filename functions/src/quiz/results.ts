import { workbookOf } from '../lib/workbook';
import { QueryCommand } from '../lib/dynamo';
import { correctRates, isWithin, rankBy, topicScore } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { getOrg } from '../org/store';
import type { Principal } from '../lib/tokens';
import type { AttemptRecord } from './attempt-store';
import { allStandings, type QuizRecord, type StandingRecord } from './quiz-store';

export async function gradedAttempts(quizId: string): Promise<AttemptRecord[]> {
  const out: AttemptRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), IndexName: 'gsi1', ExclusiveStartKey: start,
      KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.quizAttempts(quizId).gsi1pk },
    }));
    out.push(...((page.Items ?? []) as unknown as AttemptRecord[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

async function orgNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const orgs = await Promise.all(unique.map((id) => getOrg(id)));
  return new Map(unique.map((id, i) => [id, orgs[i]?.name ?? id]));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Rankings of the members who have a graded attempt. `branch`: within the caller's own org (a
 * member's branch; an admin's whole subtree). `org`: everyone who took the quiz, with branches
 * ranked by average score.
 */
export async function leaderboardOf(quiz: QuizRecord, p: Principal, scope: 'branch' | 'org') {
  const graded = (await allStandings(quiz.id)).filter((s) => s.gradedCount > 0 && s.countedScore !== undefined);
  const inScope = scope === 'branch' ? graded.filter((s) => p.orgPath !== null && isWithin(s.orgPath, p.orgPath)) : graded;
  const names = await orgNames(inScope.map((s) => s.orgId));
  const items = rankBy(inScope, (s) => s.countedScore!, (a, b) => (a.lastSubmittedAt ?? '').localeCompare(b.lastSubmittedAt ?? ''))
    .slice(0, 100)
    .map((s) => ({ rank: s.rank, memberId: s.userId, name: s.name, orgId: s.orgId, orgName: names.get(s.orgId) ?? s.orgId, score: s.countedScore!, passed: s.passed ?? false }));
  const byOrg = new Map<string, StandingRecord[]>();
  for (const s of inScope) byOrg.set(s.orgId, [...(byOrg.get(s.orgId) ?? []), s]);
  const branches = rankBy(
    [...byOrg.entries()].map(([orgId, list]) => ({
      orgId, orgName: names.get(orgId) ?? orgId, participants: list.length,
      averageScore: round1(list.reduce((t, s) => t + s.countedScore!, 0) / list.length),
      passRate: Math.round((list.filter((s) => s.passed).length / list.length) * 1000) / 1000,
    })),
    (b) => b.averageScore,
    (a, b) => a.orgId.localeCompare(b.orgId),
  );
  return { scope, quizId: quiz.id, maxScore: quiz.maxScore, items, branches: scope === 'org' ? branches : [] };
}

/** Figures for the caller's part of the quiz's audience, with per-question correct rates (hardest first). */
export async function statsOf(quiz: QuizRecord, p: Principal) {
  const mine = (s: { orgPath: string }) => p.orgPath !== null && isWithin(s.orgPath, p.orgPath);
  const attempts = (await gradedAttempts(quiz.id)).filter(mine);
  const standings = (await allStandings(quiz.id)).filter((s) => mine(s) && s.countedScore !== undefined);
  const stems = new Map<string, { stem: string; type: string }>();
  for (const a of attempts) for (const q of a.questions) if (!stems.has(q.id)) stems.set(q.id, { stem: q.stem, type: q.type });
  const rates = correctRates(attempts.map((a) => ({ questions: a.grades ?? [] })));
  return {
    quizId: quiz.id,
    participants: standings.length,
    attempts: attempts.length,
    averageScore: standings.length ? round1(standings.reduce((t, s) => t + s.countedScore!, 0) / standings.length) : 0,
    passRate: standings.length ? Math.round((standings.filter((s) => s.passed).length / standings.length) * 1000) / 1000 : 0,
    questions: rates.map((r) => ({ ...r, stem: stems.get(r.questionId)?.stem ?? '', type: stems.get(r.questionId)?.type ?? '' })),
  };
}

const beijing = (iso: string | undefined) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** Results for the yearly evaluation (年度考评): one row per member, then the per-question sheet. */
export async function resultsWorkbook(quiz: QuizRecord, p: Principal): Promise<Buffer> {
  const standings = (await allStandings(quiz.id)).filter((s) => p.orgPath !== null && isWithin(s.orgPath, p.orgPath));
  const names = await orgNames(standings.map((s) => s.orgId));
  const stats = await statsOf(quiz, p);
  const sorted = [...standings].sort((a, b) => a.orgId.localeCompare(b.orgId) || (b.countedScore ?? -1) - (a.countedScore ?? -1) || a.name.localeCompare(b.name));
  const labels: Record<string, string> = { single: '单选', multiple: '多选', judge: '判断' };
  return workbookOf([
    {
      name: '测试成绩',
      columns: [
        { header: '序号', key: 'n', width: 6 },
        { header: '姓名', key: 'name', width: 10 },
        { header: '党员编号', key: 'memberId', width: 28 },
        { header: '所在支部', key: 'org', width: 28 },
        { header: '作答次数', key: 'attempts', width: 10 },
        { header: `线上成绩（满分 ${quiz.maxScore}，${quiz.scoreRule === 'best' ? '取最高' : '取最后一次'}）`, key: 'online', width: 22 },
        { header: '是否及格', key: 'passed', width: 10 },
        { header: `线下主观题（满分 ${quiz.offlineMaxScore}）`, key: 'offline', width: 18 },
        { header: `专题成绩（线上权重 ${quiz.onlineWeight}）`, key: 'topic', width: 20 },
        { header: '最近交卷时间', key: 'at', width: 18 },
      ],
      rows: sorted.map((s, i) => ({
        n: i + 1, name: s.name, memberId: s.userId, org: names.get(s.orgId) ?? s.orgId, attempts: s.gradedCount,
        online: s.countedScore ?? '未参加', passed: s.countedScore === undefined ? '' : s.passed ? '是' : '否',
        offline: s.offlineScore ?? '',
        topic: s.countedScore !== undefined && s.offlineScore !== undefined
          ? topicScore({ score: s.countedScore, maxScore: quiz.maxScore }, { score: s.offlineScore, maxScore: quiz.offlineMaxScore }, quiz.onlineWeight)
          : '',
        at: beijing(s.lastSubmittedAt),
      })),
    },
    {
      name: '每题正确率',
      columns: [
        { header: '题型', key: 'type', width: 8 },
        { header: '题干', key: 'stem', width: 60, wrap: true },
        { header: '作答人次', key: 'answered', width: 10 },
        { header: '答对人次', key: 'correct', width: 10 },
        { header: '正确率', key: 'rate', width: 10 },
      ],
      rows: stats.questions.map((q) => ({ type: labels[q.type] ?? q.type, stem: q.stem, answered: q.answered, correct: q.correct, rate: `${round1(q.correctRate * 100)}%` })),
    },
  ]);
}
