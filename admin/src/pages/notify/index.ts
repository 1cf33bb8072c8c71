import { createElement } from 'react';
import { NotificationOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const notify: ConsoleFeature = {
  key: 'notify',
  title: '消息发送',
  icon: createElement(NotificationOutlined),
  access: 'admin',
  routes: [{ path: 'notify', title: '发送失败', load: () => import('./FailuresPage') }],
};
