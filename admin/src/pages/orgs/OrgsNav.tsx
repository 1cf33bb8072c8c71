import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';

const pages = [
  { value: '/orgs', label: '组织管理' },
  { value: '/orgs/roster', label: '人员名册' },
  { value: '/orgs/census', label: '摸底与覆盖' },
];

/** The three pages of the feature, one click apart. */
export function OrgsNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return <Segmented className="orgs-nav" options={pages} value={pathname.replace(/\/$/, '')} onChange={(v) => navigate(v)} style={{ marginBottom: 16 }} />;
}
