import type { Campaign, CampaignStatus } from '@kaimen/shared';
import { effectiveStatus } from '@kaimen/shared';
import dayjs from 'dayjs';

export const campaignStatusLabels: Record<CampaignStatus, string> = { draft: '未开始', open: '进行中', closed: '已结束' };
export const campaignStatusColors: Record<CampaignStatus, string> = { draft: 'default', open: 'red', closed: 'default' };

/** What the public sees now: 进行中 only while open and inside the dates. */
export function shownStatus(c: Campaign): CampaignStatus {
  return effectiveStatus(c, new Date());
}

export function period(c: Pick<Campaign, 'opensAt' | 'closesAt'>): string {
  // closesAt is the first moment after the last day.
  return `${dayjs(c.opensAt).format('YYYY-MM-DD')} 至 ${dayjs(c.closesAt).subtract(1, 'ms').format('YYYY-MM-DD')}`;
}
