import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { routes } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { download, saveBlob } from '../../api/files';
import { CursorPager } from '../../components/CursorPager';
import { Ellipsis } from '../../components/Ellipsis';
import { useCursorList } from '../../components/useCursorList';
import { OfflineScoresModal } from './OfflineScoresModal';
import { QuizDrawer } from './QuizDrawer';
import { StatsDrawer } from './StatsDrawer';
import { dateTime, quizStatusColors, quizStatusLabels, type AdminQuiz } from './labels';

/** Quizzes published by the admin's org and below: publish one, statistics, results, offline scores. */
export default function QuizzesPage() {
  const { message } = App.useApp();
  const list = useCursorList((cursor) => call(routes.adminListQuizzes, { query: { limit: '20', cursor } }), []);
  const [creating, setCreating] = useState(false);
  const [stats, setStats] = useState<AdminQuiz | null>(null);
  const [offline, setOffline] = useState<AdminQuiz | null>(null);

  const exportResults = async (q: AdminQuiz) => {
    try {
      saveBlob(await download(routes.exportQuizResults, { params: { quizId: q.id } }), `${q.title}-成绩.xlsx`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Card title="测试" extra={<Button type="primary" icon={<PlusOutlined />} className="quiz-new" onClick={() => setCreating(true)}>发布测试</Button>}>
      <Table<AdminQuiz>
        className="quiz-table" rowKey="id" size="middle" loading={list.loading} dataSource={list.items} pagination={false} tableLayout="fixed"
        locale={{ emptyText: list.error ?? '还没有发布测试' }}
        onRow={(q) => ({ 'data-id': q.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '测试', dataIndex: 'title', render: (t: string) => <Ellipsis text={t} className="quiz-title" /> },
          { title: '题数/满分', key: 'n', width: 100, render: (_, q) => `${q.questionCount} / ${q.maxScore}` },
          { title: '及格分', dataIndex: 'passScore', width: 80 },
          { title: '时限', dataIndex: 'timeLimitSeconds', width: 80, render: (s: number) => `${Math.round(s / 60)} 分钟` },
          { title: '开始 – 结束', key: 'p', width: 260, render: (_, q) => `${dateTime(q.opensAt)} – ${dateTime(q.closesAt)}` },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: AdminQuiz['status']) => <Tag color={quizStatusColors[s]}>{quizStatusLabels[s]}</Tag> },
          {
            title: '操作', key: 'a', width: 230,
            render: (_, q) => (
              <Space size={0} wrap={false}>
                <Button size="small" type="link" className="quiz-stats" onClick={() => setStats(q)}>统计</Button>
                <Button size="small" type="link" className="quiz-export" onClick={() => void exportResults(q)}>导出成绩</Button>
                <Button size="small" type="link" className="quiz-offline" onClick={() => setOffline(q)}>线下成绩</Button>
              </Space>
            ),
          },
        ]}
      />
      <CursorPager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} loading={list.loading} onPrev={list.prev} onNext={list.next} />
      <QuizDrawer open={creating} onClose={() => setCreating(false)} onSaved={(q) => { message.success(`已发布“${q.title}”`); setCreating(false); list.reload(); }} />
      <StatsDrawer quiz={stats} onClose={() => setStats(null)} />
      <OfflineScoresModal quiz={offline} onClose={() => setOffline(null)} />
    </Card>
  );
}
