import { GetCommand, PutCommand, QueryCommand } from '../lib/dynamo';
import { effectiveStatus, type Campaign, type CampaignStatus } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { forgetRarelyChanging, rarelyChanging } from '../lib/rarely-changing';

export interface CampaignRecord extends Campaign {
  orgPath: string;
  updatedAt: string;
}

export function campaignItem(c: CampaignRecord) {
  return {
    ...keys.campaign(c.id),
    ...(c.status === 'draft' ? {} : { ...keys.campaignsPublished(), ...keys.campaignClosingSort(c.closesAt, c.id) }),
    ...keys.campaignsInOrg(),
    ...keys.campaignOrgSort(c.orgPath, c.createdAt, c.id),
    type: 'campaign',
    ...c,
  };
}

export async function putCampaign(c: CampaignRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: campaignItem(c) }));
  forgetRarelyChanging(`campaign#${c.id}`);
}

export async function getCampaign(id: string): Promise<CampaignRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.campaign(id) }));
  return Item ? toCampaign(Item) : undefined;
}

/** The campaign as the public routes use it: up to a minute old (see lib/rarely-changing). */
export function recentCampaign(id: string): Promise<CampaignRecord | undefined> {
  return rarelyChanging(`campaign#${id}`, () => getCampaign(id));
}

/** Public list: open campaigns (the default) or closed ones; drafts are never listed. */
export async function listPublishedCampaigns(status: Exclude<CampaignStatus, 'draft'>, limit: number, cursor: string | undefined, now: Date) {
  const nowIso = now.toISOString();
  const open = status === 'open';
  const page = await db().send(new QueryCommand({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: open ? 'gsi1pk = :pk AND gsi1sk > :now' : 'gsi1pk = :pk',
    FilterExpression: open ? '#status = :open AND opensAt <= :now' : '#status = :closed OR closesAt <= :now',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': keys.campaignsPublished().gsi1pk, ':now': nowIso, ...(open ? { ':open': 'open' } : { ':closed': 'closed' }) },
    ScanIndexForward: open,
    Limit: limit,
    ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk', 'gsi1pk', 'gsi1sk']),
  }));
  return {
    items: (page.Items ?? []).map((i) => publicCampaign(toCampaign(i), now)),
    nextCursor: encodeCursor(page.LastEvaluatedKey),
  };
}

export function publicCampaign(c: CampaignRecord, now: Date): Campaign {
  const { orgPath: _orgPath, updatedAt: _updatedAt, ...rest } = c;
  return { ...rest, status: effectiveStatus(c, now) };
}

function toCampaign(item: Record<string, unknown>): CampaignRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...rest } = item;
  return rest as unknown as CampaignRecord;
}

/** Campaigns owned by an org inside `orgPath` (an admin's subtree), newest first. */
export async function listCampaignsInScope(orgPath: string, limit: number, cursor: string | undefined, now: Date) {
  const page = await db().send(new QueryCommand({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :path)',
    ExpressionAttributeValues: { ':pk': keys.campaignsInOrg().gsi2pk, ':path': orgPath },
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk', 'gsi2pk', 'gsi2sk']),
  }));
  return { items: (page.Items ?? []).map((i) => publicCampaign(toCampaign(i), now)), nextCursor: encodeCursor(page.LastEvaluatedKey) };
}
