import { createElement } from 'react';
import { ReadOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const study: ConsoleFeature = {
  key: 'study',
  title: '学习教育',
  icon: createElement(ReadOutlined),
  access: 'secretary',
  routes: [
    { path: 'study', title: '专题与课程', load: () => import('./TopicsPage') },
    { path: 'study/topics/:topicId', title: '课程', load: () => import('./TopicPage'), menu: false },
    { path: 'study/plans', title: '学习计划', load: () => import('./PlansPage'), menu: true },
    { path: 'study/sessions', title: '集中学习签到', load: () => import('./SessionsPage'), menu: true },
    { path: 'study/reflections', title: '心得审核', load: () => import('./ReflectionsPage'), menu: true },
    { path: 'study/report', title: '学习统计', load: () => import('./ReportPage'), menu: true },
  ],
};
