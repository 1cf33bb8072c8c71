import { QueryCommand } from '../lib/dynamo';
import { averageStars, postKindLabels, postLevelLabels, type OwnPost, type PublicPost } from '@kaimen/shared';
import { keys } from '../db/keys';
import { db, table } from '../lib/db';
import type { PostRecord } from './store';

/**
 * The open campaign whose tree holds an institution (the nearest one), where a suggestion about a
 * card goes. Open campaigns are few: one Query of the published index from now on.
 */
export async function openCampaignFor(institutionPath: string, now: Date): Promise<string | null> {
  const nowIso = now.toISOString();
  const { Items } = await db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk > :now',
    FilterExpression: '#status = :open AND opensAt <= :now',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': keys.campaignsPublished().gsi1pk, ':now': nowIso, ':open': 'open' },
  }));
  const covering = (Items ?? []).filter((c) => institutionPath.startsWith(c.orgPath as string));
  covering.sort((a, b) => (b.orgPath as string).length - (a.orgPath as string).length);
  return (covering[0]?.id as string | undefined) ?? null;
}

/** The S3 client loads with the first card that has a photo, not with the function. */
async function photoUrl(key: string): Promise<string> {
  const { presignView } = await import('../orglife/photos');
  return presignView(key);
}

export async function publicView(p: PostRecord, campaignId: string | null): Promise<PublicPost> {
  return {
    id: p.id,
    name: p.name,
    photoUrl: p.photoKey ? await photoUrl(p.photoKey) : null,
    kind: p.kind,
    kindLabel: postKindLabels[p.kind],
    level: p.level,
    levelLabel: postLevelLabels[p.level],
    window: p.window,
    institutionId: p.institutionId,
    institutionName: p.institutionName,
    pledge: p.pledge,
    services: p.services,
    ratings: { count: p.ratingCount, average: averageStars(p.ratingCount, p.ratingSum) },
    campaignId,
  };
}

export async function ownView(p: PostRecord, campaignId: string | null = null): Promise<OwnPost> {
  return {
    ...(await publicView(p, campaignId)),
    userId: p.userId,
    orgId: p.orgId,
    status: p.status,
    ...(p.returnReason ? { returnReason: p.returnReason } : {}),
    submittedAt: p.submittedAt,
    ...(p.reviewedAt ? { reviewedAt: p.reviewedAt } : {}),
    ...(p.reviewedBy ? { reviewedBy: p.reviewedBy } : {}),
  };
}
