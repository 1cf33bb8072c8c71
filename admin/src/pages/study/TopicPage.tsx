import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { lessonKindLabels, routes, studyModeLabels, type AdminLesson, type Infer, type LessonKind, type StudyMode } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { Ellipsis } from '../../components/Ellipsis';
import { LessonDrawer } from './LessonDrawer';
import { dateTime } from './labels';

type TopicDetail = Infer<typeof routes.adminGetTopic.response>;

/** One topic's lessons (published or not): add, edit, publish. */
export default function TopicPage() {
  const { topicId = '' } = useParams();
  const { message } = App.useApp();
  const [topic, setTopic] = useState<TopicDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ lesson?: AdminLesson } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    call(routes.adminGetTopic, { params: { topicId } }).then(
      (t) => { setTopic(t); setError(null); setLoading(false); },
      (err: unknown) => { setError(errorMessage(err)); setLoading(false); },
    );
  }, [topicId]);
  useEffect(load, [load]);

  const publish = async (l: AdminLesson, published: boolean) => {
    setBusy(l.id);
    try {
      await call(routes.updateLesson, { params: { lessonId: l.id }, body: { published } });
      message.success(published ? '已发布' : '已下架');
      load();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={<Space><Link to="/study"><ArrowLeftOutlined /></Link>{topic ? `专题：${topic.title}` : '专题'}</Space>}
      extra={<Button type="primary" icon={<PlusOutlined />} className="lesson-new" disabled={!topic} onClick={() => setEditing({})}>新建课程</Button>}
    >
      <Table<AdminLesson>
        className="lesson-table" rowKey="id" size="middle" loading={loading} dataSource={topic?.lessons ?? []} pagination={false} tableLayout="fixed"
        locale={{ emptyText: error ?? '这个专题还没有课程' }}
        columns={[
          { title: '排序', dataIndex: 'order', width: 70 },
          { title: '课程', dataIndex: 'title', render: (t: string) => <Ellipsis text={t} /> },
          { title: '类型', dataIndex: 'kind', width: 80, render: (k: LessonKind) => lessonKindLabels[k] },
          { title: '学习方式', dataIndex: 'mode', width: 150, render: (m: StudyMode) => studyModeLabels[m] },
          { title: '状态', dataIndex: 'published', width: 90, render: (p: boolean) => <Tag color={p ? 'green' : 'default'}>{p ? '已发布' : '未发布'}</Tag> },
          { title: '更新时间', dataIndex: 'updatedAt', width: 160, render: dateTime },
          {
            title: '操作', key: 'a', width: 140,
            render: (_, l) => (
              <Space size={0} wrap={false}>
                <Button size="small" type="link" onClick={() => setEditing({ lesson: l })}>修改</Button>
                <Button size="small" type="link" loading={busy === l.id} onClick={() => void publish(l, !l.published)}>{l.published ? '下架' : '发布'}</Button>
              </Space>
            ),
          },
        ]}
      />
      <LessonDrawer
        open={editing !== null} topicId={topicId} lesson={editing?.lesson}
        onClose={() => setEditing(null)}
        onSaved={() => { message.success(editing?.lesson ? '已保存修改' : '已创建课程'); setEditing(null); load(); }}
      />
    </Card>
  );
}
