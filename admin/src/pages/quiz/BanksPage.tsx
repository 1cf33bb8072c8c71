import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { routes, type Bank } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { useLastSession } from '../../auth/useSession';
import { CursorPager } from '../../components/CursorPager';
import { OrgPicker } from '../../components/OrgPicker';
import { useCursorList } from '../../components/useCursorList';
import { useProblem } from '../../components/problem';
import { dateTime } from './labels';

/** Question banks of the admin's org and below; a new bank opens its questions. */
export default function BanksPage() {
  const { message } = App.useApp();
  const session = useLastSession();
  const list = useCursorList((cursor) => call(routes.listQuestionBanks, { query: { limit: '20', cursor } }), []);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ title: string; orgId?: string }>();
  const problem = useProblem(form);
  const [busy, setBusy] = useState(false);

  const create = async (v: { title: string; orgId?: string }) => {
    setBusy(true);
    problem.clear();
    try {
      const bank = await call(routes.createQuestionBank, { body: { title: v.title, orgId: v.orgId }, idempotencyKey: newIdempotencyKey() });
      message.success(`已创建题库“${bank.title}”`);
      setCreating(false);
      form.resetFields();
      list.reload();
    } catch (err) {
      problem.show(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="题库" extra={<Button type="primary" icon={<PlusOutlined />} className="bank-new" onClick={() => { form.setFieldsValue({ title: '', orgId: session?.user.orgId ?? undefined }); setCreating(true); }}>新建题库</Button>}>
      <Table<Bank>
        className="bank-table" rowKey="id" size="middle" loading={list.loading} dataSource={list.items} pagination={false} tableLayout="fixed"
        locale={{ emptyText: list.error ?? '还没有题库' }}
        onRow={(b) => ({ 'data-id': b.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '题库', dataIndex: 'title', render: (t: string, b) => <Link to={`/quiz/banks/${b.id}`} className="bank-open">{t}</Link> },
          { title: '题目数', dataIndex: 'questionCount', width: 120 },
          { title: '创建时间', dataIndex: 'createdAt', width: 200, render: dateTime },
          { title: '操作', key: 'a', width: 140, render: (_, b) => <Link to={`/quiz/banks/${b.id}`}>管理题目</Link> },
        ]}
      />
      <CursorPager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} loading={list.loading} onPrev={list.prev} onNext={list.next} />
      <Modal open={creating} title="新建题库" okText="创建" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setCreating(false)} rootClassName="bank-modal" forceRender>
        {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
        <Form form={form} layout="vertical" onFinish={(v) => void create(v)}>
          <Form.Item name="title" label="题库名称" rules={[{ required: true, message: '请填写题库名称' }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="orgId" label="所属组织"><OrgPicker /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
