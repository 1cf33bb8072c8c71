import { route, XLSX_MEDIA_TYPE } from '../api/route';
import {
  adminCampaignListQuery, campaign, campaignListQuery, unitList, campaignPage, campaignParams, createCampaignBody, updateCampaignBody,
} from './campaign';
import {
  adminSuggestion, campaignStats, followUpBody, importQuery, importResult, inboxPage, inboxQuery, moderateBody, rateBody, replyBody,
  submitSuggestionBody, suggestionCreated, suggestionParams, tracked, trackingParams,
} from './suggestion';

const tag = 'feedback';

export const feedbackRoutes = {
  listCampaigns: route({
    id: 'listCampaigns', method: 'GET', path: '/campaigns', tag, access: 'public', status: 200,
    summary: '征求意见活动列表（默认进行中）', query: campaignListQuery, response: campaignPage,
  }),
  getCampaign: route({
    id: 'getCampaign', method: 'GET', path: '/campaigns/{campaignId}', tag, access: 'public', status: 200,
    summary: '征求意见活动详情', params: campaignParams, response: campaign,
  }),
  listCampaignUnits: route({
    id: 'listCampaignUnits', method: 'GET', path: '/campaigns/{campaignId}/units', tag, access: 'public', status: 200,
    summary: '可被反映的单位（活动所属组织及其下级机构）', params: campaignParams, response: unitList,
  }),
  submitSuggestion: route({
    id: 'submitSuggestion', method: 'POST', path: '/campaigns/{campaignId}/suggestions', tag, access: 'public', status: 201,
    summary: '提交意见建议（无需登录）', params: campaignParams, body: submitSuggestionBody, response: suggestionCreated, idempotent: true,
  }),
  trackSuggestion: route({
    id: 'trackSuggestion', method: 'GET', path: '/suggestions/track/{trackingCode}', tag, access: 'public', status: 200,
    summary: '凭查询码查看办理进度', params: trackingParams, response: tracked,
  }),
  rateSuggestion: route({
    id: 'rateSuggestion', method: 'POST', path: '/suggestions/track/{trackingCode}/rating', tag, access: 'public', status: 200,
    summary: '对答复进行满意度评价（一次）', params: trackingParams, body: rateBody, response: tracked, idempotent: true,
  }),

  adminListCampaigns: route({
    id: 'adminListCampaigns', method: 'GET', path: '/admin/campaigns', tag, access: 'admin', status: 200,
    summary: '本组织及下级的征求意见活动', query: adminCampaignListQuery, response: campaignPage,
  }),
  createCampaign: route({
    id: 'createCampaign', method: 'POST', path: '/admin/campaigns', tag, access: 'admin', status: 201,
    summary: '创建征求意见活动', body: createCampaignBody, response: campaign, idempotent: true,
  }),
  updateCampaign: route({
    id: 'updateCampaign', method: 'PATCH', path: '/admin/campaigns/{campaignId}', tag, access: 'admin', status: 200,
    summary: '修改、开启或关闭征求意见活动', params: campaignParams, body: updateCampaignBody, response: campaign,
  }),
  adminListSuggestions: route({
    id: 'adminListSuggestions', method: 'GET', path: '/admin/campaigns/{campaignId}/suggestions', tag, access: 'admin', status: 200,
    summary: '意见收件箱（含联系方式，查看留痕）', params: campaignParams, query: inboxQuery, response: inboxPage,
  }),
  importSuggestions: route({
    id: 'importSuggestions', method: 'POST', path: '/admin/campaigns/{campaignId}/suggestions/import', tag, access: 'admin', status: 200,
    summary: '导入线下意见（CSV 或 XLSX；大文件分次写入：答复有 remaining 时带 ?from=nextRow 再发同一文件）', params: campaignParams, query: importQuery, rawBody: ['text/csv', XLSX_MEDIA_TYPE], response: importResult,
  }),
  exportSuggestions: route({
    id: 'exportSuggestions', method: 'GET', path: '/admin/campaigns/{campaignId}/suggestions.xlsx', tag, access: 'admin', status: 200,
    summary: '导出意见收件箱（XLSX）', params: campaignParams, query: inboxQuery, responseMedia: XLSX_MEDIA_TYPE,
  }),
  campaignStats: route({
    id: 'campaignStats', method: 'GET', path: '/admin/campaigns/{campaignId}/stats', tag, access: 'admin', status: 200,
    summary: '意见统计（按日、类别、渠道，满意率）', params: campaignParams, response: campaignStats,
  }),
  replySuggestion: route({
    id: 'replySuggestion', method: 'POST', path: '/admin/suggestions/{suggestionId}/reply', tag, access: 'admin', status: 200,
    summary: '答复意见', params: suggestionParams, body: replyBody, response: adminSuggestion,
  }),
  moderateSuggestion: route({
    id: 'moderateSuggestion', method: 'POST', path: '/admin/suggestions/{suggestionId}/moderation', tag, access: 'admin', status: 200,
    summary: '标记为无效信息或重复意见（不计入整改清单），或取消标记', params: suggestionParams, body: moderateBody, response: adminSuggestion,
  }),
  followUpSuggestion: route({
    id: 'followUpSuggestion', method: 'POST', path: '/admin/suggestions/{suggestionId}/follow-up', tag, access: 'admin', status: 200,
    summary: '记录不满意意见的回访并销号（不满意清零）', params: suggestionParams, body: followUpBody, response: adminSuggestion,
  }),
};
