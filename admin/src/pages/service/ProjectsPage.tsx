import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Progress, Space, Table, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { projectStatusLabels, routes } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { OrgPicker } from '../../components/OrgPicker';
import { useProblem } from '../../components/problem';
import { useLoaded } from '../../components/useLoaded';

type Project = Awaited<ReturnType<typeof call<typeof routes.listProjects>>>['items'][number];
const statusColor = { planned: 'default', in_progress: 'gold', done: 'green' } as const;

/** 我为群众办实事: the projects a bureau or branch commits to, with owner, target, deadline and progress notes. */
export default function ProjectsPage() {
  const session = useSession();
  const [orgId, setOrgId] = useState<string | undefined>(session?.user.orgId ?? undefined);
  const { data, error, reload: load } = useLoaded(() => (orgId ? call(routes.listProjects, { params: { orgId } }) : undefined), [orgId]);
  const items = data?.items ?? [];
  const [form] = Form.useForm<{ title: string; owner: string; target: string; deadline?: dayjs.Dayjs }>();
  const problem = useProblem(form);
  const [noting, setNoting] = useState<{ project: Project; note: string; percent: number } | null>(null);


  const create = async () => {
    problem.clear();
    const v = form.getFieldsValue();
    try {
      await call(routes.createProject, { params: { orgId: orgId! }, body: { title: v.title ?? '', owner: v.owner ?? '', target: v.target ?? '', deadline: v.deadline?.format('YYYY-MM-DD') ?? '' } });
      form.resetFields();
      void message.success('办实事项目已登记');
      await load();
    } catch (err) {
      problem.show(err);
    }
  };

  const addNote = async () => {
    if (!noting) return;
    try {
      await call(routes.addProjectProgress, { params: { projectId: noting.project.id }, body: { note: noting.note, percent: noting.percent } });
      setNoting(null);
      await load();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="service-projects">
      <OrgPicker value={orgId} onChange={setOrgId} style={{ width: 320 }} allowClear={false} />
      {error ? <Alert type="error" showIcon message={error} /> : null}
      <Card size="small" title="承诺一件实事（如“便民十条”中的一条）">
        <Form form={form} layout="inline" onFinish={() => void create()}>
          <Form.Item name="title" label="项目"><Input placeholder="如：公证“最多跑一次”" style={{ width: 220 }} /></Form.Item>
          <Form.Item name="owner" label="责任人"><Input placeholder="科室或姓名" style={{ width: 140 }} /></Form.Item>
          <Form.Item name="target" label="目标"><Input placeholder="办到什么程度" style={{ width: 260 }} /></Form.Item>
          <Form.Item name="deadline" label="时限"><DatePicker /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit">登记</Button></Form.Item>
        </Form>
        {problem.alert ? <Alert style={{ marginTop: 8 }} type="error" showIcon message={problem.alert} /> : null}
      </Card>
      <Table<Project>
        rowKey="id" dataSource={items} pagination={{ pageSize: 20 }} locale={{ emptyText: '还没有办实事项目' }}
        expandable={{ expandedRowRender: (p) => (p.progress.length ? p.progress.map((n) => <div key={n.at}>{n.at.slice(0, 10)} · {n.by}：{n.note}（{n.percent}%）</div>) : '暂无进展记录') }}
        columns={[
          { title: '项目', dataIndex: 'title' },
          { title: '承诺单位', dataIndex: 'orgName', width: 180 },
          { title: '责任人', dataIndex: 'owner', width: 120 },
          { title: '目标', dataIndex: 'target', ellipsis: true },
          { title: '时限', key: 'deadline', width: 130, render: (_, p) => <>{p.deadline}{p.overdue ? <Tag color="red" style={{ marginLeft: 4 }}>逾期</Tag> : null}</> },
          { title: '进度', key: 'percent', width: 170, render: (_, p) => <><Tag color={statusColor[p.status]}>{projectStatusLabels[p.status]}</Tag><Progress percent={p.percent} size="small" /></> },
          { title: '操作', key: 'op', width: 100, render: (_, p) => <Button size="small" onClick={() => setNoting({ project: p, note: '', percent: p.percent })}>登记进展</Button> },
        ]}
      />
      <Modal open={noting !== null} title={`登记进展：${noting?.project.title ?? ''}`} okText="保存" cancelText="取消" onCancel={() => setNoting(null)} onOk={() => void addNote()}>
        <Input.TextArea rows={3} maxLength={500} placeholder="做了什么、办成了什么" value={noting?.note} onChange={(e) => noting && setNoting({ ...noting, note: e.target.value })} />
        <div style={{ marginTop: 8 }}>完成进度：<InputNumber min={0} max={100} value={noting?.percent} onChange={(v) => noting && setNoting({ ...noting, percent: Number(v ?? 0) })} /> %（100% 即办结）</div>
      </Modal>
    </Space>
  );
}
