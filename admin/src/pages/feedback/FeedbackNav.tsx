import { useCallback } from 'react';
import { Segmented } from 'antd';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';

const pages = [
  { value: '/feedback', label: '征求意见活动' },
  { value: '/feedback/inbox', label: '意见箱' },
  { value: '/feedback/dashboard', label: '数据看板' },
];

/** The feature's three pages, one click apart; the chosen campaign goes along. */
export function FeedbackNav() {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  return <Segmented className="feedback-nav" options={pages} value={pathname.replace(/\/$/, '')} onChange={(v) => navigate(`${v}${search}`)} style={{ marginBottom: 16 }} />;
}

/** The campaign shown, kept in the address (`?campaign=`) so it survives a reload and the nav. */
export function useCampaignParam(): [string | undefined, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback((id: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    next.set('campaign', id);
    return next;
  }, { replace: true }), [setParams]);
  return [params.get('campaign') ?? undefined, set];
}
