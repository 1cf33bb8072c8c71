import { BatchGetCommand, QueryCommand, TransactWriteCommand, TransactionCanceledException } from '../lib/dynamo';
import type { MemberStatus, Role } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { conflict } from '../lib/problem';
import { getUser, userItem, type UserRecord } from '../auth/store';

/** A roster entry (人员名册): a user record with the census fields. `orgId` is the branch, or the institution when there is none. */
export interface Member extends UserRecord {
  status: MemberStatus;
  gender: 'male' | 'female';
  birthMonth: string;
  phone: string;
  institutionId: string;
  partyOrgId: string | null;
  position: string | null;
  active: boolean;
  leftAt?: string;
  attendOrgIds?: string[];
  version: number;
  updatedAt: string;
}

export interface MemberRecordEntry {
  at: string;
  date: string;
  kind: 'join' | 'leave' | 'transfer' | 'edit' | 'import';
  note: string;
  by: string;
}

export const isRosterEntry = (u: UserRecord | undefined): u is Member => !!u && typeof (u as Member).status === 'string';

export function rosterItem(m: Member) {
  return { ...userItem(m), ...keys.rosterInTree(), ...keys.rosterTreeSort(m.orgPath ?? '/', m.name, m.id) };
}

/** Party members take the member role; a branch's 书记 the secretary role; admins keep theirs. */
export function rolesFor(status: MemberStatus, position: string | null, partyOrgId: string | null, previous: Role[] = []): Role[] {
  const roles = new Set<Role>(previous.filter((r) => r === 'admin'));
  if (status === 'full' || status === 'probationary') roles.add('member');
  if (partyOrgId && position && /书记/.test(position) && !/副书记/.test(position)) roles.add('secretary');
  return [...roles];
}

/** What one member adds to the counters of their institution and branch (nothing once they have left). */
export function contribution(m: Member | undefined): Map<string, { total: number; full: number; probationary: number; members: number }> {
  const out = new Map<string, { total: number; full: number; probationary: number; members: number }>();
  if (!m || !m.active) return out;
  out.set(m.institutionId, { total: 1, full: m.status === 'full' ? 1 : 0, probationary: m.status === 'probationary' ? 1 : 0, members: 0 });
  if (m.partyOrgId && (m.status === 'full' || m.status === 'probationary')) {
    const c = out.get(m.partyOrgId) ?? { total: 0, full: 0, probationary: 0, members: 0 };
    c.members += 1;
    out.set(m.partyOrgId, c);
  }
  return out;
}

export interface MemberChange {
  before?: Member;
  after: Member;
  record?: MemberRecordEntry;
}

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

function memberItems(c: MemberChange, recordNo: number): TransactItem[] {
  const { before, after } = c;
  const items: TransactItem[] = [{
    Put: {
      TableName: table(), Item: rosterItem(after),
      ...(before
        ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  }];
  if (!before || before.phone !== after.phone) {
    items.push({
      Put: {
        TableName: table(), Item: { ...keys.phone(after.phone), type: 'phone', userId: after.id },
        ConditionExpression: 'attribute_not_exists(pk) OR userId = :id', ExpressionAttributeValues: { ':id': after.id },
      },
    });
    if (before) items.push({ Delete: { TableName: table(), Key: keys.phone(before.phone) } });
  }
  if (c.record) items.push({ Put: { TableName: table(), Item: { ...keys.memberRecord(after.id, c.record.at, recordNo), type: 'memberRecord', ...c.record } } });
  return items;
}

function counterItems(deltas: Map<string, { total: number; full: number; probationary: number; members: number }>): TransactItem[] {
  const out: TransactItem[] = [];
  for (const [orgId, d] of deltas) {
    if (!d.total && !d.full && !d.probationary && !d.members) continue;
    out.push({
      Update: {
        TableName: table(), Key: keys.org(orgId), ConditionExpression: 'attribute_exists(pk)',
        UpdateExpression: 'ADD rosterTotal :t, rosterFull :f, rosterProbationary :p, memberCount :m',
        ExpressionAttributeValues: { ':t': d.total, ':f': d.full, ':p': d.probationary, ':m': d.members },
      },
    });
  }
  return out;
}

function addDeltas(into: Map<string, { total: number; full: number; probationary: number; members: number }>, c: MemberChange) {
  for (const [sign, m] of [[-1, c.before], [1, c.after]] as const) {
    for (const [orgId, v] of contribution(m)) {
      const d = into.get(orgId) ?? { total: 0, full: 0, probationary: 0, members: 0 };
      d.total += sign * v.total; d.full += sign * v.full; d.probationary += sign * v.probationary; d.members += sign * v.members;
      into.set(orgId, d);
    }
  }
}

const MAX_TRANSACTION_ITEMS = 100;
/** Transactions in flight at once during an import. */
const WRITE_CONCURRENCY = 6;

type Deltas = Map<string, { total: number; full: number; probationary: number; members: number }>;

/** Splits changes into transactions of at most 100 items (member items plus one counter update per org touched). */
function batches(changes: MemberChange[]): { changes: MemberChange[]; deltas: Deltas }[] {
  const out: { changes: MemberChange[]; deltas: Deltas }[] = [];
  let batch: MemberChange[] = [];
  let deltas: Deltas = new Map();
  let memberItemCount = 0;
  for (const c of changes) {
    const next: Deltas = new Map([...deltas].map(([k, v]) => [k, { ...v }]));
    addDeltas(next, c);
    const own = memberItems(c, batch.length).length;
    if (batch.length && memberItemCount + own + next.size > MAX_TRANSACTION_ITEMS) {
      out.push({ changes: batch, deltas });
      batch = []; deltas = new Map(); memberItemCount = 0;
      addDeltas(deltas, c);
    } else deltas = next;
    batch.push(c);
    memberItemCount += own;
  }
  if (batch.length) out.push({ changes: batch, deltas });
  return out;
}

const isConflictOnly = (err: TransactionCanceledException) =>
  (err.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict') &&
  !(err.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');

async function commitBatch(b: { changes: MemberChange[]; deltas: Deltas }): Promise<void> {
  const items = [...b.changes.flatMap((c, i) => memberItems(c, i)), ...counterItems(b.deltas)];
  for (let attempt = 0; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (err) {
      // Two transactions in flight touched the same counter (a joint branch): try again shortly.
      if (err instanceof TransactionCanceledException && isConflictOnly(err) && attempt < 8) {
        await new Promise((r) => setTimeout(r, 20 * 2 ** attempt * Math.random()));
        continue;
      }
      if (err instanceof TransactionCanceledException) throw conflict('名册在此期间已被修改（或手机号已被他人使用），请刷新后重试');
      throw err;
    }
  }
}

/**
 * Writes member changes together with the counters they move: every member's write and its
 * counter deltas commit in the same transaction, so the counters stay exact whatever fails. A
 * member changed by someone else meanwhile (version) fails its batch with 409; a retried import
 * finds what was written and updates only the rest.
 */
export async function writeMembers(changes: MemberChange[]): Promise<{ transactions: number }> {
  const sorted = [...changes].sort((a, b) => a.after.institutionId.localeCompare(b.after.institutionId));
  const all = batches(sorted);
  let next = 0;
  let failure: unknown;
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, all.length) }, async () => {
    while (next < all.length && !failure) {
      const b = all[next++]!;
      try {
        await commitBatch(b);
      } catch (err) {
        failure ??= err;
      }
    }
  }));
  if (failure) throw failure;
  return { transactions: all.length };
}

