import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Session } from '@kaimen/shared';
import { StatusBlock } from '../../../components/StatusBlock';
import { useRequireSession } from '../../../hooks/useSession';
import { checklistPages, openChecklist } from '../../checklist/links';
import { openPage } from '../links';
import './admin.scss';

type Section = 'admin' | 'inbox' | 'dashboard';

const sections: { page: Section; label: string }[] = [
  { page: 'admin', label: '征求意见活动' },
  { page: 'inbox', label: '意见收件箱' },
  { page: 'dashboard', label: '统计' },
];

interface Props {
  current: Section;
  /** Carried between the sections so the clerk stays on the same campaign. */
  campaignId?: string;
  children: (session: Session) => ReactNode;
}

/**
 * The checklist admin page (整改清单) lives in its own feature folder: open it on the campaign chosen on
 * the current page, or without one so that its own picker chooses.
 */
function openChecklistAdmin(campaignId?: string): void {
  if (campaignId) openChecklist('admin', campaignId);
  else void Taro.navigateTo({ url: checklistPages.admin });
}

/**
 * The frame of the H5 admin pages (a clerk's PC browser): navigation, and the role guard — the
 * login page without a session, a notice for signed-in users who are not admins.
 */
export function AdminFrame({ current, campaignId, children }: Props) {
  const session = useRequireSession();
  if (!session) return <View className="admin-page" />;
  const isAdmin = session.user.roles.includes('admin');

  return (
    <View className="admin-page">
      <View className="admin-nav">
        <Text className="admin-nav__brand">开门纳谏 · 管理</Text>
        {sections.map((s) => (
          <Text
            key={s.page}
            className={`admin-nav__item admin-nav__item--${s.page}${s.page === current ? ' admin-nav__item--current' : ''}`}
            onClick={() => (s.page === current ? undefined : openPage(s.page, campaignId ? { campaignId } : {}))}
          >
            {s.label}
          </Text>
        ))}
        <Text className="admin-nav__item admin-nav__item--checklist" onClick={() => openChecklistAdmin(campaignId)}>
          整改清单
        </Text>
        <Text className="admin-nav__user muted">
          {session.user.name}
          {session.user.orgName ? ` · ${session.user.orgName}` : ''}
        </Text>
      </View>
      <View className="admin-body">
        {isAdmin ? children(session) : <StatusBlock className="admin-forbidden" tone="error" title="需要管理员权限" description="请使用单位管理员账号登录后再访问。" />}
      </View>
    </View>
  );
}
