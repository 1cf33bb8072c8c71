import { studyRoutes } from '@kaimen/shared/study/routes';
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';

import { call, newIdempotencyKey } from '../../api/client';
import { errorMessage } from '../../api/error';
import { formatDate } from '../../lib/format';
import { Button } from '../../ui';
import { useLoad } from '../../hooks/useLoad';

const statusLabels = { pending: '待支部书记审核', approved: '', rejected: '未通过审核' } as const;

/** 分享促学: the branch's approved reflections on a lesson, my own, and a form to write one. */
export function Reflections({ lessonId }: { lessonId: string }) {
  const list = useLoad(() => call(studyRoutes.listLessonReflections, { params: { lessonId } }), [lessonId]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(studyRoutes.submitReflection, { params: { lessonId }, body: { text: text.trim() }, idempotencyKey: key });
      setText('');
      setKey(newIdempotencyKey());
      await list.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card reflections">
      <View className="section-title">学习心得</View>
      {list.data?.items.map((r) => (
        <View key={r.id} className="reflection">
          <View className="muted reflection__meta">
            {r.authorName} · {formatDate(r.createdAt)} {statusLabels[r.status] ? <Text className="reflection__status">{statusLabels[r.status]}</Text> : null}
          </View>
          <Text>{r.text}</Text>
        </View>
      ))}
      {list.data && list.data.items.length === 0 ? <View className="muted">还没有心得，写下您的体会吧。</View> : null}
      <Textarea
        className="reflection-input"
        aria-label="学习心得"
        value={text}
        maxlength={1000}
        placeholder="写下这一课让您触动的地方（10–1000 字），支部书记审核后支部内可见"
        onInput={(e) => setText(e.detail.value)}
      />
      {error ? <View className="field-error">{error}</View> : null}
      <Button className="reflection-submit" size="small" type="primary" loading={busy} disabled={busy || text.trim().length === 0} onClick={() => void submit()}>
        提交心得
      </Button>
    </View>
  );
}
