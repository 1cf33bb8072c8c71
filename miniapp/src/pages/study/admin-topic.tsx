import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { routes, type AdminLesson } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { errorMessage } from '../../api/error';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { lengthLabel, lessonTags } from './format';
import { draftOf, emptyDraft, LessonForm, type LessonDraft } from './LessonForm';
import { AdminButton } from './AdminBits';
import { useLoad } from '../../hooks/useLoad';
import './study.scss';
import './admin.scss';

/** Edit a topic's lessons (H5 admin): create, edit, order, publish and unpublish. */
export default function AdminTopicPage() {
  const session = useRequireSession();
  const id = useRouter().params.id ?? '';
  const topic = useLoad(() => call(routes.adminGetTopic, { params: { topicId: id } }), [id], !!session);
  const [editing, setEditing] = useState<AdminLesson | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await topic.reload();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  };

  const save = async (d: LessonDraft) => {
    const common = {
      title: d.title.trim(), mode: d.mode, body: d.body, published: d.published,
      ...(d.kind !== 'article' && d.mediaUrl.trim() ? { mediaUrl: d.mediaUrl.trim() } : {}),
      ...(d.kind !== 'article' && d.durationSeconds ? { durationSeconds: Number(d.durationSeconds) } : {}),
    };
    const ok = await act(() => (editing && editing !== 'new'
      ? call(routes.updateLesson, { params: { lessonId: editing.id }, body: common })
      : call(routes.createLesson, { params: { topicId: id }, body: { ...common, kind: d.kind }, idempotencyKey: newIdempotencyKey() })));
    if (ok) setEditing(null);
  };

  const t = topic.data;
  if (topic.error) return <View className="page study-admin"><StatusBlock tone="error" title="加载失败" description={topic.error} /></View>;
  if (!t) return <View className="page study-admin"><View className="muted">加载中…</View></View>;
  const ids = t.lessons.map((l) => l.id);
  const move = (i: number, d: number) => {
    const next = [...ids];
    const j = i + d;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    void act(() => call(routes.orderLessons, { params: { topicId: id }, body: { ids: next } }));
  };

  return (
    <View className="page study-admin">
      <View className="card">
        <View className="study-topic__title">{t.title}</View>
        <Text className="muted">{t.summary || '（无简介）'} · {t.published ? '已发布' : '未发布'}</Text>
      </View>
      {error ? <View className="field-error">{error}</View> : null}
      <View className="card">
        <View className="section-title">课程</View>
        {t.lessons.map((l, i) => (
          <View key={l.id} className="admin-row admin-lesson-row">
            <View className="admin-row__main">
              <Text className="study-lesson-row__title">{l.title}</Text>{' '}
              <Text className={l.published ? 'tag-live' : 'tag-draft'}>{l.published ? '已发布' : '未发布'}</Text>
              <View className="muted">{lessonTags(l.kind, l.mode)} · {lengthLabel(l.lengthSeconds)}</View>
            </View>
            <AdminButton disabled={i === 0} onClick={() => move(i, -1)}>上移</AdminButton>
            <AdminButton disabled={i === ids.length - 1} onClick={() => move(i, 1)}>下移</AdminButton>
            <AdminButton onClick={() => void act(() => call(routes.updateLesson, { params: { lessonId: l.id }, body: { published: !l.published } }))}>
              {l.published ? '下架' : '发布'}
            </AdminButton>
            <AdminButton primary onClick={() => setEditing(l)}>修改</AdminButton>
          </View>
        ))}
        {t.lessons.length === 0 ? <View className="muted">还没有课程。</View> : null}
        {editing === null ? <AdminButton className="new-lesson" primary onClick={() => setEditing('new')}>新建课程</AdminButton> : null}
      </View>
      {editing !== null ? (
        <LessonForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing !== 'new'}
          initial={editing === 'new' ? emptyDraft : draftOf(editing)}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </View>
  );
}
