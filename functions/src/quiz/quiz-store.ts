import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '../lib/dynamo';
import { isWithin, memberStatus, quizStatus, type DrawSpec, type MemberQuiz, type Quiz, type ReviewPolicy, type TypePoints } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import type { Principal } from '../lib/tokens';

export interface QuizRecord {
  id: string;
  title: string;
  description: string;
  bankId: string;
  topicId: string | null;
  /** The org that set the quiz. */
  orgId: string;
  orgPath: string;
  /** Orgs whose members take it, and their paths. */
  orgIds: string[];
  targetPaths: string[];
  draw: DrawSpec | null;
  questionIds: string[] | null;
  points: TypePoints;
  questionCount: number;
  maxScore: number;
  passScore: number;
  timeLimitSeconds: number;
  attemptsAllowed: number;
  scoreRule: 'best' | 'last';
  reviewPolicy: ReviewPolicy;
  opensAt: string;
  closesAt: string;
  onlineWeight: number;
  offlineMaxScore: number;
  createdBy: string;
  createdAt: string;
}

/** A member's standing in one quiz: the attempt counter, the score that counts, the offline score. */
export interface StandingRecord {
  quizId: string;
  userId: string;
  name: string;
  orgId: string;
  orgPath: string;
  attemptsUsed: number;
  gradedCount: number;
  /** Bumped by every write: conditional writes on it keep racing writers from undoing each other. */
  rev?: number;
  activeAttemptId?: string;
  activeDeadlineMs?: number;
  bestScore?: number;
  lastScore?: number;
  countedScore?: number;
  passed?: boolean;
  lastSubmittedAt?: string;
  lastAttemptId?: string;
  offlineScore?: number;
  offlineAt?: string;
  topicScore?: number;
  topicScoreAt?: string;
}

const strip = ({ pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest }: Record<string, unknown>) => rest;

export function quizItem(q: QuizRecord) {
  return { ...keys.quiz(q.id), ...keys.quizzesInOrg(), ...keys.quizOrgSort(q.orgPath, q.createdAt, q.id), type: 'quiz', ...q };
}

/** Lists the quiz for the members of one org (access pattern Q7). */
export function quizTargetItem(q: QuizRecord, orgId: string) {
  return { ...keys.quizTarget(q.id, orgId), ...keys.quizzesFor(orgId), ...keys.quizForSort(q.closesAt, q.id), type: 'quizTarget', quizId: q.id, orgId };
}

/** The quiz and one target item per org, in one transaction (a quiz is never half-published). */
export async function putQuiz(q: QuizRecord): Promise<void> {
  await db().send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: table(), Item: quizItem(q), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...q.orgIds.map((orgId) => ({ Put: { TableName: table(), Item: quizTargetItem(q, orgId) } })),
    ],
  }));
}

export async function getQuiz(id: string): Promise<QuizRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.quiz(id) }));
  return Item ? (strip(Item) as unknown as QuizRecord) : undefined;
}

export function publicQuiz(q: QuizRecord, now: Date): Quiz {
  return {
    id: q.id, title: q.title, description: q.description, topicId: q.topicId, orgIds: q.orgIds, questionCount: q.questionCount,
    maxScore: q.maxScore, passScore: q.passScore, timeLimitSeconds: q.timeLimitSeconds, attemptsAllowed: q.attemptsAllowed,
    scoreRule: q.scoreRule, reviewPolicy: q.reviewPolicy, opensAt: q.opensAt, closesAt: q.closesAt, onlineWeight: q.onlineWeight,
    offlineMaxScore: q.offlineMaxScore, status: quizStatus(q, now), createdAt: q.createdAt,
  };
}

export function adminQuiz(q: QuizRecord, now: Date) {
  return { ...publicQuiz(q, now), bankId: q.bankId, orgId: q.orgId, draw: q.draw, questionIds: q.questionIds };
}

