import { BatchGetCommand, TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import { chinaDay, kindInfo, sendableAt, type NotificationKind } from '@kaimen/shared';
import { keys, ttlIn } from '../db/keys';
import { db, table } from '../lib/db';
import { noteIdOf, type NoteRecord, type SkipReason } from './note';

/**
 * An event that becomes one message per recipient: in the inbox always, and as a WeChat
 * subscription message when the recipient subscribed, did not turn the kind off, is under the
 * daily cap, and (quiet hours) not before 08:00 China time unless it answers their own suggestion.
 */
export interface NotificationEvent {
  kind: NotificationKind;
  /**
   * Names the event once and for all, e.g. `meeting-due#<meetingId>#<date>`: emitting the same
   * event again (a retried request, a second scan) makes no second message for the same user.
   */
  eventKey: string;
  /** Recipients by user id. */
  userIds: string[];
  /** Inbox title and text; the WeChat message shows their first 20 characters. */
  title: string;
  body: string;
  /** The mini-program page the message opens, e.g. `/pages/study/index`. */
  link: string;
  /** Org path whose admins see the send failures (the org the event belongs to). */
  scopePath: string;
  at?: Date;
}

export interface EmitResult {
  created: number;
  duplicates: number;
  pushed: number;
}

interface Recipient {
  userId: string;
  openid?: string;
  off: string[];
  credits: Record<string, number>;
}

async function recipients(userIds: string[]): Promise<Recipient[]> {
  const unique = [...new Set(userIds)];
  const users = new Map<string, Record<string, unknown>>();
  const settings = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < unique.length; i += 50) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [table()]: { Keys: unique.slice(i, i + 50).flatMap((id) => [keys.user(id), keys.notifySettings(id)]) },
    };
    while (request && Object.keys(request).length > 0) {
      const res = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const it of res.Responses?.[table()] ?? []) {
        const userId = (it.pk as string).slice('USER#'.length);
        (it.sk === 'USER' ? users : settings).set(userId, it);
      }
      request = res.UnprocessedKeys as typeof request;
    }
  }
  return unique.map((userId) => {
    const s = settings.get(userId);
    return {
      userId,
      openid: users.get(userId)?.openid as string | undefined,
      off: (s?.off as string[] | undefined) ?? [],
      credits: (s?.credits as Record<string, number> | undefined) ?? {},
    };
  });
}

function skipReason(e: NotificationEvent, r: Recipient): SkipReason | undefined {
  if (!r.openid) return 'no_openid';
  if (r.off.includes(e.kind)) return 'off';
  if ((r.credits[kindInfo[e.kind].templateKey] ?? 0) <= 0) return 'not_subscribed';
  return undefined;
}

/**
 * Writes one recipient's message in one transaction: the message (only if this event never made one
 * for this user), the unread count, and for a push one subscription credit and one unit of the day's cap.
 */
async function emitOne(e: NotificationEvent, r: Recipient, at: Date): Promise<'created' | 'duplicate' | 'pushed'> {
  const noteId = noteIdOf(e.eventKey);
  const createdAt = at.toISOString();
  const info = kindInfo[e.kind];
  const base: NoteRecord = {
    id: noteId, userId: r.userId, eventKey: e.eventKey, kind: e.kind, title: e.title, body: e.body, link: e.link,
    createdAt, scopePath: e.scopePath, templateKey: info.templateKey,
  };
  const item = (note: NoteRecord, due?: string) => ({
    ...keys.note(r.userId, noteId), ...keys.inbox(r.userId), ...keys.inboxSort(createdAt, noteId),
    ...(due ? keys.notifyDue(due, r.userId, noteId) : {}), type: 'note', ...note,
  });
  const putNote = (note: NoteRecord, due?: string) => ({
    Put: { TableName: table(), Item: item(note, due), ConditionExpression: 'attribute_not_exists(pk)' },
  });
  const unread = { Update: { TableName: table(), Key: keys.unreadCounter(r.userId), UpdateExpression: 'ADD #n :one', ExpressionAttributeNames: { '#n': 'count' }, ExpressionAttributeValues: { ':one': 1 } } };

  const skipped = skipReason(e, r);
  if (!skipped) {
    const sendAfter = sendableAt(e.kind, at).toISOString();
    const note: NoteRecord = { ...base, openid: r.openid!, sendState: 'pending', sendAfter, attempts: 0, updatedAt: createdAt };
    const day = chinaDay(sendAfter);
    try {
      await db().send(new TransactWriteCommand({
        TransactItems: [
          putNote(note, sendAfter),
          unread,
          {
            Update: {
              TableName: table(), Key: keys.notifySettings(r.userId),
              UpdateExpression: 'SET credits.#t = credits.#t - :one',
              ConditionExpression: 'credits.#t >= :one AND NOT contains(#off, :kind)',
              ExpressionAttributeNames: { '#t': info.templateKey, '#off': 'off' },
              ExpressionAttributeValues: { ':one': 1, ':kind': e.kind },
            },
          },
          {
            Update: {
              TableName: table(), Key: keys.notifyCap(r.userId, day, e.kind),
              UpdateExpression: 'ADD #n :one SET #ttl = if_not_exists(#ttl, :ttl)',
              ConditionExpression: 'attribute_not_exists(#n) OR #n < :cap',
              ExpressionAttributeNames: { '#n': 'count', '#ttl': 'ttl' },
              ExpressionAttributeValues: { ':one': 1, ':cap': info.dailyCap, ':ttl': ttlIn(3 * 86_400, at.getTime()) },
            },
          },
        ],
      }));
      return 'pushed';
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = err.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'duplicate';
      const why: SkipReason = reasons[3]?.Code === 'ConditionalCheckFailed' ? 'capped' : 'not_subscribed';
      if (reasons[2]?.Code !== 'ConditionalCheckFailed' && reasons[3]?.Code !== 'ConditionalCheckFailed') throw err;
      return emitInboxOnly(putNote({ ...base, skipped: why }), unread);
    }
  }
  return emitInboxOnly(putNote({ ...base, skipped }), unread);
}

async function emitInboxOnly(put: object, unread: object): Promise<'created' | 'duplicate'> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: [put, unread] as never }));
    return 'created';
  } catch (err) {
    if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return 'duplicate';
    throw err;
  }
}

/**
 * Emits an event to its recipients: the one function every feature calls to tell someone something.
 * Idempotent on (eventKey, user); safe to call again after a failure. The scheduled `notifySender`
 * Lambda pushes the WeChat messages; this function never calls WeChat.
 *
 * @example
 * await emitNotification({
 *   kind: 'report_returned', eventKey: `report-returned#${report.id}#${returnedAt}`, userIds: [secretaryId],
 *   title: '月报被退回', body: '请按意见修改后重新报送', link: `/pages/report/detail?id=${report.id}`, scopePath: org.path,
 * });
 */
export async function emitNotification(e: NotificationEvent): Promise<EmitResult> {
  const at = e.at ?? new Date();
  const out: EmitResult = { created: 0, duplicates: 0, pushed: 0 };
  const list = await recipients(e.userIds);
  for (let i = 0; i < list.length; i += 10) {
    const results = await Promise.all(list.slice(i, i + 10).map((r) => emitOne(e, r, at)));
    for (const res of results) {
      if (res === 'duplicate') out.duplicates += 1;
      else out.created += 1;
      if (res === 'pushed') out.pushed += 1;
    }
  }
  return out;
}
