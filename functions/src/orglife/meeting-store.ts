import { GetCommand, TransactWriteCommand, UpdateCommand, TransactionCanceledException } from '../lib/dynamo';
import { meetingTypes, monthOf, windowKeysOf, type MeetingType, type ReviewOutcome } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict } from '../lib/problem';
import { checkInCodePut } from '../study/session-store';

export interface Person { userId: string; name: string }
export interface Attendee extends Person { guest: boolean; checkedInAt?: string }

/** One organisation-life meeting of a party org, as stored. */
export interface MeetingRecord {
  id: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  type: MeetingType;
  status: 'scheduled' | 'held';
  heldAt: string;
  place: string;
  topic: string;
  presider: Person | null;
  attendees: Attendee[];
  absences: (Person & { reason: string })[];
  /** Members on the org-life roster when the meeting was recorded: the base of the attendance rate. */
  rosterSize: number;
  minutes: string;
  photos: string[];
  reviewOutcomes?: (Person & { outcome: ReviewOutcome })[];
  checkInCode: string;
  createdAt: string;
  createdBy: string;
  version: number;
}

/** What a meeting adds to its party org's per-period aggregates (nothing until it is held). */
interface Contribution { orgId: string; orgPath: string; type: MeetingType; windows: string[]; attended: number; expected: number }

function contributionOf(m: MeetingRecord): Contribution | null {
  if (m.status !== 'held') return null;
  return { orgId: m.orgId, orgPath: m.orgPath, type: m.type, windows: windowKeysOf(monthOf(m.heldAt)), attended: m.attendees.length, expected: m.rosterSize };
}

