import { createElement } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const home: ConsoleFeature = {
  key: 'home',
  title: '工作台',
  icon: createElement(HomeOutlined),
  access: 'secretary',
  routes: [{ path: '', title: '工作台', load: () => import('./HomePage') }],
};
