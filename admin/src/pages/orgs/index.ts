import { createElement } from 'react';
import { ApartmentOutlined } from '@ant-design/icons';
import type { ConsoleFeature } from '../types';

export const orgs: ConsoleFeature = {
  key: 'orgs',
  title: '组织与名册',
  icon: createElement(ApartmentOutlined),
  access: 'admin',
  routes: [
    { path: 'orgs', title: '组织管理', load: () => import('./OrgsPage') },
    { path: 'orgs/roster', title: '人员名册', load: () => import('./RosterPage'), menu: true },
    { path: 'orgs/census', title: '摸底与覆盖', load: () => import('./CensusPage'), menu: true },
  ],
};
