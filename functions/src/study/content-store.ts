import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '../lib/dynamo';
import { creditCapSeconds, lessonLengthSeconds, requiredSeconds, type AdminLesson, type LessonKind, type LessonSummary, type StudyMode, type Topic } from '@kaimen/shared';
import { keys } from '../db/keys';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { db, table } from '../lib/db';

export interface TopicRecord extends Topic {
  orgPath: string;
}

export interface LessonRecord {
  id: string;
  topicId: string;
  title: string;
  kind: LessonKind;
  mode: StudyMode;
  /** Sanitised HTML. */
  body: string;
  mediaUrl?: string;
  durationSeconds?: number;
  order: number;
  published: boolean;
  lengthSeconds: number;
  createdAt: string;
  updatedAt: string;
}

const strip = (item: Record<string, unknown>) => {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, type: _t, ...rest } = item;
  return rest;
};

export function topicItem(t: TopicRecord) {
  return {
    ...keys.topic(t.id),
    ...(t.published ? { ...keys.topicsPublished(), ...keys.orderSort(t.order, t.id) } : {}),
    ...keys.topicsInOrg(),
    ...keys.topicOrgSort(t.orgPath, t.createdAt, t.id),
    type: 'topic',
    ...t,
  };
}

export function lessonItem(l: LessonRecord) {
  return { ...keys.lesson(l.id), ...keys.topicLessons(l.topicId), ...keys.orderSort(l.order, l.id), type: 'lesson', ...l };
}

export async function putTopic(t: TopicRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: topicItem(t) }));
}

export async function getTopic(id: string): Promise<TopicRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.topic(id) }));
  return Item ? (strip(Item) as unknown as TopicRecord) : undefined;
}

export async function getLesson(id: string): Promise<LessonRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.lesson(id) }));
  return Item ? (strip(Item) as unknown as LessonRecord) : undefined;
}

/** Writes a lesson and keeps its topic's count of published lessons right, in one transaction. */
export async function putLesson(l: LessonRecord, topic: TopicRecord, lessonCount: number): Promise<void> {
  await db().send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: table(), Item: lessonItem(l) } },
      {
        Update: {
          TableName: table(), Key: keys.topic(topic.id),
          UpdateExpression: 'SET lessonCount = :n', ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':n': lessonCount },
        },
      },
    ],
  }));
}

/** A topic's lessons in order (published only unless `all`). */
export async function listLessons(topicId: string, all = false): Promise<LessonRecord[]> {
  const out: LessonRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.topicLessons(topicId).gsi1pk },
      ExclusiveStartKey: start,
    }));
    for (const i of page.Items ?? []) out.push(strip(i) as unknown as LessonRecord);
    start = page.LastEvaluatedKey;
  } while (start);
  return all ? out : out.filter((l) => l.published);
}

/** Published topics in order, one page; the caller keeps those its member may see. */
export async function listPublishedTopics(limit: number, cursor: string | undefined) {
  const page = await db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.topicsPublished().gsi1pk },
    Limit: limit,
    ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk', 'gsi1pk', 'gsi1sk']),
  }));
  return { items: (page.Items ?? []).map((i) => strip(i) as unknown as TopicRecord), nextCursor: encodeCursor(page.LastEvaluatedKey) };
}

/** Every published topic (few: a bureau runs a handful of campaigns a year). */
export async function allPublishedTopics(): Promise<TopicRecord[]> {
  const out: TopicRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPublishedTopics(100, cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Topics owned inside an admin's subtree, newest first. */
export async function listTopicsInScope(orgPath: string, limit: number, cursor: string | undefined) {
  const page = await db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':pk': keys.topicsInOrg().gsi2pk, ':path': orgPath },
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk', 'gsi2pk', 'gsi2sk']),
  }));
  return { items: (page.Items ?? []).map((i) => strip(i) as unknown as TopicRecord), nextCursor: encodeCursor(page.LastEvaluatedKey) };
}

/** Sets the order numbers (0, 10, 20…) of lessons, keeping the order index in step. */
export async function setLessonOrder(ids: string[], now: string): Promise<void> {
  await Promise.all(ids.map((id, i) => db().send(new UpdateCommand({
    TableName: table(), Key: keys.lesson(id),
    UpdateExpression: 'SET #order = :o, gsi1sk = :sk, updatedAt = :now',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#order': 'order' },
    ExpressionAttributeValues: { ':o': i * 10, ':sk': keys.orderSort(i * 10, id).gsi1sk, ':now': now },
  }))));
}

/** Who visits a topic: members of the owning org and everything under it. */
export function topicVisibleTo(t: TopicRecord, memberOrgPath: string | null): boolean {
  return memberOrgPath !== null && memberOrgPath.startsWith(t.orgPath);
}

export function publicTopic(t: TopicRecord): Topic {
  const { orgPath: _p, ...rest } = t;
  return rest;
}

export function lessonSummaryOf(l: LessonRecord): LessonSummary {
  return { id: l.id, topicId: l.topicId, title: l.title, kind: l.kind, mode: l.mode, order: l.order, published: l.published, lengthSeconds: lengthOf(l) };
}

export function adminLessonOf(l: LessonRecord): AdminLesson {
  return {
    ...lessonSummaryOf(l), body: l.body, updatedAt: l.updatedAt,
    ...(l.mediaUrl ? { mediaUrl: l.mediaUrl } : {}),
    ...(l.durationSeconds ? { durationSeconds: l.durationSeconds } : {}),
  };
}

/** A media lesson stored before its file was added (or without one) counts as its notes' reading time. */
function lengthOf(l: LessonRecord): number {
  if (l.kind !== 'article' && !l.mediaUrl) return lessonLengthSeconds(l);
  return l.lengthSeconds || lessonLengthSeconds(l);
}

/** The study-time limits of a lesson. */
export function limitsOf(l: LessonRecord) {
  const length = lengthOf(l);
  return { capSeconds: creditCapSeconds(l.kind, length), requiredSeconds: requiredSeconds(length) };
}
