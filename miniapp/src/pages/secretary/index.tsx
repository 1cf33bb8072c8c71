import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRequireSession } from '../../hooks/useSession';
import { PlansPanel } from '../study/PlansPanel';
import { ReflectionReview } from '../study/ReflectionReview';
import { SessionsPanel } from '../study/SessionsPanel';
import { OfflineScoresPanel } from './OfflineScoresPanel';
import { RosterPanel } from './RosterPanel';
import '../study/study.scss';
import '../study/admin.scss';
import { Screen } from '../../components/Screen';
import './index.scss';

const tabs = [
  ['roster', '名册与绑定'],
  ['study', '学习签到'],
  ['plans', '计划进度'],
  ['reflections', '心得审核'],
  ['scores', '线下成绩'],
] as const;
type Tab = (typeof tabs)[number][0];

/**
 * The branch secretary's daily tools (a sub-package: members never download it): the roster and who
 * has not bound, binding codes, the check-in QR of a study session, plan progress, reflections to
 * review and offline exam scores — all on the APIs the PC pages use.
 */
export default function SecretaryPage() {
  const session = useRequireSession();
  const [tab, setTab] = useState<Tab>('roster');
  if (!session) return <Screen title="支部工作" />;
  const branchId = session.user.orgId;
  if (!session.user.roles.includes('secretary') && !session.user.roles.includes('admin')) {
    return <Screen title="支部工作"><View className="card muted">支部工作仅对支部书记开放。</View></Screen>;
  }
  return (
    <Screen title="支部工作" className="study-admin secretary">
      <View className="secretary-tabs" role="tablist" aria-label="支部工作">
        {tabs.map(([key, label]) => (
          <View key={key} className={`secretary-tab${tab === key ? ' secretary-tab--on' : ''}`} role="tab" aria-selected={tab === key} onClick={() => setTab(key)}>{label}</View>
        ))}
      </View>
      {tab === 'roster' && branchId ? <RosterPanel branchId={branchId} /> : null}
      {tab === 'study' ? <SessionsPanel /> : null}
      {tab === 'plans' ? <PlansPanel /> : null}
      {tab === 'reflections' ? <ReflectionReview /> : null}
      {tab === 'scores' && branchId ? <OfflineScoresPanel branchId={branchId} /> : null}
    </Screen>
  );
}
