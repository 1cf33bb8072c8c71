import { createElement } from 'react';
import { FlagOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const pioneer: ConsoleFeature = {
  key: 'pioneer',
  title: '党员先锋岗',
  icon: createElement(FlagOutlined),
  access: 'secretary',
  routes: [
    { path: 'pioneer', title: '先锋岗审核与统计', load: () => import('./ReviewPage') },
    { path: 'pioneer/:postId/badge', title: '打印岗牌', load: () => import('./BadgePage'), menu: false },
  ],
};
