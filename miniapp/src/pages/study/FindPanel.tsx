import { studyRoutes } from '@kaimen/shared/study/routes';
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { type SearchHit } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { useLoad } from '../../hooks/useLoad';
import { openStudyPage } from './links';

/** The study tab's "find and keep": continue where you stopped, search (server-side word segmentation) and favourites. */
export function FindPanel() {
  const resume = useLoad(() => call(studyRoutes.studyResume), []);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showFavourites, setShowFavourites] = useState(false);
  const favourites = useLoad(() => call(studyRoutes.listFavourites), [showFavourites], showFavourites);

  const search = async () => {
    setError(null);
    try {
      setHits((await call(studyRoutes.searchStudy, { query: { q } })).items);
    } catch (err) {
      setHits(null);
      setError(errorMessage(err));
    }
  };
  const open = (h: SearchHit) => openStudyPage(h.kind === 'topic' ? 'topic' : 'lesson', { id: h.id });

  return (
    <View className="study-find">
      {resume.data?.lesson ? (
        <View className="card study-resume" onClick={() => openStudyPage('lesson', { id: resume.data!.lesson!.id })}>
          <Text className="study-daily__label">继续学习</Text>
          <View className="study-daily__title">{resume.data.lesson.title}</View>
          <Text className="muted">{resume.data.lesson.topicTitle} · 上次学到这里 ›</Text>
        </View>
      ) : null}
      <View className="study-search">
        <Input className="study-search__input" placeholder="搜索课程、专题" aria-label="搜索课程、专题" value={q} confirmType="search" onInput={(e) => setQ(e.detail.value)} onConfirm={() => void search()} />
        <View className="study-search__go" role="button" onClick={() => void search()}>搜索</View>
        <View className="study-search__go study-favourites-toggle" role="button" aria-expanded={showFavourites} onClick={() => setShowFavourites(!showFavourites)}>{showFavourites ? '收起' : '收藏'}</View>
      </View>
      {error ? <Text className="field-error">{error}</Text> : null}
      {hits ? (
        <View className="card study-search__hits">
          {hits.length === 0 ? <Text className="muted">没有找到相关内容，换个词试试</Text> : null}
          {hits.map((h) => (
            <View key={`${h.kind}-${h.id}`} className="study-search__hit" role="button" onClick={() => open(h)}>
              <View className="study-topic__title">{h.kind === 'topic' ? '专题 · ' : ''}{h.title}</View>
              <Text className="muted">{h.topicTitle ? `${h.topicTitle} · ` : ''}{h.snippet}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {showFavourites ? (
        <View className="card study-favourites">
          {favourites.data?.items.length === 0 ? <Text className="muted">还没有收藏的课程</Text> : null}
          {favourites.data?.items.map((f) => (
            <View key={f.lessonId} className="study-search__hit" role="button" onClick={() => openStudyPage('lesson', { id: f.lessonId })}>
              <View className="study-topic__title">{f.title}</View>
              <Text className="muted">{f.topicTitle}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** ☆ on a lesson: add to or remove from the member's favourites. */
export function FavouriteButton({ lessonId }: { lessonId: string }) {
  const list = useLoad(() => call(studyRoutes.listFavourites), []);
  const [saved, setSaved] = useState<boolean | null>(null);
  const on = saved ?? !!list.data?.items.some((f) => f.lessonId === lessonId);
  const toggle = async () => {
    try {
      if (on) await call(studyRoutes.removeFavourite, { params: { lessonId } });
      else await call(studyRoutes.addFavourite, { params: { lessonId } });
      setSaved(!on);
    } catch {
      // The star simply stays as it was.
    }
  };
  return <View className={`lesson-favourite ${on ? 'is-on' : ''}`} role="button" aria-pressed={on} onClick={() => void toggle()}>{on ? '★ 已收藏' : '☆ 收藏'}</View>;
}
