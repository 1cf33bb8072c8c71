import { route } from '../api/route';
import { listQuery } from '../http/pagination';
import {
  mySuggestions, notificationPage, notificationPrefsBody, notificationSettings, notifyFailures, readNotificationsBody, retryFailuresBody,
  retryFailuresResult, subscriptionsBody, unreadCount,
} from './schemas';

const tag = 'notify';

export const notifyRoutes = {
  listNotifications: route({
    id: 'listNotifications', method: 'GET', path: '/me/notifications', tag, access: 'user', status: 200,
    summary: '我的消息（新消息在前）与未读数', query: listQuery, response: notificationPage,
  }),
  readNotifications: route({
    id: 'readNotifications', method: 'POST', path: '/me/notifications/read', tag, access: 'user', status: 200,
    summary: '把消息标为已读', body: readNotificationsBody, response: unreadCount,
  }),
  mySuggestions: route({
    id: 'mySuggestions', method: 'GET', path: '/me/suggestions', tag, access: 'user', status: 200,
    summary: '我提交的意见建议（办理状态、答复与查询码）', response: mySuggestions,
  }),
  notificationSettings: route({
    id: 'notificationSettings', method: 'GET', path: '/me/notification-settings', tag, access: 'user', status: 200,
    summary: '订阅消息模板、各类消息开关与剩余可发送次数', response: notificationSettings,
  }),
  setNotificationPrefs: route({
    id: 'setNotificationPrefs', method: 'PUT', path: '/me/notification-settings', tag, access: 'user', status: 200,
    summary: '关闭或打开某类消息的微信通知', body: notificationPrefsBody, response: notificationSettings,
  }),
  recordSubscriptions: route({
    id: 'recordSubscriptions', method: 'POST', path: '/me/subscriptions', tag, access: 'user', status: 200,
    summary: '记录 wx.requestSubscribeMessage 的订阅结果', body: subscriptionsBody, response: notificationSettings,
  }),
  notifyFailures: route({
    id: 'notifyFailures', method: 'GET', path: '/admin/notify/failures', tag, access: 'admin', status: 200,
    summary: '订阅消息发送失败：按原因计数与最近的失败消息', response: notifyFailures,
  }),
  retryNotifyFailures: route({
    id: 'retryNotifyFailures', method: 'POST', path: '/admin/notify/failures/retry', tag, access: 'admin', status: 200,
    summary: '重新发送失败的订阅消息（不传 ids 则全部重发）', body: retryFailuresBody, response: retryFailuresResult,
  }),
};
