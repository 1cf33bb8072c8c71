import { studyRoutes } from '@kaimen/shared/study/routes';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';

import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { formatDate } from '../../lib/format';
import { AdminButton } from './AdminBits';
import { useLoad } from '../../hooks/useLoad';

/** 分享促学: reflections waiting for the secretary's approval. */
export function ReflectionReview() {
  const pending = useLoad(() => call(studyRoutes.pendingReflections), []);
  const [error, setError] = useState<string | null>(null);
  const review = async (id: string, approve: boolean) => {
    setError(null);
    try {
      await call(studyRoutes.reviewReflection, { params: { reflectionId: id }, body: { approve } });
      await pending.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <View className="card reflection-review">
      <View className="section-title">待审核的学习心得</View>
      {error ? <View className="field-error">{error}</View> : null}
      {pending.data?.items.map((r) => (
        <View key={r.id} className="admin-row">
          <View className="admin-row__main">
            <View className="muted">{r.authorName} · {r.lessonTitle} · {formatDate(r.createdAt)}</View>
            <Text>{r.text}</Text>
          </View>
          <AdminButton primary onClick={() => void review(r.id, true)}>通过</AdminButton>
          <AdminButton onClick={() => void review(r.id, false)}>不通过</AdminButton>
        </View>
      ))}
      {pending.data && pending.data.items.length === 0 ? <View className="muted">没有待审核的心得。</View> : null}
    </View>
  );
}
