import { PutCommand } from '../lib/dynamo';
import { ttlIn, type Key } from '../db/keys';
import { db, queryAll, table } from '../lib/db';
import { forbidden } from '../lib/problem';
import type { Principal } from '../lib/tokens';
import { getOrg } from '../org/store';

/**
 * Self-inspection answers and talk records are for the admins responsible: the publishing org's admins
 * and those above it, never an admin of a unit below, a member or the public.
 */
export function isResponsible(principal: Principal, orgPath: string): boolean {
  return principal.roles.includes('admin') && principal.orgPath !== null && orgPath.startsWith(principal.orgPath);
}

export function assertResponsible(principal: Principal, record: { orgPath: string; orgName: string }, what: string): void {
  if (!isResponsible(principal, record.orgPath)) throw forbidden(`${what}仅限${record.orgName}及其上级的管理员查看`);
}

/** Kept five years: long enough for any check of who read whose answers. */
const RETENTION_SECONDS = 5 * 365 * 86_400;

/** Writes down an admin's view before the records are answered: no record, no answer. */
export async function auditView(key: Key, principal: Principal, what: string, now: Date, subjectName?: string): Promise<void> {
  const org = principal.orgId ? await getOrg(principal.orgId) : undefined;
  await db().send(new PutCommand({
    TableName: table(),
    Item: {
      ...key, type: 'confidentialView', at: now.toISOString(), viewerId: principal.userId, viewerName: principal.name,
      viewerOrgName: org?.name ?? '', what, ...(subjectName ? { subjectName } : {}), ttl: ttlIn(RETENTION_SECONDS, now.getTime()),
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  }));
}

/** The audit log of one form or round, newest first. */
export async function viewsOf(prefix: { pk: string; skPrefix: string }) {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.skPrefix }, ScanIndexForward: false,
  });
  return items.map((i) => ({
    at: i.at as string, viewerId: i.viewerId as string, viewerName: i.viewerName as string, viewerOrgName: i.viewerOrgName as string, what: i.what as string,
    ...(i.subjectName ? { subjectName: i.subjectName as string } : {}),
  }));
}
