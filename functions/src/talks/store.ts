import { GetCommand, PutCommand, TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { batchPut, type Person } from '../inspect/people';

/** A round of talks (谈心谈话轮次), pattern K1. */
export interface TalkRoundRecord {
  id: string;
  title: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  kinds: { key: string; label: string }[];
  endsAt: string;
  keepContent: boolean;
  people: number;
  /** Counters kept by each talk's transaction: people talked with at least once, talks recorded. */
  covered?: number;
  talks?: number;
  createdAt: string;
  createdBy: string;
}

/** A person to be talked with (K2): how many talks they have had in the round. */
export interface TalkPersonRecord extends Person {
  roundId: string;
  talks: number;
}

/** A talk (K3): who talked with whom, when, which kind, what came of it. */
export interface TalkRecordItem {
  id: string;
  roundId: string;
  intervieweeId: string;
  intervieweeName: string;
  unitName: string;
  talkerName: string;
  heldAt: string;
  kind: string;
  outcome: 'stable' | 'explained' | 'follow_up';
  content?: string;
  recordedBy: string;
  recordedById: string;
  createdAt: string;
}

const strip = <T>(i: Record<string, unknown>): T => {
  const { pk: _p, sk: _s, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest } = i;
  return rest as T;
};

export async function putRound(round: TalkRoundRecord, people: Person[]): Promise<void> {
  await batchPut(people.map((p) => ({ ...keys.talkPerson(round.id, p.userId), type: 'talkPerson', roundId: round.id, talks: 0, ...p })));
  await db().send(new PutCommand({
    TableName: table(), Item: { ...keys.talkRound(round.id), ...keys.talkRoundsInOrg(), ...keys.talkRoundOrgSort(round.orgPath, round.createdAt, round.id), type: 'talkRound', ...round },
    ConditionExpression: 'attribute_not_exists(pk)',
  }));
}

export async function getRound(id: string): Promise<TalkRoundRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.talkRound(id) }));
  return Item ? strip<TalkRoundRecord>(Item) : undefined;
}

export async function roundsUnder(path: string): Promise<TalkRoundRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':pk': keys.talkRoundsInOrg().gsi2pk, ':path': path },
  });
  return items.map((i) => strip<TalkRoundRecord>(i)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function peopleOf(roundId: string): Promise<TalkPersonRecord[]> {
  const p = keys.talkPersonPrefix(roundId);
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': p.pk, ':sk': p.skPrefix }, ConsistentRead: true });
  return items.map((i) => strip<TalkPersonRecord>(i));
}

export async function getPerson(roundId: string, userId: string): Promise<TalkPersonRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.talkPerson(roundId, userId), ConsistentRead: true }));
  return Item ? strip<TalkPersonRecord>(Item) : undefined;
}

export async function talksOf(roundId: string): Promise<TalkRecordItem[]> {
  const p = keys.talkRecordPrefix(roundId);
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': p.pk, ':sk': p.skPrefix } });
  return items.map((i) => strip<TalkRecordItem>(i));
}

/**
 * The talk, the person's count and the round's counters in one transaction, over the person's count
 * read (`seen`): a person's first talk also counts them as covered. False when another talk with the
 * same person was recorded meanwhile (the caller reads again and retries).
 */
export async function putTalk(t: TalkRecordItem, seen: number): Promise<boolean> {
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table(), Item: { ...keys.talkRecord(t.roundId, t.heldAt, t.id), type: 'talkRecord', ...t }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: table(), Key: keys.talkPerson(t.roundId, t.intervieweeId), UpdateExpression: 'SET talks = :next',
            ConditionExpression: 'attribute_exists(pk) AND talks = :seen', ExpressionAttributeValues: { ':next': seen + 1, ':seen': seen },
          },
        },
        {
          Update: {
            TableName: table(), Key: keys.talkRound(t.roundId), UpdateExpression: `ADD talks :one${seen === 0 ? ', covered :one' : ''}`,
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
    }));
    return true;
  } catch (err) {
    if (err instanceof TransactionCanceledException) return false;
    throw err;
  }
}