async function batchGet(keyList: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
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

/** Roster entries by phone (the person's key on re-import). */
export async function membersByPhone(phones: string[]): Promise<Map<string, Member>> {
  const unique = [...new Set(phones)];
  const idx = await batchGet(unique.map((p) => keys.phone(p)));
  const users = await batchGet(idx.map((i) => keys.user(i.userId as string)));
  const byId = new Map(users.map((u) => [u.id as string, u as unknown as Member]));
  const out = new Map<string, Member>();
  for (const i of idx) {
    const m = byId.get(i.userId as string);
    if (m) out.set(String(i.pk).slice('PHONE#'.length), m);
  }
  return out;
}

export async function getMember(id: string): Promise<Member | undefined> {
  const u = await getUser(id);
  return isRosterEntry(u) ? u : undefined;
}

export async function memberRecords(id: string): Promise<MemberRecordEntry[]> {
  const p = keys.memberRecordPrefix(id);
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': p.pk, ':sk': p.skPrefix } });
  return items.map((i) => ({ at: i.at as string, date: i.date as string, kind: i.kind as MemberRecordEntry['kind'], note: i.note as string, by: i.by as string }));
}

/** Roster entries at and under a path (for a branch: its own members; for a bureau: everyone below). */
export async function membersUnder(path: string): Promise<Member[]> {
  const items = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':pk': keys.rosterInTree().gsi2pk, ':path': path },
  });
  return items as unknown as Member[];
}

export async function attendeeIds(orgId: string): Promise<string[]> {
  const p = keys.attendeePrefix(orgId);
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': p.pk, ':sk': p.skPrefix } });
  return items.map((i) => i.memberId as string);
}

export { batchGet };

/** One page of the roster under a path, filtered; the Query asks only for what is still missing so the cursor is exact. */
export async function memberPageUnder(
  path: string, filter: { partyOrgId?: string | undefined; status?: string | undefined; bound?: boolean | undefined; includeLeft?: boolean },
  limit: number, start: Record<string, unknown> | undefined,
): Promise<{ items: Member[]; last: Record<string, unknown> | undefined }> {
  const conds: string[] = [];
  const values: Record<string, unknown> = { ':pk': keys.rosterInTree().gsi2pk, ':path': path };
  if (!filter.includeLeft) { conds.push('active = :active'); values[':active'] = true; }
  if (filter.partyOrgId) { conds.push('partyOrgId = :po'); values[':po'] = filter.partyOrgId; }
  if (filter.status) { conds.push('#st = :st'); values[':st'] = filter.status; }
  if (filter.bound !== undefined) conds.push(filter.bound ? 'attribute_exists(openid)' : 'attribute_not_exists(openid)');
  const items: Member[] = [];
  let last = start;
  do {
    const res = await db().send(new QueryCommand({
      TableName: table(), IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
      ...(conds.length ? { FilterExpression: conds.join(' AND ') } : {}),
      ...(filter.status ? { ExpressionAttributeNames: { '#st': 'status' } } : {}),
      ExpressionAttributeValues: values,
      Limit: Math.max(limit - items.length, 1) * (conds.length ? 4 : 1),
      ExclusiveStartKey: last,
    }));
    for (const it of res.Items ?? []) {
      if (items.length < limit) items.push(it as unknown as Member);
      else break;
    }
    last = res.LastEvaluatedKey;
    if (items.length >= limit) {
      const lastItem = items[items.length - 1]! as unknown as Record<string, unknown>;
      last = { pk: lastItem.pk, sk: lastItem.sk, gsi2pk: lastItem.gsi2pk, gsi2sk: lastItem.gsi2sk };
      break;
    }
  } while (last);
  return { items, last };
}
