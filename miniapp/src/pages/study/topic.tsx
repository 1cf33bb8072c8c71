import { studyRoutes } from '@kaimen/shared/study/routes';
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';

import { call } from '../../api/client';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { lengthLabel, lessonTags } from './format';
import { openStudyPage } from './links';
import { useLoad } from '../../hooks/useLoad';
import { Screen } from '../../components/Screen';
import { Button } from '../../ui';
import './study.scss';

/** A topic (专题) and its lessons in order, with the ones I have completed marked. */
export default function TopicPage() {
  const session = useRequireSession();
  const id = useRouter().params.id ?? '';
  const topic = useLoad(() => call(studyRoutes.getTopic, { params: { topicId: id } }), [id], !!session);
  useDidShow(() => {
    if (session) void topic.reload();
  });
  const t = topic.data;
  return (
    <Screen title="学习专题" className="study-topic-page">
      {topic.error ? (
        <StatusBlock tone="error" title="加载失败" description={topic.error}>
          <Button type="primary" size="small" onClick={() => void topic.reload()}>重试</Button>
        </StatusBlock>
      ) : null}
      {!t && !topic.error ? <View className="muted page-loading">加载中…</View> : null}
      {t ? (
        <>
          <View className="card">
            <View className="study-topic__title">{t.title}</View>
            <Text className="muted">{t.summary}</Text>
          </View>
          {t.lessons.map((l) => (
            <View key={l.id} className="card study-lesson-row" role="link" onClick={() => openStudyPage('lesson', { id: l.id })}>
              <View>
                <View className="study-lesson-row__title">{l.title}</View>
                <Text className="muted">{lessonTags(l.kind, l.mode, [t.title, l.title])} · {lengthLabel(l.lengthSeconds)}</Text>
              </View>
              {l.completed ? <Text className="study-lesson-row__done">已学完</Text> : null}
            </View>
          ))}
          {t.lessons.length === 0 ? <StatusBlock title="本专题暂无课程" /> : null}
        </>
      ) : null}
    </Screen>
  );
}
