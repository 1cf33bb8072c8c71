import { quizRoutes } from '@kaimen/shared/quiz/routes';
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';

import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { useLoad } from '../../hooks/useLoad';
import { AdminButton, Field } from '../study/AdminBits';
import { useBranchRoster } from './useBranchRoster';

/** 线下成绩: the subjective exam's scores of the branch's members, entered after marking the papers. */
export function OfflineScoresPanel({ branchId }: { branchId: string }) {
  const quizzes = useLoad(() => call(quizRoutes.adminListQuizzes, { query: { limit: '50' } }), []);
  const roster = useBranchRoster(branchId);
  const [quizId, setQuizId] = useState<string>('');
  const [scores, setScores] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const members = roster.all.filter((m) => m.status === 'full' || m.status === 'probationary');

  const save = async () => {
    setMessage(null);
    setBusy(true);
    try {
      const entries = Object.entries(scores).filter(([, v]) => v.trim() !== '').map(([memberId, v]) => ({ memberId, score: Number(v) }));
      const res = await call(quizRoutes.recordOfflineScores, { params: { quizId }, body: { scores: entries } });
      setMessage(res.errors.length ? res.errors.map((e) => e.message).join('；') : `已录入 ${res.recorded} 人的成绩`);
    } catch (err) {
      setMessage(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card offline-scores">
      <View className="section-title">线下考试成绩</View>
      <Field label="测试">
        <select className="admin-select" value={quizId} onChange={(e) => setQuizId(e.target.value)}>
          <option value="">请选择</option>
          {quizzes.data?.items.map((q) => <option key={q.id} value={q.id}>{q.title}</option>)}
        </select>
      </Field>
      {quizId ? members.map((m) => (
        <View key={m.id} className="admin-row">
          <Text className="admin-row__main">{m.name}</Text>
          <Input className="admin-input score-input" type="digit" placeholder="成绩" value={scores[m.id] ?? ''} onInput={(e) => setScores({ ...scores, [m.id]: e.detail.value })} />
        </View>
      )) : null}
      {message ? <View className="muted">{message}</View> : null}
      <AdminButton primary busy={busy} disabled={!quizId} onClick={() => void save()}>保存成绩</AdminButton>
    </View>
  );
}
