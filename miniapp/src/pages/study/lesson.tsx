import { studyRoutes } from '@kaimen/shared/study/routes';
import { FavouriteButton } from './FindPanel';
import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { RichText } from '../../ui/taro/RichText';
import { useRouter } from '@tarojs/taro';

import { call } from '../../api/client';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { Button } from '../../ui';
import { lengthLabel, lessonTags, studyClock } from './format';
import { MediaPlayer, resumePosition } from './MediaPlayer';
import { Reflections } from './Reflections';
import { useLoad } from '../../hooks/useLoad';
import { useStudyTracker } from './useStudyTracker';
import { Screen } from '../../components/Screen';
import './study.scss';

/** A lesson: the article (sanitised on the server) or the player, the honest study clock, and reflections. */
export default function LessonPage() {
  const session = useRequireSession();
  const id = useRouter().params.id ?? '';
  const lesson = useLoad(() => call(studyRoutes.getLesson, { params: { lessonId: id } }), [id], !!session);
  const l = lesson.data;
  // Audio or video without its file: the member reads the notes instead, so time counts on screen.
  const readOnScreen = l?.kind === 'article' || (!!l && !l.mediaUrl);
  const initial = useMemo(() => l?.progress ?? null, [l]);
  const tracker = useStudyTracker(id, initial, readOnScreen);
  const startAt = useMemo(() => (l ? resumePosition(l.id, l.progress.position) : 0), [l]);

  if (lesson.error) {
    return (
      <Screen title="课程学习" className="lesson-page">
        <StatusBlock tone="error" title="加载失败" description={lesson.error}>
          <Button type="primary" size="small" onClick={() => void lesson.reload()}>重试</Button>
        </StatusBlock>
      </Screen>
    );
  }
  if (!l) return <Screen title="课程学习" className="lesson-page"><View className="muted page-loading">加载中…</View></Screen>;

  const studied = tracker.credited + tracker.pending;
  const left = Math.max(0, Math.ceil(tracker.required - studied));

  return (
    <Screen title="课程学习" className="lesson-page">
      <View className="card">
        <FavouriteButton lessonId={l.id} />
        <View className="study-topic__title lesson-title">{l.title}</View>
        <View className="muted">专题：{l.topicTitle}</View>
        <Text className="muted lesson-tags">{lessonTags(l.kind, l.mode, [l.topicTitle, l.title])} · {lengthLabel(l.lengthSeconds)}</Text>
      </View>
      {l.kind !== 'article' ? (
        <MediaPlayer
          lessonId={l.id}
          title={l.title}
          kind={l.kind}
          src={l.mediaUrl}
          startAt={startAt}
          onPlaying={tracker.setActive}
          onPosition={tracker.setPosition}
          onEnded={() => void tracker.finish()}
        />
      ) : null}
      <View className="card lesson-body">
        <RichText nodes={l.body} />
      </View>
      <View className="card lesson-end">
        {tracker.completed ? (
          <View className="lesson-done lesson-status">已完成本课学习，已记入学习档案</View>
        ) : (
          <>
            <Button className="lesson-finish" type="primary" block disabled={left > 0} onClick={() => void tracker.finish()}>
              {left > 0 ? `完成学习（还需 ${studyClock(left)}）` : '完成学习'}
            </Button>
            {tracker.notice ? <View className="muted lesson-status">{tracker.notice}</View> : null}
          </>
        )}
        <View className="muted lesson-status">已学习 {studyClock(studied)}</View>
      </View>
      <Reflections lessonId={l.id} />
    </Screen>
  );
}
