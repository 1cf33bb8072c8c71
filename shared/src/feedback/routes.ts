import { route } from '../api/route';
import { campaign, campaignListQuery, campaignPage, campaignParams } from './campaign';

const tag = 'feedback';

export const feedbackRoutes = {
  listCampaigns: route({
    id: 'listCampaigns', method: 'GET', path: '/campaigns', tag, access: 'public', status: 200,
    summary: '征求意见活动列表', query: campaignListQuery, response: campaignPage,
  }),
  getCampaign: route({
    id: 'getCampaign', method: 'GET', path: '/campaigns/{campaignId}', tag, access: 'public', status: 200,
    summary: '征求意见活动详情', params: campaignParams, response: campaign,
  }),
};
