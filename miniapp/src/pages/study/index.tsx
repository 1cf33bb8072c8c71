import { studyRoutes } from '@kaimen/shared/study/routes';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';

import { call } from '../../api/client';
import { StatusBlock } from '../../components/StatusBlock';
import { UserGreeting } from '../../components/UserGreeting';
import { useRequireSession } from '../../hooks/useSession';
import { formatDate } from '../../lib/format';
import { Button } from '../../ui';
import { lengthLabel, lessonTags } from './format';
import { FindPanel } from './FindPanel';
import { openStudyPage } from './links';
import { useLoad } from '../../hooks/useLoad';
import { SubscribeCard } from '../notify/SubscribeCard';
import { Screen } from '../../components/Screen';
import './study.scss';

/** 学习: today's pick, the member's plans, the topics; entries to check-in, the archive and the games (management is in the PC console). */
export default function StudyPage() {
  const session = useRequireSession();
  const member = !!session && session.user.roles.length > 0;
  const home = useLoad(() => call(studyRoutes.studyHome), [], member);
  const topics = useLoad(() => call(studyRoutes.listTopics, { query: { limit: '100' } }), [], member);
  useDidShow(() => {
    if (member) void home.reload();
  });
  if (!session) return <Screen title="学习" tab className="tab-study" />;
  const pick = home.data?.dailyPick ?? null;

  const scan = async () => {
    if (process.env.TARO_ENV !== 'weapp') return openStudyPage('checkin');
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true });
      const code = /code=([\w-]+)/.exec(result)?.[1] ?? result;
      openStudyPage('checkin', { code });
    } catch {
      // cancelled
    }
  };

  return (
    <Screen title="学习" tab className="tab-study">
      <UserGreeting user={session.user} />
      {!member ? (
        <StatusBlock title="请先绑定党员身份" description={<Text>在“我的”页输入支部书记提供的绑定码后即可参加学习。</Text>} />
      ) : (
        <>
          <FindPanel />
          {pick ? (
            <View className="card study-daily" role="link" onClick={() => openStudyPage('lesson', { id: pick.id })}>
              <Text className="study-daily__label">每日一课</Text>
              <View className="study-daily__title">{pick.title}</View>
              <View className="muted study-daily__topic">专题：{pick.topicTitle}</View>
              <Text className="muted study-daily__tags">
                {lessonTags(pick.kind, pick.mode, [pick.topicTitle, pick.title])} · {lengthLabel(pick.lengthSeconds)}
              </Text>
            </View>
          ) : null}

          <View className="study-actions">
            <Button className="study-checkin-entry" fill="outline" type="primary" onClick={() => void scan()}>扫码签到</Button>
            <Button className="study-archive-entry" fill="outline" onClick={() => openStudyPage('archive')}>学习档案</Button>
            <Button className="study-games-entry" fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: '/pages/games/index' })}>答题闯关</Button>
          </View>

          {home.data && home.data.plans.length > 0 ? (
            <>
              <View className="section-title">学习计划</View>
              <SubscribeCard groups={['study']} label="截止前提醒我" hint="学习计划截止前 24 小时提醒" />
              {home.data.plans.map((p) => (
                <View key={p.id} className={`card study-plan ${p.overdue ? 'study-plan--overdue' : ''}`}>
                  <View className="study-plan__title">{p.title}</View>
                  <Text className="muted">截止 {formatDate(p.deadline)} · 已完成 {p.lessonsCompleted}/{p.lessonsRequired} 课{p.done ? ' · 已完成' : p.overdue ? ' · 已逾期' : ''}</Text>
                  <View className="bar"><View className="bar__fill" style={{ width: `${p.lessonsRequired ? (100 * p.lessonsCompleted) / p.lessonsRequired : 0}%` }} /></View>
                  {p.requirements ? <View className="muted study-plan__req">{p.requirements}</View> : null}
                </View>
              ))}
            </>
          ) : null}

          <View className="section-title">学习专题</View>
          {topics.error || home.error ? (
            <StatusBlock className="study-error" tone="error" title="加载失败" description={topics.error ?? home.error}>
              <Button className="study-retry" type="primary" size="small" onClick={() => void Promise.all([home.reload(), topics.reload()])}>重试</Button>
            </StatusBlock>
          ) : null}
          {topics.loading ? <View className="muted page-loading">加载中…</View> : null}
          {topics.data && topics.data.items.length === 0 ? <StatusBlock title="暂无学习专题" /> : null}
          {topics.data?.items.map((t) => (
            <View key={t.id} className="card study-topic" role="link" onClick={() => openStudyPage('topic', { id: t.id })}>
              <View className="study-topic__title">{t.title}</View>
              <Text className="muted">{t.summary}</Text>
              <View className="muted study-topic__count nowrap">{t.lessonCount} 课 ›</View>
            </View>
          ))}
        </>
      )}
    </Screen>
  );
}
