import { createElement } from 'react';
import { CommentOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const talks: ConsoleFeature = {
  key: 'talks',
  title: '谈心谈话',
  icon: createElement(CommentOutlined),
  access: 'admin',
  routes: [{ path: 'talks', title: '谈心谈话', load: () => import('./TalksPage') }],
};