export function memberQuiz(q: QuizRecord, s: StandingRecord | undefined, now: Date): MemberQuiz {
  const active = s?.activeAttemptId && (s.activeDeadlineMs ?? 0) > now.getTime() ? s.activeAttemptId : null;
  return {
    ...publicQuiz(q, now),
    myStatus: memberStatus(q, { gradedCount: s?.gradedCount ?? 0, attemptsUsed: s?.attemptsUsed ?? 0, active: Boolean(active) }, now),
    attemptsUsed: s?.attemptsUsed ?? 0,
    myScore: s?.countedScore ?? null,
    passed: s?.passed ?? null,
    activeAttemptId: active,
    lastAttemptId: s?.lastAttemptId ?? null,
  };
}

/** Whether a member's org lies under one of the quiz's target orgs. */
export function isTarget(q: QuizRecord, orgPath: string | null): boolean {
  return orgPath !== null && q.targetPaths.some((t) => isWithin(orgPath, t));
}

/** An admin or secretary may look at a quiz they set, or one set for (part of) their org, or for an org above them. */
export function mayManage(p: Principal, q: QuizRecord): boolean {
  if (!p.orgPath) return false;
  return isWithin(q.orgPath, p.orgPath) || q.targetPaths.some((t) => isWithin(t, p.orgPath!) || isWithin(p.orgPath!, t));
}

export async function getStanding(quizId: string, userId: string): Promise<StandingRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.quizStanding(quizId, userId), ConsistentRead: true }));
  return Item ? (strip(Item) as unknown as StandingRecord) : undefined;
}

export async function allStandings(quizId: string): Promise<StandingRecord[]> {
  const { pk, skPrefix } = keys.quizStandingsPrefix(quizId);
  const out: StandingRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), ExclusiveStartKey: start,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
    }));
    out.push(...(page.Items ?? []).map((i) => strip(i) as unknown as StandingRecord));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

async function batchGet(keyList: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [table()]: { Keys: keyList.slice(i, i + 100) } };
    while (request && Object.keys(request).length) {
      const res = await db().send(new BatchGetCommand({ RequestItems: request }));
      out.push(...(res.Responses?.[table()] ?? []));
      request = res.UnprocessedKeys as typeof request;
    }
  }
  return out;
}

const FOR_ORG_LIMIT = 100;

/**
 * The quizzes set for a member: those targeting the member's org or any org above it (one Query per
 * level of the org path), latest closing first, with the member's standing in each.
 */
export async function quizzesForMember(p: Principal, now: Date): Promise<MemberQuiz[]> {
  const orgIds = (p.orgPath ?? '').split('/').filter(Boolean);
  const pages = await Promise.all(orgIds.map((orgId) => db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi1', ScanIndexForward: false, Limit: FOR_ORG_LIMIT,
    KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.quizzesFor(orgId).gsi1pk },
  }))));
  const quizIds = [...new Set(pages.flatMap((pg) => (pg.Items ?? []).map((i) => i.quizId as string)))];
  if (quizIds.length === 0) return [];
  const items = await batchGet(quizIds.flatMap((id) => [keys.quiz(id), keys.quizStanding(id, p.userId)]));
  const quizzes = new Map<string, QuizRecord>();
  const standings = new Map<string, StandingRecord>();
  for (const it of items) {
    if (it.type === 'quiz') quizzes.set(it.id as string, strip(it) as unknown as QuizRecord);
    else standings.set(it.quizId as string, strip(it) as unknown as StandingRecord);
  }
  return [...quizzes.values()]
    .map((q) => memberQuiz(q, standings.get(q.id), now))
    .sort((a, b) => b.closesAt.localeCompare(a.closesAt) || b.id.localeCompare(a.id));
}

export async function listQuizzesInOrg(orgPath: string, limit: number, cursor: string | undefined, now: Date) {
  const page = await db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi2', Limit: limit, ScanIndexForward: false,
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':pk': keys.quizzesInOrg().gsi2pk, ':path': orgPath },
    ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk', 'gsi2pk', 'gsi2sk']),
  }));
  return { items: (page.Items ?? []).map((i) => adminQuiz(strip(i) as unknown as QuizRecord, now)), nextCursor: encodeCursor(page.LastEvaluatedKey) };
}
