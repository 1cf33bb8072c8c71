import { createElement } from 'react';
import { FileDoneOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const inspect: ConsoleFeature = {
  key: 'inspect',
  title: '自查事项报告',
  icon: createElement(FileDoneOutlined),
  access: 'admin',
  routes: [{ path: 'inspect', title: '自查事项报告表', load: () => import('./InspectPage') }],
};
