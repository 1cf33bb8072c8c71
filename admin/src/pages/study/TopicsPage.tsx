import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { routes, type Topic } from '@kaimen/shared';
import { call, errorMessage, newIdempotencyKey } from '../../api/client';
import { CursorPager } from '../../components/CursorPager';
import { Ellipsis } from '../../components/Ellipsis';
import { OrgPicker } from '../../components/OrgPicker';
import { useCursorList } from '../../components/useCursorList';
import { useProblem } from '../../components/problem';
import { dateTime } from './labels';

interface Values { title: string; summary: string; orgId?: string; order?: number; published: boolean }

/** Topics (专题) of the admin's org and below, published or not: create, edit, publish, open its lessons. */
export default function TopicsPage() {
  const { message } = App.useApp();
  const list = useCursorList((cursor) => call(routes.adminListTopics, { query: { limit: '20', cursor } }), []);
  const [editing, setEditing] = useState<{ topic?: Topic } | null>(null);
  const [form] = Form.useForm<Values>();
  const problem = useProblem(form);
  const [busy, setBusy] = useState<string | null>(null);

  const open = (topic?: Topic) => {
    problem.clear();
    form.resetFields();
    form.setFieldsValue(topic ? { title: topic.title, summary: topic.summary, order: topic.order, published: topic.published } : { title: '', summary: '', published: false });
    setEditing({ topic });
  };

  const save = async (v: Values) => {
    setBusy('form');
    problem.clear();
    try {
      const t = editing?.topic
        ? await call(routes.updateTopic, { params: { topicId: editing.topic.id }, body: { title: v.title, summary: v.summary ?? '', order: v.order ?? undefined, published: v.published } })
        : await call(routes.createTopic, { body: { title: v.title, summary: v.summary ?? '', orgId: v.orgId, order: v.order ?? undefined, published: v.published }, idempotencyKey: newIdempotencyKey() });
      message.success(editing?.topic ? '已保存修改' : `已创建专题“${t.title}”`);
      setEditing(null);
      list.reload();
    } catch (err) {
      problem.show(err);
    } finally {
      setBusy(null);
    }
  };

  const publish = async (t: Topic, published: boolean) => {
    setBusy(t.id);
    try {
      await call(routes.updateTopic, { params: { topicId: t.id }, body: { published } });
      message.success(published ? '已发布' : '已下架');
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="专题与课程" extra={<Button type="primary" icon={<PlusOutlined />} className="topic-new" onClick={() => open()}>新建专题</Button>}>
      <Table<Topic>
        className="topic-table" rowKey="id" size="middle" loading={list.loading} dataSource={list.items} pagination={false} tableLayout="fixed"
        locale={{ emptyText: list.error ?? '还没有专题' }}
        columns={[
          { title: '排序', dataIndex: 'order', width: 70 },
          { title: '专题', dataIndex: 'title', render: (t: string, topic) => <Link to={`/study/topics/${topic.id}`}>{t}</Link> },
          { title: '简介', dataIndex: 'summary', render: (s: string) => <Ellipsis text={s || '—'} /> },
          { title: '课程数', dataIndex: 'lessonCount', width: 80 },
          { title: '状态', dataIndex: 'published', width: 90, render: (p: boolean) => <Tag color={p ? 'green' : 'default'}>{p ? '已发布' : '未发布'}</Tag> },
          { title: '更新时间', dataIndex: 'updatedAt', width: 160, render: dateTime },
          {
            title: '操作', key: 'a', width: 200,
            render: (_, t) => (
              <Space size={0} wrap={false}>
                <Link to={`/study/topics/${t.id}`} style={{ padding: '0 7px' }}>课程</Link>
                <Button size="small" type="link" onClick={() => open(t)}>修改</Button>
                <Button size="small" type="link" loading={busy === t.id} onClick={() => void publish(t, !t.published)}>{t.published ? '下架' : '发布'}</Button>
              </Space>
            ),
          },
        ]}
      />
      <CursorPager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} loading={list.loading} onPrev={list.prev} onNext={list.next} />
      <Modal open={editing !== null} title={editing?.topic ? '修改专题' : '新建专题'} okText="保存" cancelText="取消" confirmLoading={busy === 'form'} onOk={() => form.submit()} onCancel={() => setEditing(null)} forceRender width={600}>
        {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="title" label="专题名称" rules={[{ required: true, message: '请填写专题名称' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="summary" label="简介"><Input.TextArea rows={3} maxLength={500} showCount /></Form.Item>
          {!editing?.topic && <Form.Item name="orgId" label="所属组织（其下党员可学习；不选为本组织）"><OrgPicker /></Form.Item>}
          <Space size={24}>
            <Form.Item name="order" label="排序号（小的在前）"><InputNumber min={0} max={9999} /></Form.Item>
            <Form.Item name="published" label="发布" valuePropName="checked"><Switch /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
