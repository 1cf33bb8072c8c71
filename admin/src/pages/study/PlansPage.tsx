import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { routes, type Infer, type PlanMemberRow, type StudyPlan } from '@kaimen/shared';
import { call, errorMessage, newIdempotencyKey } from '../../api/client';
import { Ellipsis } from '../../components/Ellipsis';
import { OrgPicker, useOrgTree } from '../../components/OrgPicker';
import { useProblem } from '../../components/problem';
import { dateOnly } from './labels';
import { useItems } from './useItems';

interface Values { title: string; requirements: string; topicIds: string[]; orgIds: string[]; deadline: Dayjs }
type Progress = Infer<typeof routes.studyPlanProgress.response>;

/** Study plans that apply to the admin's org: create one, and see who in a branch is behind. */
export default function PlansPage() {
  const { message } = App.useApp();
  const plans = useItems(() => call(routes.listStudyPlans));
  const orgs = useOrgTree();
  const orgName = (id: string) => orgs.items.find((o) => o.id === id)?.name ?? id;
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Values>();
  const problem = useProblem(form);
  const [busy, setBusy] = useState(false);
  const [topics, setTopics] = useState<{ value: string; label: string }[]>([]);
  const [viewing, setViewing] = useState<StudyPlan | null>(null);

  useEffect(() => {
    call(routes.adminListTopics, { query: { limit: '100' } }).then((p) => setTopics(p.items.map((t) => ({ value: t.id, label: t.title }))), () => setTopics([]));
  }, []);
  const topicName = (id: string) => topics.find((t) => t.value === id)?.label ?? id;

  const save = async (v: Values) => {
    setBusy(true);
    problem.clear();
    try {
      const p = await call(routes.createStudyPlan, {
        body: { title: v.title, requirements: v.requirements ?? '', topicIds: v.topicIds ?? [], orgIds: v.orgIds ?? [], deadline: v.deadline.endOf('day').toISOString() },
        idempotencyKey: newIdempotencyKey(),
      });
      message.success(`已制定“${p.title}”`);
      setCreating(false);
      plans.reload();
    } catch (err) {
      problem.show(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="学习计划" extra={<Button type="primary" icon={<PlusOutlined />} className="plan-new" onClick={() => { form.resetFields(); problem.clear(); setCreating(true); }}>制定计划</Button>}>
      <Table<StudyPlan>
        className="plan-table" rowKey="id" size="middle" loading={plans.loading} dataSource={plans.items} pagination={false} tableLayout="fixed"
        locale={{ emptyText: plans.error ?? '还没有学习计划' }}
        columns={[
          { title: '计划', dataIndex: 'title', render: (t: string) => <Ellipsis text={t} /> },
          { title: '专题', dataIndex: 'topicIds', render: (ids: string[]) => <Ellipsis text={ids.map(topicName).join('、')} /> },
          { title: '适用组织', dataIndex: 'orgIds', width: 220, render: (ids: string[]) => <Ellipsis text={ids.map(orgName).join('、')} /> },
          { title: '截止日期', dataIndex: 'deadline', width: 120, render: dateOnly },
          { title: '操作', key: 'a', width: 120, render: (_, p) => <Button type="link" size="small" className="plan-progress" onClick={() => setViewing(p)}>完成情况</Button> },
        ]}
      />
      <Drawer open={creating} onClose={() => setCreating(false)} size={600} title="制定学习计划"
        footer={<Space style={{ float: 'right' }}><Button onClick={() => setCreating(false)}>取消</Button><Button type="primary" loading={busy} onClick={() => form.submit()}>保存</Button></Space>}>
        {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="title" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="requirements" label="学习要求"><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
          <Form.Item name="topicIds" label="专题" rules={[{ required: true, message: '至少选择一个专题' }]}><Select mode="multiple" options={topics} optionFilterProp="label" /></Form.Item>
          <Form.Item name="orgIds" label="适用组织" rules={[{ required: true, message: '至少选择一个组织' }]}><OrgPicker multiple /></Form.Item>
          <Form.Item name="deadline" label="截止日期（含当天）" rules={[{ required: true, message: '请选择截止日期' }]}><DatePicker /></Form.Item>
        </Form>
      </Drawer>
      <ProgressDrawer plan={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}

/** One branch's members on a plan; those behind pace first. */
function ProgressDrawer({ plan, onClose }: { plan: StudyPlan | null; onClose: () => void }) {
  const [orgId, setOrgId] = useState<string | undefined>();
  const [data, setData] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setData(null);
    setError(null);
    if (!plan) return;
    setLoading(true);
    call(routes.studyPlanProgress, { params: { planId: plan.id }, query: orgId ? { orgId } : {} }).then(
      (d) => { setData(d); setLoading(false); },
      (err: unknown) => { setError(errorMessage(err)); setLoading(false); },
    );
  }, [plan, orgId]);

  const rows = [...(data?.members ?? [])].sort((a, b) => Number(b.behind) - Number(a.behind));
  return (
    <Drawer open={plan !== null} onClose={onClose} size={760} title={plan ? `完成情况：${plan.title}` : ''} rootClassName="plan-progress-drawer">
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text>支部：</Typography.Text>
        <OrgPicker value={orgId} onChange={setOrgId} selectable={['party_org']} style={{ width: 320 }} placeholder="本支部（可选择其他支部）" />
        {data && <Typography.Text>{data.orgName}：{data.members.length} 人，<Typography.Text type="danger">落后 {data.behindCount} 人</Typography.Text></Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<PlanMemberRow> rowKey="userId" size="small" loading={loading} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '党员', dataIndex: 'name' },
          { title: '完成课程', key: 'done', width: 120, render: (_, r) => `${r.lessonsCompleted} / ${r.lessonsRequired}` },
          { title: '学习分钟', dataIndex: 'minutes', width: 100 },
          { title: '进度', dataIndex: 'behind', width: 100, render: (b: boolean) => <Tag color={b ? 'red' : 'green'}>{b ? '落后' : '正常'}</Tag> },
        ]} />
    </Drawer>
  );
}
