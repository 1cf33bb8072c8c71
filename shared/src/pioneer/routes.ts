import { route } from '../api/route';
import { campaignParams } from '../feedback/params';
import { orgParams } from '../org/params';
import { photoUpload } from '../http/upload';
import { myPost, ownPost, postList, postListQuery, postParams, postPhotoBody, postStats, publicPost, publicPostList, ratePostBody, reviewPostBody, savePostBody } from './posts';

const tag = 'pioneer';

/** 亮身份 · 亮承诺 · 亮岗牌: members' public cards, reviewed by the secretary, shown and rated by the public. */
export const pioneerRoutes = {
  getMyPost: route({
    id: 'getMyPost', method: 'GET', path: '/me/pioneer-post', tag, access: 'member', status: 200,
    summary: '我的党员先锋岗（亮身份、亮承诺）卡片，尚未填写时为 null', response: myPost,
  }),
  saveMyPost: route({
    id: 'saveMyPost', method: 'PUT', path: '/me/pioneer-post', tag, access: 'member', status: 200,
    summary: '填写或修改我的先锋岗卡片（保存后待支部书记审核，审核通过才公开）', body: savePostBody, response: ownPost, idempotent: true,
  }),
  myPostPhotoUpload: route({
    id: 'myPostPhotoUpload', method: 'POST', path: '/me/pioneer-post/photo', tag, access: 'member', status: 201,
    summary: '上传先锋岗照片：返回预签名上传地址（仅 JPEG/PNG/WebP，最大 5 MB；保存卡片时核验确为图片）', body: postPhotoBody, response: photoUpload,
  }),
  listPosts: route({
    id: 'listPosts', method: 'GET', path: '/admin/orgs/{orgId}/pioneer-posts', tag, access: 'secretary', status: 200,
    summary: '本组织及下级的先锋岗卡片（可按状态筛选，待审核在前）', params: orgParams, query: postListQuery, response: postList,
  }),
  getPost: route({
    id: 'getPost', method: 'GET', path: '/admin/pioneer-posts/{postId}', tag, access: 'secretary', status: 200,
    summary: '先锋岗卡片详情（审核、打印岗牌）', params: postParams, response: ownPost,
  }),
  reviewPost: route({
    id: 'reviewPost', method: 'POST', path: '/admin/pioneer-posts/{postId}/review', tag, access: 'secretary', status: 200,
    summary: '审核先锋岗卡片：通过后公开，或写明理由退回', params: postParams, body: reviewPostBody, response: ownPost,
  }),
  postStats: route({
    id: 'postStats', method: 'GET', path: '/admin/orgs/{orgId}/pioneer-stats', tag, access: 'secretary', status: 200,
    summary: '先锋岗数量：按类型、命名级别统计，逐级汇总到各下级', params: orgParams, response: postStats,
  }),
  publicPost: route({
    id: 'publicPost', method: 'GET', path: '/pioneer-posts/{postId}', tag, access: 'public', status: 200,
    summary: '公开的先锋岗卡片（岗牌二维码打开此页）', params: postParams, response: publicPost,
  }),
  ratePost: route({
    id: 'ratePost', method: 'POST', path: '/pioneer-posts/{postId}/ratings', tag, access: 'public', status: 200,
    summary: '群众给先锋岗打分（1–5 星，每人每天每岗一次）', params: postParams, body: ratePostBody, response: publicPost,
  }),
  campaignPosts: route({
    id: 'campaignPosts', method: 'GET', path: '/campaigns/{campaignId}/pioneer-posts', tag, access: 'public', status: 200,
    summary: '征求意见活动范围内的先锋岗', params: campaignParams, response: publicPostList,
  }),
  institutionPosts: route({
    id: 'institutionPosts', method: 'GET', path: '/orgs/{orgId}/pioneer-posts', tag, access: 'public', status: 200,
    summary: '一个单位（律所、公证处等）的先锋岗', params: orgParams, response: publicPostList,
  }),
};
