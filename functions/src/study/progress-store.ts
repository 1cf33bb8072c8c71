import { GetCommand, TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import { acceptReport, studyDayStart, studyModeLabels, type ProgressReport, type ProgressResult, type StudyState } from '@kaimen/shared';
import { archiveItem } from '../archive/store';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict } from '../lib/problem';
import { limitsOf, type LessonRecord } from './content-store';
import { pointsStep } from './points-store';

/** A member's study of one lesson, as stored (学习记录). */
export interface StudyRecord extends StudyState {
  userId: string;
  lessonId: string;
  topicId: string;
  position: number;
  completedAt?: string;
  version: number;
}

export async function getStudyRecord(userId: string, lessonId: string, consistent = false): Promise<StudyRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.studyState(userId, lessonId), ConsistentRead: consistent }));
  return Item as StudyRecord | undefined;
}

/** All of a member's study records (one per lesson ever opened). */
export async function listStudyRecords(userId: string): Promise<StudyRecord[]> {
  const { pk, skPrefix } = keys.studyStatePrefix(userId);
  return (await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
  })) as unknown as StudyRecord[];
}

const MAX_TRIES = 8;
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, attempt === 0 ? 0 : 5 + Math.random() * 20 * attempt));

/**
 * Applies one progress report: the honest-time rule decides what it is worth; the study record,
 * the day's study-time points and archive line, and (once) the completion with its points and
 * archive entry are written in one transaction, conditioned on nothing having changed since they
 * were read. A race makes the loser re-read and re-decide, so a report is never counted twice.
 */
export async function applyProgress(
  userId: string, lesson: LessonRecord, topicTitle: string, report: ProgressReport & { position?: number }, now: Date,
): Promise<ProgressResult> {
  const limits = limitsOf(lesson);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    await backoff(attempt);
    const nowMs = Math.max(now.getTime(), Date.now()); // a retry decides at its own instant
    const prev = await getStudyRecord(userId, lesson.id, true);
    const outcome = acceptReport(prev, report, nowMs, limits);
    const position = report.position ?? prev?.position ?? 0;
    const record: StudyRecord = {
      ...outcome.state, userId, lessonId: lesson.id, topicId: lesson.topicId, position,
      ...(outcome.state.completedAtMs !== undefined ? { completedAt: new Date(outcome.state.completedAtMs).toISOString() } : {}),
      version: (prev?.version ?? 0) + 1,
    };
    const items: object[] = [{
      Put: {
        TableName: table(),
        Item: { ...keys.studyState(userId, lesson.id), type: 'study', ...record },
        ConditionExpression: prev ? 'version = :v' : 'attribute_not_exists(pk)',
        ...(prev ? { ExpressionAttributeValues: { ':v': prev.version } } : {}),
      },
    }];
    let points = 0;
    if (outcome.creditedMs > 0) {
      const step = await pointsStep(userId, 'study_time', outcome.creditedMs / 1000, nowMs);
      points += step.award;
      items.push(step.put, ...step.more, {
        Put: {
          TableName: table(),
          Item: archiveItem(userId, {
            id: `study-time-${step.day}`, kind: 'points', refId: `study-time-${step.day}`, at: studyDayStart(step.day),
            title: `${step.day} 学习时长`, minutes: Math.round((step.units / 60) * 10) / 10, points: step.points,
            detail: '阅读图文、收听收看音视频的学习时长及时长积分',
          }),
        },
      });
    }
    if (outcome.newlyCompleted) {
      const step = await pointsStep(userId, lesson.kind === 'article' ? 'article' : 'media', 1, nowMs);
      points += step.award;
      items.push(step.put, ...step.more, {
        Put: {
          TableName: table(),
          Item: archiveItem(userId, {
            id: `lesson-${lesson.id}`, kind: 'lesson', refId: lesson.id, at: record.completedAt!, title: lesson.title,
            points: step.award, detail: `${topicTitle} · ${studyModeLabels[lesson.mode]}`,
          }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items as never }));
    } catch (err) {
      if (err instanceof TransactionCanceledException) continue;
      throw err;
    }
    return {
      acceptedSeconds: outcome.creditedMs / 1000,
      creditedSeconds: Math.floor(record.creditedMs / 1000),
      requiredSeconds: limits.requiredSeconds,
      position,
      completed: record.completedAt !== undefined,
      newlyCompleted: outcome.newlyCompleted,
      ...(record.completedAt ? { completedAt: record.completedAt } : {}),
      pointsAwarded: points,
      ...(outcome.completionRefused
        ? { notice: `学习时间还不够，还需学习约 ${Math.ceil(limits.requiredSeconds - record.creditedMs / 1000)} 秒才能完成本课` }
        : {}),
    };
  }
  throw conflict('学习进度正在被同时更新，请稍后再试');
}
