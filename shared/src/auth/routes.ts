import * as z from 'zod/mini';
import { route } from '../api/route';
import { id } from '../http/common';
import { org } from '../org/tree';
import {
  bindBody, bindingCodeIssued, devSignInBody, pcLoginParams, pcLoginPollBody, pcLoginScanned, pcLoginStarted, pcLoginStatus, session, user,
  wechatSignInBody,
} from './schemas';

const tag = 'auth';

export const authRoutes = {
  signInWechat: route({
    id: 'signInWechat', method: 'POST', path: '/auth/wechat', tag, access: 'public', status: 200,
    summary: '微信登录：以 wx.login 的 code 换取令牌',
    body: wechatSignInBody, response: session,
  }),
  signInDev: route({
    id: 'signInDev', method: 'POST', path: '/auth/dev', tag, access: 'public', status: 200,
    summary: '开发登录（仅 local / test 环境）',
    body: devSignInBody, response: session,
  }),
  me: route({
    id: 'me', method: 'GET', path: '/me', tag, access: 'user', status: 200,
    summary: '当前用户', response: user,
  }),
  bind: route({
    id: 'bind', method: 'POST', path: '/me/bind', tag, access: 'user', status: 200,
    summary: '以一次性绑定码把微信用户绑定到党员名册', idempotent: true,
    body: bindBody, response: session,
  }),
  issueBindingCode: route({
    id: 'issueBindingCode', method: 'POST', path: '/admin/members/{memberId}/binding-code', tag, access: 'secretary', status: 201,
    summary: '为本组织（含下级）名册中的党员生成一次性绑定码（7 天有效）',
    params: z.strictObject({ memberId: id }), response: bindingCodeIssued,
  }),
  startPcLogin: route({
    id: 'startPcLogin', method: 'POST', path: '/auth/pc-login', tag, access: 'public', status: 201,
    summary: '电脑端扫码登录：生成一次性二维码票据（几分钟内有效）', response: pcLoginStarted,
  }),
  pollPcLogin: route({
    id: 'pollPcLogin', method: 'POST', path: '/auth/pc-login/{ticket}/poll', tag, access: 'public', status: 200,
    summary: '电脑端轮询扫码结果；确认后一次性取得令牌', params: pcLoginParams, body: pcLoginPollBody, response: pcLoginStatus,
  }),
  scanPcLogin: route({
    id: 'scanPcLogin', method: 'POST', path: '/auth/pc-login/{ticket}/scan', tag, access: 'secretary', status: 200,
    summary: '手机扫码后告知电脑端“已扫码”', params: pcLoginParams, response: pcLoginScanned,
  }),
  confirmPcLogin: route({
    id: 'confirmPcLogin', method: 'POST', path: '/auth/pc-login/{ticket}/confirm', tag, access: 'secretary', status: 200,
    summary: '手机上确认以本人身份登录电脑端管理后台', params: pcLoginParams, response: pcLoginScanned,
  }),
  orgTree: route({
    id: 'orgTree', method: 'GET', path: '/admin/org-tree', tag, access: 'secretary', status: 200,
    summary: '本组织及其全部下级组织（扁平列表，按层级排列），供选择组织使用',
    response: z.object({ items: z.array(org) }),
  }),
};
