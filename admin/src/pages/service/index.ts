import { createElement } from 'react';
import { HeartOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const service: ConsoleFeature = {
  key: 'service',
  title: '我为群众办实事',
  icon: createElement(HeartOutlined),
  access: 'secretary',
  routes: [
    { path: 'service', title: '办实事项目', load: () => import('./ProjectsPage') },
    { path: 'service/outcomes', title: '办实事成效', load: () => import('./OutcomesPage'), menu: true },
  ],
};
