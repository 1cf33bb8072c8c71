import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, List, Modal, Progress, Radio, Space, Table, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { routes, taskProgressLabels } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { useProblem } from '../../components/problem';
import { useLoaded } from '../../components/useLoaded';

type Tasks = Awaited<ReturnType<typeof call<typeof routes.listTasks>>>;
type Task = Tasks['set'][number];
const statusColor = { not_started: 'default', in_progress: 'gold', done: 'green' } as const;

/** 九落实 · 三个节点: tasks this bureau set (completion by child) and tasks set for it (report progress with evidence). */
export default function TasksPage() {
  const session = useSession();
  const orgId = session?.user.orgId ?? '';
  const { data: tasks, error, setError, reload: load } = useLoaded(() => (orgId ? call(routes.listTasks, { params: { orgId } }) : undefined), [orgId]);
  const [form] = Form.useForm<{ title: string; description?: string; deadline: dayjs.Dayjs }>();
  const problem = useProblem(form);
  const [reporting, setReporting] = useState<Task | null>(null);
  const [progress, setProgress] = useState<{ status: 'in_progress' | 'done'; note: string; evidence: string }>({ status: 'in_progress', note: '', evidence: '' });


  const create = async () => {
    problem.clear();
    const v = form.getFieldsValue();
    try {
      await call(routes.createTask, {
        params: { orgId },
        body: { title: v.title ?? '', description: v.description, deadline: (v.deadline ?? dayjs()).endOf('day').toISOString() },
      });
      form.resetFields();
      void message.success('任务已布置给下级');
      await load();
    } catch (err) {
      problem.show(err);
    }
  };

  const report = async () => {
    try {
      await call(routes.reportTaskProgress, {
        params: { taskId: reporting!.id },
        body: { status: progress.status, note: progress.note, evidence: progress.evidence.split('\n').map((s) => s.trim()).filter(Boolean) },
      });
      setReporting(null);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {error ? <Alert type="error" showIcon closable message={error} onClose={() => setError(null)} /> : null}
      <Card title="布置任务（下达给直属下级）">
        {problem.alert ? <Alert type="error" showIcon message={problem.alert} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="inline" onFinish={() => void create()}>
          <Form.Item name="title" rules={[{ required: true, message: '请填写任务名称' }]}><Input placeholder="如：3月底 摸底建档" style={{ width: 240 }} /></Form.Item>
          <Form.Item name="description"><Input placeholder="说明（可选）" style={{ width: 300 }} /></Form.Item>
          <Form.Item name="deadline" rules={[{ required: true, message: '请选择完成时限' }]}><DatePicker placeholder="完成时限" /></Form.Item>
          <Button type="primary" htmlType="submit" className="orglife-task-create">布置</Button>
        </Form>
      </Card>
      <Card title="本级布置的任务">
        <Table
          className="orglife-tasks" rowKey="id" size="small" dataSource={tasks?.set ?? []} pagination={false}
          expandable={{
            expandedRowRender: (t) => (
              <List size="small" dataSource={t.children} renderItem={(c) => (
                <List.Item>
                  <Space><strong>{c.orgName}</strong><Tag color={statusColor[c.status]}>{taskProgressLabels[c.status]}</Tag>{c.late ? <Tag color="red">逾期</Tag> : null}
                    <span>{c.note}</span>{c.evidence.length ? <span style={{ color: '#888' }}>佐证：{c.evidence.join('；')}</span> : null}</Space>
                </List.Item>
              )} />
            ),
          }}
          columns={[
            { title: '任务', dataIndex: 'title' },
            { title: '完成时限', dataIndex: 'deadline', width: 120, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
            { title: '完成情况', key: 'p', width: 260, render: (_, t) => <Progress percent={Math.round((t.done / Math.max(1, t.total)) * 100)} format={() => `${t.done}/${t.total}`} /> },
          ]}
        />
      </Card>
      <Card title="上级布置给本级的任务">
        <Table
          rowKey="id" size="small" dataSource={tasks?.assigned ?? []} pagination={false}
          columns={[
            { title: '任务', dataIndex: 'title' },
            { title: '布置单位', dataIndex: 'ownerOrgName' },
            { title: '完成时限', dataIndex: 'deadline', render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
            { title: '本级进展', key: 'mine', render: (_, t) => <><Tag color={statusColor[t.mine.status]}>{taskProgressLabels[t.mine.status]}</Tag>{t.mine.late ? <Tag color="red">逾期</Tag> : null}</> },
            { title: '', key: 'act', render: (_, t) => <Button size="small" onClick={() => { setReporting(t); setProgress({ status: 'in_progress', note: t.mine.note, evidence: t.mine.evidence.join('\n') }); }}>报告进展</Button> },
          ]}
        />
      </Card>
      <Modal title={`报告进展：${reporting?.title ?? ''}`} open={reporting !== null} onCancel={() => setReporting(null)} onOk={() => void report()} okText="提交">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={progress.status} onChange={(e) => setProgress({ ...progress, status: e.target.value as 'in_progress' | 'done' })}>
            <Radio value="in_progress">推进中</Radio><Radio value="done">已完成</Radio>
          </Radio.Group>
          <Input.TextArea rows={3} placeholder="进展说明" value={progress.note} onChange={(e) => setProgress({ ...progress, note: e.target.value })} />
          <Input.TextArea rows={3} placeholder="佐证材料（每行一条：文件名、链接或说明；标记完成时必填）" value={progress.evidence} onChange={(e) => setProgress({ ...progress, evidence: e.target.value })} />
        </Space>
      </Modal>
    </Space>
  );
}
