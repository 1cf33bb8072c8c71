import { createElement } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const checklist: ConsoleFeature = {
  key: 'checklist',
  title: '整改清单',
  icon: createElement(AuditOutlined),
  access: 'admin',
  routes: [{ path: 'checklist', title: '整改清单', load: () => import('./ChecklistPage') }],
};
