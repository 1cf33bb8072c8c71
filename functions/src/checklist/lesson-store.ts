import { DeleteCommand, PutCommand, QueryCommand } from '../lib/dynamo';
import type { TallyLessonView } from '@kaimen/shared';
import type { Lesson } from '@kaimen/shared/tally/index';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { newId } from '../lib/ids';

/** What the tally learned for one bureau (pattern T1): the campaign owner's org path is the bureau. */
export async function lessonsOf(orgPath: string): Promise<TallyLessonView[]> {
  const k = keys.tallyLessonsPrefix(orgPath);
  const out: TallyLessonView[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({
      TableName: table(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix }, ExclusiveStartKey: start,
    }));
    for (const i of page.Items ?? []) out.push(viewOf(i));
    start = page.LastEvaluatedKey;
  } while (start);
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function viewOf(i: Record<string, unknown>): TallyLessonView {
  return {
    id: i.id as string, kind: i.kind as TallyLessonView['kind'], terms: i.terms as string[], ...(i.apartFrom ? { apartFrom: i.apartFrom as string[] } : {}),
    source: i.source as TallyLessonView['source'], campaignId: i.campaignId as string, createdBy: i.createdBy as string, createdAt: i.createdAt as string,
  };
}

/** Records lessons of an admin's merge or move (after it committed; a lost lesson loses no data). */
export async function recordLessons(orgPath: string, lessons: readonly Lesson[], meta: { source: 'merge' | 'move'; campaignId: string; by: string; at: string }): Promise<void> {
  for (const l of lessons) {
    const id = newId(Date.parse(meta.at));
    await db().send(new PutCommand({
      TableName: table(),
      Item: { ...keys.tallyLesson(orgPath, id), type: 'tallyLesson', id, kind: l.kind, terms: l.terms, ...(l.apartFrom ? { apartFrom: l.apartFrom } : {}), source: meta.source, campaignId: meta.campaignId, createdBy: meta.by, createdAt: meta.at },
    }));
  }
}

/** Removes one lesson; false when it was not there. */
export async function removeLesson(orgPath: string, id: string): Promise<boolean> {
  const { Attributes } = await db().send(new DeleteCommand({ TableName: table(), Key: keys.tallyLesson(orgPath, id), ReturnValues: 'ALL_OLD' }));
  return Attributes !== undefined;
}
