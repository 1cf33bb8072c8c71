import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { MemberQuiz } from '@kaimen/shared';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { openQuizPage } from './links';
import { QuizCard } from './QuizCard';
import { useQuizList } from './useQuizList';
import { SubscribeCard } from '../notify/SubscribeCard';
import { Screen } from '../../components/Screen';
import './index.scss';

type Tab = 'open' | 'done' | 'missed';
const tabs: { key: Tab; label: string }[] = [
  { key: 'open', label: '进行中' },
  { key: 'done', label: '已完成' },
  { key: 'missed', label: '已错过' },
];

const inTab = (q: MemberQuiz, tab: Tab) => (tab === 'open' ? q.myStatus === 'open' || q.myStatus === 'upcoming' : q.myStatus === tab);

/** 测试: the member's quizzes, open, done and missed. */
export default function QuizPage() {
  const session = useRequireSession();
  const bound = !!session?.user.roles.length;
  const { items, loading, error, reload } = useQuizList(bound);
  const [tab, setTab] = useState<Tab>('open');

  useDidShow(() => {
    if (bound) void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <Screen title="测试" tab className="tab-quiz" />;
  if (!bound) {
    return (
      <Screen title="测试" tab className="tab-quiz">
        <StatusBlock className="quiz-unbound" title="请先绑定党员身份" description="在“我的”页面输入支部书记提供的绑定码后即可参加测试。" />
      </Screen>
    );
  }

  const open = (q: MemberQuiz) => {
    if (q.myStatus === 'open' || q.myStatus === 'upcoming') openQuizPage('take', { quizId: q.id });
    else if (q.lastAttemptId) openQuizPage('result', { attemptId: q.lastAttemptId });
  };
  const shown = items.filter((q) => inTab(q, tab));

  return (
    <Screen title="测试" tab className="tab-quiz">
      {items.length > 0 ? <SubscribeCard groups={['study']} label="截止前提醒我" hint="测试截止前 24 小时提醒" /> : null}
      <View className="quiz-tabs" role="tablist">
        {tabs.map((t) => (
          <View key={t.key} className={`quiz-tab quiz-tab--${t.key} ${tab === t.key ? 'is-active' : ''}`} role="tab" aria-selected={tab === t.key} onClick={() => setTab(t.key)}>
            {t.label}
            <Text className="quiz-tab__count">{items.filter((q) => inTab(q, t.key)).length}</Text>
          </View>
        ))}
      </View>
      {error ? (
        <StatusBlock className="quiz-error" tone="error" title="加载失败" description={error}>
          <Button type="primary" size="small" onClick={() => void reload()}>重试</Button>
        </StatusBlock>
      ) : null}
      {!error && !loading && shown.length === 0 ? (
        <StatusBlock className="quiz-empty" title={{ open: '暂无进行中的测试', done: '还没有完成的测试', missed: '没有错过的测试' }[tab]} />
      ) : null}
      <View className="quiz-list">
        {shown.map((q) => <QuizCard key={q.id} quiz={q} onOpen={() => open(q)} />)}
      </View>
      {loading ? <View className="muted quiz-loading">加载中…</View> : null}
    </Screen>
  );
}
