import { GetCommand, QueryCommand, TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import { studyModeLabels, type StudySession } from '@kaimen/shared';
import { archiveItem } from '../archive/store';
import { keys, ttlIn } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict } from '../lib/problem';
import { pointsStep } from './points-store';

/** An offline study session (集中学习, 支部书记领学, 读书班) with its check-in code. */
export interface SessionRecord extends StudySession {
  orgPath: string;
  checkInCode: string;
  createdBy: string;
}

const strip = (item: Record<string, unknown>) => {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, type: _t, ...rest } = item;
  return rest as unknown as SessionRecord;
};

export function publicSession(s: SessionRecord): StudySession {
  const { orgPath: _p, checkInCode: _c, createdBy: _b, ...rest } = s;
  return rest;
}

/** The session and its check-in code (kept a day after check-in closes). */
export async function createSession(s: SessionRecord, checkInClosesMs: number): Promise<void> {
  await db().send(new TransactWriteCommand({
    TransactItems: [
      {
        Put: {
          TableName: table(),
          Item: { ...keys.studySession(s.id), ...keys.sessionsInOrg(), ...keys.sessionOrgSort(s.orgPath, s.startsAt, s.id), type: 'studySession', ...s },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      checkInCodePut(s.checkInCode, { sessionId: s.id }, checkInClosesMs),
    ],
  }));
}

export async function getSession(id: string): Promise<SessionRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.studySession(id), ConsistentRead: true }));
  return Item ? strip(Item) : undefined;
}

/** What a check-in code opens: a study session or an organisation-life meeting (one code space for both). */
export type CheckInTarget = { sessionId: string } | { meetingId: string };

/** The transaction item that reserves a check-in code (kept a day after check-in closes). */
export function checkInCodePut(code: string, target: CheckInTarget, checkInClosesMs: number) {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.checkInCode(code), type: 'checkInCode', ...target, ttl: ttlIn(86_400, checkInClosesMs) },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function resolveCheckInCode(code: string): Promise<Partial<{ sessionId: string; meetingId: string }> | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.checkInCode(code) }));
  if (!Item) return undefined;
  return { ...(Item.sessionId ? { sessionId: Item.sessionId as string } : {}), ...(Item.meetingId ? { meetingId: Item.meetingId as string } : {}) };
}

export async function sessionByCode(code: string): Promise<SessionRecord | undefined> {
  const target = await resolveCheckInCode(code);
  return target?.sessionId ? getSession(target.sessionId) : undefined;
}

export async function listSessionsInScope(orgPath: string, limit = 100): Promise<SessionRecord[]> {
  const page = await db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':pk': keys.sessionsInOrg().gsi2pk, ':path': orgPath },
    ScanIndexForward: false,
    Limit: limit,
  }));
  return (page.Items ?? []).map(strip);
}

export async function listAttendees(sessionId: string): Promise<{ userId: string; name: string; at: string }[]> {
  const { pk, skPrefix } = keys.attendancePrefix(sessionId);
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
    ConsistentRead: true,
  });
  return items.map((i) => ({ userId: i.userId as string, name: i.name as string, at: i.at as string })).sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Checks a member in once: the attendance row, the session's head count, the member's points and the
 * archive entry are written together; a second scan finds the row there and changes nothing.
 */
export async function checkIn(s: SessionRecord, user: { id: string; name: string }, now: Date): Promise<{ already: boolean; points: number; attendance: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { Item: existing } = await db().send(new GetCommand({ TableName: table(), Key: keys.attendance(s.id, user.id), ConsistentRead: true }));
    if (existing) return { already: true, points: 0, attendance: (await getSession(s.id))?.attendance ?? s.attendance };
    const step = await pointsStep(user.id, 'session', 1, now.getTime());
    const at = now.toISOString();
    try {
      await db().send(new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(), Item: { ...keys.attendance(s.id, user.id), type: 'attendance', sessionId: s.id, userId: user.id, name: user.name, at },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: table(), Key: keys.studySession(s.id),
              UpdateExpression: 'ADD attendance :one', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':one': 1 },
            },
          },
          step.put as never,
          ...(step.more as never[]),
          {
            Put: {
              TableName: table(),
              Item: archiveItem(user.id, {
                id: `session-${s.id}`, kind: 'session', refId: s.id, at: s.startsAt, title: s.title,
                minutes: s.minutes, points: step.award, detail: `${studyModeLabels[s.mode]} · ${s.orgName}${s.place ? ` · ${s.place}` : ''}`,
              }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }));
      const after = await getSession(s.id);
      return { already: false, points: step.award, attendance: after?.attendance ?? s.attendance + 1 };
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
    }
  }
  throw conflict('签到人数较多，请稍后再试');
}
