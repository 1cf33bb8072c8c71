import { createElement } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const orglife: ConsoleFeature = {
  key: 'orglife',
  title: '组织生活与月报',
  icon: createElement(TeamOutlined),
  access: 'secretary',
  routes: [
    { path: 'orglife', title: '组织生活落实', load: () => import('./CompliancePage') },
    { path: 'orglife/meetings', title: '会议记录', load: () => import('./MeetingsPage'), menu: true },
    { path: 'orglife/reports', title: '月报', load: () => import('./ReportPage'), menu: true },
    { path: 'orglife/tasks', title: '任务节点', load: () => import('./TasksPage'), menu: true },
  ],
};
