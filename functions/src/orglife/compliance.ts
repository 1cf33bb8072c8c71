import { BatchGetCommand } from '../lib/dynamo';
import {
  attendanceRate, cadences, isOrgLifeBehind, meetingTypeLabels, meetingTypes, previousWindowMonth, complianceOfType, windowKey,
  type Cadence, type OrgLifeRules, type TypeCompliance,
} from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import type { OrgRecord } from '../org/store';
import { aggregatesUnder, type Aggregate } from './meeting-store';
import { partyOrgsUnder } from './party-orgs';

export interface PartyOrgCompliance {
  orgId: string;
  orgName: string;
  orgPath: string;
  parentId: string | null;
  types: (TypeCompliance & { typeLabel: string })[];
  behind: boolean;
  attended: number;
  expected: number;
  attendanceRate: number | null;
}

/**
 * Held / due / overdue by type for every party org under `root` in the windows holding `month`, read
 * from the per-period aggregates (one Query per window), never from the meetings themselves.
 */
export async function complianceUnder(root: OrgRecord, month: string, rules: OrgLifeRules, nowMs: number): Promise<PartyOrgCompliance[]> {
  const year = month.slice(0, 4);
  const windows = new Map<string, Promise<Map<string, Aggregate>>>();
  const load = (w: string) => {
    if (!windows.has(w)) windows.set(w, aggregatesUnder(root.path, w));
    return windows.get(w)!;
  };
  const used = new Set(meetingTypes.map((t) => rules.frequencies[t].every));
  const current = new Map<Cadence, Map<string, Aggregate>>();
  const previous = new Map<Cadence, Map<string, Aggregate> | null>();
  const [orgs] = await Promise.all([
    partyOrgsUnder(root.path),
    ...cadences.filter((c) => used.has(c) || c === 'year').map(async (c) => {
      current.set(c, await load(windowKey(month, c)));
      const prevMonth = previousWindowMonth(month, c);
      // Only windows of the same year count against a branch: last year's are last year's report.
      previous.set(c, prevMonth.startsWith(year) ? await load(windowKey(prevMonth, c)) : null);
    }),
  ]);
  return orgs.map((o) => {
    const types = meetingTypes.map((t) => {
      const f = rules.frequencies[t];
      const held = current.get(f.every)?.get(o.id)?.counts[t] ?? 0;
      const prev = previous.get(f.every);
      const prevHeld = prev ? prev.get(o.id)?.counts[t] ?? 0 : null;
      return { ...complianceOfType(t, f, month, held, prevHeld, nowMs), typeLabel: meetingTypeLabels[t] };
    });
    const yearAgg = current.get('year')?.get(o.id);
    const attended = yearAgg?.attended ?? 0;
    const expected = yearAgg?.expected ?? 0;
    return {
      orgId: o.id, orgName: o.name, orgPath: o.path, parentId: o.parentId, types, behind: isOrgLifeBehind(types),
      attended, expected, attendanceRate: attendanceRate(attended, expected),
    };
  });
}

/** Names and kinds of orgs by id, 100 per BatchGetItem. */
export async function orgsById(ids: string[]): Promise<Map<string, { name: string; kind: string }>> {
  const out = new Map<string, { name: string; kind: string }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> }> | undefined = {
      [table()]: { Keys: unique.slice(i, i + 100).map((id) => keys.org(id)), ProjectionExpression: 'id, #n, kind', ExpressionAttributeNames: { '#n': 'name' } },
    };
    while (request && Object.keys(request).length) {
      const res = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of res.Responses?.[table()] ?? []) out.set(item.id as string, { name: item.name as string, kind: item.kind as string });
      request = res.UnprocessedKeys as typeof request;
    }
  }
  return out;
}
