import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { routes, type Topic } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { errorMessage } from '../../api/error';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { AdminButton } from './AdminBits';
import { openStudyPage } from './links';
import { useLoad } from '../../hooks/useLoad';
import './study.scss';
import './admin.scss';

/** 学习管理 (H5, PC browser): topics for admins; entries to the branch pages and the report. */
export default function StudyAdminPage() {
  const session = useRequireSession();
  const isAdmin = !!session?.user.roles.includes('admin');
  const topics = useLoad(() => call(routes.adminListTopics, { query: { limit: '100' } }), [], isAdmin);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await topics.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const sorted = [...(topics.data?.items ?? [])].sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
  const move = (i: number, d: number) => {
    const ids = sorted.map((t) => t.id);
    const j = i + d;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    void act(() => call(routes.orderTopics, { body: { ids } }));
  };
  const toggle = (t: Topic) => act(() => call(routes.updateTopic, { params: { topicId: t.id }, body: { published: !t.published } }));

  if (!session) return <View className="page" />;
  return (
    <View className="page study-admin">
      <View className="admin-links">
        <AdminButton className="admin-branch-link" onClick={() => openStudyPage('adminBranch')}>支部学习：计划、心得审核、集中学习</AdminButton>
        <AdminButton className="admin-report-link" onClick={() => openStudyPage('adminReport')}>学习统计与导出</AdminButton>
      </View>
      {!isAdmin ? (
        <StatusBlock title="专题和课程由管理员发布" description="支部书记可在“支部学习”中制定计划、审核心得、组织集中学习。" />
      ) : (
        <View className="card">
          <View className="section-title">学习专题</View>
          {error ? <View className="field-error">{error}</View> : null}
          {sorted.map((t, i) => (
            <View key={t.id} className="admin-row admin-topic-row">
              <View className="admin-row__main">
                <Text className="study-topic__title">{t.title}</Text>{' '}
                <Text className={t.published ? 'tag-live' : 'tag-draft'}>{t.published ? '已发布' : '未发布'}</Text>
                <View className="muted">{t.lessonCount} 课已发布</View>
              </View>
              <AdminButton onClick={() => move(i, -1)} disabled={i === 0}>上移</AdminButton>
              <AdminButton onClick={() => move(i, 1)} disabled={i === sorted.length - 1}>下移</AdminButton>
              <AdminButton onClick={() => void toggle(t)}>{t.published ? '下架' : '发布'}</AdminButton>
              <AdminButton primary onClick={() => openStudyPage('adminTopic', { id: t.id })}>编辑课程</AdminButton>
            </View>
          ))}
          <View className="admin-row">
            <input className="admin-input admin-row__main new-topic-title" placeholder="新专题名称" value={title} onChange={(e) => setTitle(e.target.value)} />
            <AdminButton
              primary
              className="new-topic-submit"
              onClick={() => void act(async () => {
                await call(routes.createTopic, { body: { title: title.trim() }, idempotencyKey: newIdempotencyKey() });
                setTitle('');
              })}
            >
              新建专题
            </AdminButton>
          </View>
        </View>
      )}
    </View>
  );
}
