import { createElement } from 'react';
import { MessageOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const feedback: ConsoleFeature = {
  key: 'feedback',
  title: '开门纳谏',
  icon: createElement(MessageOutlined),
  access: 'admin',
  routes: [
    { path: 'feedback', title: '征求意见活动', load: () => import('./CampaignsPage') },
    { path: 'feedback/inbox', title: '意见箱', load: () => import('./InboxPage'), menu: true },
    { path: 'feedback/dashboard', title: '数据看板', load: () => import('./DashboardPage'), menu: true },
  ],
};
