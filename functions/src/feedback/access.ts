import { isWithin } from '@kaimen/shared';
import type { Principal } from '../lib/tokens';
import { forbidden, notFound } from '../lib/problem';
import { getCampaign, type CampaignRecord } from './campaign-store';

/**
 * How much of a campaign an admin may see: all of it when the campaign's org lies in the admin's
 * subtree; only suggestions about units in their subtree when the admin is below the campaign's org
 * (a county bureau looking at its city's campaign); nothing otherwise.
 */
export type CampaignAccess = { campaign: CampaignRecord; unitScope?: string };

export async function adminCampaign(principal: Principal, campaignId: string): Promise<CampaignAccess> {
  const campaign = await getCampaign(campaignId);
  if (!campaign) throw notFound('征求意见活动不存在');
  const mine = principal.orgPath;
  if (mine && isWithin(campaign.orgPath, mine)) return { campaign };
  if (mine && isWithin(mine, campaign.orgPath)) return { campaign, unitScope: mine };
  throw forbidden('这个活动不在您所管理的组织范围内');
}

/** Only admins whose subtree holds the whole campaign may change it. */
export async function ownedCampaign(principal: Principal, campaignId: string): Promise<CampaignRecord> {
  const access = await adminCampaign(principal, campaignId);
  if (access.unitScope) throw forbidden('只有活动所属组织及其上级的管理员可以修改活动');
  return access.campaign;
}
