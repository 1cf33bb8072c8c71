import { PutCommand } from '../lib/dynamo';
import { keys, ttlIn } from '../db/keys';
import { db, table } from '../lib/db';
import type { Principal } from '../lib/tokens';

/** Kept three years: long enough for any inspection of who looked at whose contact data. */
const AUDIT_RETENTION_SECONDS = 3 * 365 * 86_400;

/** Every view of contact data is written down: who, when, what, which suggestions. */
export async function auditContactView(campaignId: string, principal: Principal, action: 'list' | 'export', suggestionIds: string[], requestId: string, now: Date) {
  if (suggestionIds.length === 0) return;
  const at = now.toISOString();
  await db().send(new PutCommand({
    TableName: table(),
    Item: {
      ...keys.contactAudit(campaignId, at, requestId || at),
      type: 'contactAudit', campaignId, action, at,
      userId: principal.userId, userName: principal.name, orgId: principal.orgId,
      suggestionIds, ttl: ttlIn(AUDIT_RETENTION_SECONDS, now.getTime()),
    },
  }));
}
