import { studyRoutes } from '@kaimen/shared/study/routes';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { type ArchiveKind } from '@kaimen/shared';
import { call } from '../../api/client';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../hooks/useLoad';
import { Screen } from '../../components/Screen';
import { Button } from '../../ui';
import { wholeMinutes } from './format';
import './study.scss';

const kindLabels: Record<ArchiveKind, string> = {
  lesson: '完成课程', quiz: '在线测试', offline_exam: '线下考试', topic_score: '专题成绩', session: '集中学习', reflection: '学习心得', points: '学习时长',
};

/** 学习档案: everything that counts in the yearly evaluation, newest first, with totals. */
export default function ArchivePage() {
  const session = useRequireSession();
  const archive = useLoad(() => call(studyRoutes.myArchive), [], !!session && session.user.roles.length > 0);
  useDidShow(() => {
    if (session?.user.roles.length) void archive.reload();
  });
  const a = archive.data;
  const totals: [string, string | number][] = a
    ? [['积分', a.totals.points], ['学习分钟', wholeMinutes(a.totals.minutes)], ['完成课程', a.totals.lessonsCompleted], ['通过测试', a.totals.quizzesPassed], ['集中学习', a.totals.sessionsAttended], ['学习心得', a.totals.reflections]]
    : [];
  return (
    <Screen title="学习档案" className="archive-page">
      {archive.error ? (
        <StatusBlock className="archive-error" tone="error" title="加载失败" description={archive.error}>
          <Button type="primary" size="small" onClick={() => void archive.reload()}>重试</Button>
        </StatusBlock>
      ) : null}
      {!a && !archive.error ? <View className="muted page-loading archive-loading">正在加载学习档案…</View> : null}
      {a ? (
        <>
          <View className="card archive-totals">
            {totals.map(([label, value]) => (
              <View key={label} className="archive-totals__item">
                <Text className="archive-totals__value">{value}</Text>
                <Text className="muted">{label}</Text>
              </View>
            ))}
          </View>
          {a.items.length === 0 ? <StatusBlock title="档案还是空的" description="学完一课、参加一次集中学习，都会记在这里。" /> : null}
          {a.items.map((e) => (
            <View key={`${e.kind}-${e.refId}-${e.at}`} className="card archive-entry">
              <View className="archive-entry__title">{e.title}</View>
              <Text className="muted">
                {kindLabels[e.kind]} · {formatDate(e.at)}
                {e.minutes !== undefined ? ` · ${Math.max(1, Math.round(e.minutes))} 分钟` : ''}
                {e.score !== undefined ? ` · ${e.score}${e.maxScore !== undefined ? `/${e.maxScore}` : ''} 分` : ''}
                {e.passed !== undefined ? (e.passed ? ' · 通过' : ' · 未通过') : ''}
                {e.points ? ` · +${e.points} 积分` : ''}
              </Text>
              {e.detail ? <View className="muted">{e.detail}</View> : null}
            </View>
          ))}
        </>
      ) : null}
    </Screen>
  );
}
