import { isWithin, topicScore } from '@kaimen/shared';
import type { SheetRow } from '../lib/sheets';
import type { Principal } from '../lib/tokens';
import { getUser } from '../auth/store';
import { recordOffline } from './attempt-store';
import type { QuizRecord } from './quiz-store';

const memberHeaders = new Set(['memberid', '党员编号', '编号', 'id']);
const scoreHeaders = new Set(['score', '成绩', '分数', '线下成绩']);

export interface OfflineRow {
  row: number;
  memberId: string;
  score: number;
}

/** Reads `memberId/党员编号, score/成绩` rows of an upload; rows numbered as data rows (the header is not counted). */
export function offlineRows(sheet: SheetRow[]): { rows: OfflineRow[]; errors: { row: number; message: string }[] } {
  const [head, ...data] = sheet;
  if (!head) return { rows: [], errors: [{ row: 0, message: '文件是空的' }] };
  const norm = head.cells.map((c) => c.trim().replace(/^\ufeff/, '').toLowerCase());
  const mi = norm.findIndex((c) => memberHeaders.has(c));
  const si = norm.findIndex((c) => scoreHeaders.has(c));
  if (mi < 0 || si < 0) return { rows: [], errors: [{ row: 0, message: '表头应包含 memberId（党员编号）和 score（成绩）两列' }] };
  const rows: OfflineRow[] = [];
  const errors: { row: number; message: string }[] = [];
  for (const r of data) {
    const row = r.row - head.row;
    const memberId = (r.cells[mi] ?? '').trim();
    const raw = (r.cells[si] ?? '').trim();
    if (!memberId && !raw) continue;
    const score = Number(raw);
    if (!memberId) errors.push({ row, message: `第 ${row} 条数据：党员编号为空` });
    else if (raw === '' || !Number.isFinite(score) || score < 0) errors.push({ row, message: `第 ${row} 条数据：成绩「${raw}」不是有效的分数` });
    else rows.push({ row, memberId, score });
  }
  return { rows, errors };
}

/**
 * Records offline scores for members in the caller's org (a secretary's branch). Rows naming someone
 * outside it, or unknown, are reported and not recorded; the others are.
 */
export async function recordOfflineScores(quiz: QuizRecord, p: Principal, rows: OfflineRow[], now: Date) {
  const errors: { row: number; message: string }[] = [];
  const topicScores: { memberId: string; topicScore: number }[] = [];
  let recorded = 0;
  for (const r of rows) {
    if (r.score > quiz.offlineMaxScore) {
      errors.push({ row: r.row, message: `第 ${r.row} 条数据：成绩 ${r.score} 超过线下满分 ${quiz.offlineMaxScore}` });
      continue;
    }
    const member = await getUser(r.memberId);
    // Someone outside the caller's orgs reads exactly like no one: no name, no hint that they exist.
    if (!member || !member.orgId || !member.orgPath || !p.orgPath || !isWithin(member.orgPath, p.orgPath)) {
      errors.push({ row: r.row, message: `第 ${r.row} 条数据：您所管理的组织名册中没有党员编号 ${r.memberId}` });
      continue;
    }
    const s = await recordOffline(quiz, { id: member.id, name: member.name, orgId: member.orgId, orgPath: member.orgPath }, r.score, now);
    recorded++;
    if (s.countedScore !== undefined && s.offlineScore !== undefined) {
      const t = topicScore({ score: s.countedScore, maxScore: quiz.maxScore }, { score: s.offlineScore, maxScore: quiz.offlineMaxScore }, quiz.onlineWeight);
      topicScores.push({ memberId: member.id, topicScore: t });
    }
  }
  return { recorded, errors, topicScores };
}
