import { meetingTypes, monthOf, windowKeysOf, type MeetingType } from '@kaimen/shared';
import { keys } from '../db/keys';
import { queryAll } from '../lib/db';
import { meetingsOf } from './meeting-store';

export interface Tally { counts: Record<MeetingType, number>; meetings: number; attended: number; expected: number }

/** Every window's figures of a party org counted afresh from its meetings: the check on the aggregates. */
export async function recount(orgId: string): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  for (const m of await meetingsOf(orgId, '0000', '9999')) {
    if (m.status !== 'held') continue;
    for (const w of windowKeysOf(monthOf(m.heldAt))) {
      const t = out.get(w) ?? { counts: Object.fromEntries(meetingTypes.map((x) => [x, 0])) as Record<MeetingType, number>, meetings: 0, attended: 0, expected: 0 };
      t.counts[m.type]++;
      t.meetings++;
      t.attended += m.attendees.length;
      t.expected += m.rosterSize;
      out.set(w, t);
    }
  }
  return out;
}

/** The stored aggregates of a party org, in the same shape (windows with nothing left are dropped). */
export async function storedAggregates(orgId: string): Promise<Map<string, Tally>> {
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.orgLifeAggregate(orgId, '').pk }, ConsistentRead: true });
  const out = new Map<string, Tally>();
  for (const i of items) {
    const t: Tally = {
      counts: Object.fromEntries(meetingTypes.map((x) => [x, Number(i[`n_${x}`] ?? 0)])) as Record<MeetingType, number>,
      meetings: Number(i.meetings ?? 0), attended: Number(i.attended ?? 0), expected: Number(i.expected ?? 0),
    };
    if (t.meetings !== 0 || t.attended !== 0 || t.expected !== 0) out.set(i.sk as string, t);
  }
  return out;
}