/** The aggregate updates that turn `before` into `after` (ADD of the differences, one update per window). */
function aggregateUpdates(before: Contribution | null, after: Contribution | null) {
  const deltas = new Map<string, { orgId: string; orgPath: string; counts: Partial<Record<MeetingType, number>>; meetings: number; attended: number; expected: number }>();
  const apply = (c: Contribution | null, sign: 1 | -1) => {
    if (!c) return;
    for (const w of c.windows) {
      const k = `${c.orgId}|${w}`;
      const d = deltas.get(k) ?? { orgId: c.orgId, orgPath: c.orgPath, counts: {}, meetings: 0, attended: 0, expected: 0 };
      d.counts[c.type] = (d.counts[c.type] ?? 0) + sign;
      d.meetings += sign;
      d.attended += sign * c.attended;
      d.expected += sign * c.expected;
      deltas.set(k, d);
    }
  };
  apply(before, -1);
  apply(after, 1);
  return [...deltas.entries()].map(([k, d]) => {
    const window = k.split('|')[1]!;
    const values: Record<string, unknown> = {
      ':pk2': keys.aggregatesOfWindow(window).gsi2pk, ':sk2': d.orgPath, ':org': d.orgId, ':w': window,
      ':m': d.meetings, ':a': d.attended, ':e': d.expected,
    };
    const adds = ['meetings :m', 'attended :a', 'expected :e'];
    const names: Record<string, string> = {};
    meetingTypes.forEach((t, i) => {
      const n = d.counts[t];
      if (!n) return;
      names[`#t${i}`] = `n_${t}`;
      values[`:t${i}`] = n;
      adds.push(`#t${i} :t${i}`);
    });
    return {
      Update: {
        TableName: table(), Key: keys.orgLifeAggregate(d.orgId, window),
        UpdateExpression: `SET gsi2pk = :pk2, gsi2sk = :sk2, orgId = :org, #win = :w, #type = :agg ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: { ...names, '#win': 'window', '#type': 'type' },
        ExpressionAttributeValues: { ...values, ':agg': 'orgLifeAggregate' },
      },
    };
  });
}

const strip = (item: Record<string, unknown>): MeetingRecord => {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, type: _t, meetingType, ...rest } = item;
  return { ...rest, type: meetingType } as unknown as MeetingRecord;
};

/** The stored item of a meeting: its own `type` attribute is the item type, the meeting type is kept as `meetingType`. */
export function meetingItem(m: MeetingRecord) {
  const { type, ...rest } = m;
  return { ...keys.meeting(m.id), ...keys.orgMeetings(m.orgId), ...keys.orgMeetingSort(m.heldAt, m.id), ...rest, type: 'meeting', meetingType: type };
}

/** Writes a new meeting, its check-in code and (when held) its share of the aggregates, all or nothing. */
export async function createMeeting(m: MeetingRecord, checkInClosesMs: number): Promise<void> {
  await db().send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: table(), Item: meetingItem(m), ConditionExpression: 'attribute_not_exists(pk)' } },
      checkInCodePut(m.checkInCode, { meetingId: m.id }, checkInClosesMs),
      ...aggregateUpdates(null, contributionOf(m)),
    ],
  }));
}

export async function getMeeting(id: string): Promise<MeetingRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.meeting(id), ConsistentRead: true }));
  return Item ? strip(Item) : undefined;
}

/**
 * Replaces a meeting with `change(current)` and moves its aggregates by the difference, guarded by the
 * version so two writers never both count; retried a few times on a lost race.
 */
export async function changeMeeting(id: string, change: (m: MeetingRecord) => MeetingRecord | null): Promise<MeetingRecord | undefined> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await getMeeting(id);
    if (!current) return undefined;
    const next = change(current);
    if (!next) return current;
    const written = { ...next, version: current.version + 1 };
    try {
      await db().send(new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(), Item: meetingItem(written),
              ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': current.version },
            },
          },
          ...aggregateUpdates(contributionOf(current), contributionOf(written)),
        ],
      }));
      return written;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
    }
  }
  throw conflict('会议记录正在被他人修改，请稍后再试');
}

/** A party org's meetings between two instants (ISO, inclusive start, exclusive end). */
export async function meetingsOf(orgId: string, fromIso: string, toIso: string): Promise<MeetingRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :a AND :b',
    ExpressionAttributeValues: { ':pk': keys.orgMeetings(orgId).gsi1pk, ':a': fromIso, ':b': `${toIso}` },
  });
  return items.map(strip).filter((m) => m.heldAt < toIso).sort((a, b) => a.heldAt.localeCompare(b.heldAt));
}

export interface Aggregate { orgId: string; orgPath: string; window: string; counts: Record<MeetingType, number>; meetings: number; attended: number; expected: number }

const toAggregate = (i: Record<string, unknown>): Aggregate => ({
  orgId: i.orgId as string,
  orgPath: i.gsi2sk as string,
  window: i.window as string,
  counts: Object.fromEntries(meetingTypes.map((t) => [t, Number(i[`n_${t}`] ?? 0)])) as Record<MeetingType, number>,
  meetings: Number(i.meetings ?? 0),
  attended: Number(i.attended ?? 0),
  expected: Number(i.expected ?? 0),
});

/** Every party org's aggregate of one window under an org path: one paged Query. */
export async function aggregatesUnder(orgPath: string, window: string): Promise<Map<string, Aggregate>> {
  const items = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.aggregatesOfWindow(window).gsi2pk, ':p': orgPath },
  });
  return new Map(items.map((i) => [i.orgId as string, toAggregate(i)]));
}

export async function getAggregate(orgId: string, window: string): Promise<Aggregate | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.orgLifeAggregate(orgId, window), ConsistentRead: true }));
  return Item ? toAggregate(Item) : undefined;
}

/** Members of other party orgs who take part in this one's organisation life. */
export async function attachedMembers(orgId: string): Promise<(Person & { homeOrgId: string })[]> {
  const { pk, skPrefix } = keys.attachedPrefix(orgId);
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix } });
  return items.map((i) => ({ userId: i.userId as string, name: i.name as string, homeOrgId: i.homeOrgId as string }));
}

export async function attachMember(orgId: string, user: Person & { homeOrgId: string }, now: string): Promise<void> {
  await db().send(new UpdateCommand({
    TableName: table(), Key: keys.attachedMember(orgId, user.userId),
    UpdateExpression: 'SET #type = :t, orgId = :o, userId = :u, #name = :n, homeOrgId = :h, attachedAt = if_not_exists(attachedAt, :at), gsi1pk = :g1, gsi1sk = :g1s',
    ExpressionAttributeNames: { '#type': 'type', '#name': 'name' },
    ExpressionAttributeValues: {
      ':t': 'attachedMember', ':o': orgId, ':u': user.userId, ':n': user.name, ':h': user.homeOrgId, ':at': now,
      ':g1': keys.attachmentsOf(user.userId).gsi1pk, ':g1s': orgId,
    },
  }));
}

/** Party orgs a member is attached to besides their own. */
export async function attachmentsOf(userId: string): Promise<string[]> {
  const items = await queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.attachmentsOf(userId).gsi1pk } });
  return items.map((i) => i.orgId as string);
}
