import { routes, DEFAULT_LIMIT } from '@kaimen/shared';
import { bind, createFunction } from '../lib/api';
import { notFound } from '../lib/problem';
import { getCampaign, listPublishedCampaigns, publicCampaign } from './campaign-store';

export const handler = createFunction([
  bind(routes.listCampaigns, async ({ query, now }) => {
    const status = query.status === 'closed' ? 'closed' : 'open';
    return listPublishedCampaigns(status, query.limit ?? DEFAULT_LIMIT, query.cursor, now);
  }),

  bind(routes.getCampaign, async ({ params, now }) => {
    const c = await getCampaign(params.campaignId);
    if (!c || c.status === 'draft') throw notFound('征求意见活动不存在或尚未发布');
    return publicCampaign(c, now);
  }),
]);
