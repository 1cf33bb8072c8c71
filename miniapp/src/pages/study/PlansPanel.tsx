import { studyRoutes } from '@kaimen/shared/study/routes';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';

import { call, newIdempotencyKey } from '../../api/client';
import { errorMessage } from '../../api/error';
import { getUser } from '../../api/session';
import { formatDate } from '../../lib/format';
import { AdminButton, Field } from './AdminBits';
import { useLoad } from '../../hooks/useLoad';

/** Study plans (学习计划): make one for the branch, and see who in it is behind. */
export function PlansPanel() {
  const plans = useLoad(() => call(studyRoutes.listStudyPlans), []);
  const topics = useLoad(() => call(studyRoutes.listTopics, { query: { limit: '100' } }), []);
  const [selected, setSelected] = useState<string | null>(null);
  const progress = useLoad(() => call(studyRoutes.studyPlanProgress, { params: { planId: selected! } }), [selected], selected !== null);
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [topicIds, setTopicIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setError(null);
    const orgId = getUser()?.orgId;
    if (!orgId || !deadline) return setError('请填写截止日期');
    try {
      await call(studyRoutes.createStudyPlan, {
        body: { title: title.trim(), topicIds, orgIds: [orgId], deadline: new Date(`${deadline}T23:59:59+08:00`).toISOString() },
        idempotencyKey: newIdempotencyKey(),
      });
      setTitle('');
      setTopicIds([]);
      await plans.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
    return undefined;
  };

  return (
    <View className="card plans-panel">
      <View className="section-title">学习计划</View>
      {plans.data?.items.map((p) => (
        <View key={p.id} className="admin-row">
          <View className="admin-row__main">
            <Text className="study-plan__title">{p.title}</Text>
            <View className="muted">截止 {formatDate(p.deadline)} · {p.topicIds.length} 个专题</View>
          </View>
          <AdminButton onClick={() => setSelected(p.id)}>完成情况</AdminButton>
        </View>
      ))}
      {progress.data && selected ? (
        <View className="plan-progress">
          <View className="section-title">{progress.data.orgName}：{progress.data.behindCount} 人落后</View>
          {progress.data.members.map((m) => (
            <View key={m.userId} className="admin-row">
              <Text className="admin-row__main">{m.name}</Text>
              <Text>{m.lessonsCompleted}/{m.lessonsRequired} 课 · {m.minutes} 分钟</Text>
              {m.behind ? <Text className="behind">落后</Text> : <Text className="tag-live">正常</Text>}
            </View>
          ))}
        </View>
      ) : null}
      {progress.error ? <View className="field-error">{progress.error}</View> : null}
      <View className="admin-form">
        <View className="muted">为本支部制定学习计划</View>
        <Field label="计划名称"><input className="admin-input plan-title" value={title} onChange={(e) => setTitle(e.target.value)} /></Field>
        <Field label="截止日期"><input className="admin-input plan-deadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} /></Field>
        <Field label="专题" group>
          {topics.data?.items.map((t) => (
            <label key={t.id} className="admin-check">
              <input
                className="admin-check__box"
                type="checkbox"
                checked={topicIds.includes(t.id)}
                onChange={(e) => setTopicIds((xs) => (e.target.checked ? [...xs, t.id] : xs.filter((x) => x !== t.id)))}
              />{' '}
              {t.title}
            </label>
          ))}
        </Field>
        {error ? <View className="field-error">{error}</View> : null}
        <AdminButton primary className="plan-create" onClick={() => void create()}>制定计划</AdminButton>
      </View>
    </View>
  );
}
