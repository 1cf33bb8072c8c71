import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Drawer, Form, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { defaultInspectItems, defaultPledge, findingLabels, routes, type InspectForm, type InspectReport } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { OrgPicker } from '../../components/OrgPicker';
import { useProblem } from '../../components/problem';
import { getSession } from '../../api/session';
import { useLoaded } from '../../components/useLoaded';
import { AuditedReveal } from '../../components/AuditedReveal';
import { AudienceFields, audienceOf } from './Audience';
import { CoverageTable } from './CoverageTable';
import { ViewsLog, type ViewLine } from './ViewsLog';

interface Values { title: string; orgId: string; items: string; pledge: string; instructions?: string; deadline: Dayjs; audienceMode: 'org' | 'members'; audienceOrgId?: string; memberIds?: string[] }

function PublishModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => Promise<void> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useProblem(form);
  const orgId = Form.useWatch('orgId', form);
  const submit = async (v: Values) => {
    problem.clear();
    try {
      await call(routes.createInspectForm, {
        body: {
          title: v.title, orgId: v.orgId, deadline: v.deadline.format('YYYY-MM-DD'), pledge: v.pledge,
          items: v.items.split('\n').map((l) => l.trim()).filter(Boolean), ...(v.instructions?.trim() ? { instructions: v.instructions } : {}),
          audience: audienceOf(v),
        },
      });
      message.success('已发布，填报人可在手机上“我的 → 自查事项报告”中填报');
      onClose();
      await onDone();
    } catch (err) {
      problem.show(err);
    }
  };
  return (
    <Modal open={open} title="发布自查事项报告表" onCancel={onClose} onOk={() => form.submit()} okText="发布" width={680} rootClassName="inspect-publish" destroyOnHidden>
      {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}
        initialValues={{ title: '政法队伍教育整顿自查事项报告表', orgId: getSession()?.user.orgId ?? undefined, items: defaultInspectItems.join('\n'), pledge: defaultPledge, deadline: dayjs().add(14, 'day'), audienceMode: 'org' }}>
        <Form.Item name="title" label="表名" rules={[{ required: true, message: '请填写表名' }]}><Input maxLength={60} /></Form.Item>
        <Space.Compact block>
          <Form.Item name="orgId" label="发布单位（本单位及上级可查看答卷）" style={{ flex: 1, marginRight: 12 }} rules={[{ required: true, message: '请选择发布单位' }]}>
            <OrgPicker selectable={['bureau', 'institution']} />
          </Form.Item>
          <Form.Item name="deadline" label="填报截止" style={{ width: 180 }} rules={[{ required: true, message: '请选择截止日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </Space.Compact>
        <Form.Item name="items" label="自查事项（每行一项，逐项对照）" rules={[{ required: true, message: '至少一项' }]}><Input.TextArea rows={7} /></Form.Item>
        <Form.Item name="pledge" label="承诺书"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        <Form.Item name="instructions" label="填报说明（可选）"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        <AudienceFields orgId={orgId} />
      </Form>
    </Modal>
  );
}

function FormDrawer({ form, onClose }: { form: InspectForm | null; onClose: () => void }) {
  const [coverage, setCoverage] = useState<Awaited<ReturnType<typeof call<typeof routes.inspectCoverage>>> | null>(null);
  const [reports, setReports] = useState<InspectReport[] | null>(null);
  const [views, setViews] = useState<ViewLine[]>([]);
  const [error, setError] = useState<string | null>(null);
  const formId = form?.id;
  const loadViews = useCallback(async () => {
    if (formId) setViews((await call(routes.inspectViews, { params: { formId } })).items);
  }, [formId]);
  useEffect(() => {
    setReports(null);
    setCoverage(null);
    setError(null);
    if (!formId) return;
    void call(routes.inspectCoverage, { params: { formId } }).then(setCoverage).catch((e: unknown) => setError(errorMessage(e)));
    void loadViews().catch(() => undefined);
  }, [formId, loadViews]);
  const openReports = async () => {
    if (!formId) return;
    try {
      setReports((await call(routes.inspectReports, { params: { formId } })).items);
      await loadViews();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Drawer open={form !== null} onClose={onClose} size={900} title={form?.title} rootClassName="inspect-drawer">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Tabs items={[
        {
          key: 'coverage', label: `填报情况（${coverage?.filed ?? '…'}/${coverage?.asked ?? '…'}）`,
          children: <CoverageTable units={coverage?.units ?? []} doneLabel="已填报" missingLabel="未填报的人" />,
        },
        {
          key: 'reports', label: '答卷',
          children: (
            <AuditedReveal revealed={reports !== null} onOpen={() => void openReports()} buttonLabel="查看全部答卷" buttonClassName="reports-open"
              notice="答卷仅限发布单位及其上级的管理员查看。打开答卷会记入查看记录（查看人、时间、内容）。">
              <Table<InspectReport>
                className="reports-table" rowKey="userId" size="small" dataSource={reports ?? []} pagination={{ pageSize: 20 }}
                expandable={{ expandedRowRender: (r) => (
                  <Space direction="vertical">
                    {r.answers.map((a) => <div key={a.key}>{a.key}. {a.text}：<Tag color={a.finding === 'found' ? 'red' : 'green'}>{findingLabels[a.finding]}</Tag>{a.detail}</div>)}
                    {r.other && <div>其他问题：{r.other}</div>}
                    <Typography.Text type="secondary">签名：{r.signature}</Typography.Text>
                  </Space>
                ) }}
                columns={[
                  { title: '姓名', dataIndex: 'name', width: 100 },
                  { title: '单位', dataIndex: 'unitName' },
                  { title: '提交时间', dataIndex: 'filedAt', width: 160, render: (t: string, r) => <>{dayjs(t).format('YYYY-MM-DD HH:mm')}{r.late && <Tag color="orange">逾期</Tag>}</> },
                  { title: '存在问题', dataIndex: 'found', width: 100, render: (n: number) => (n > 0 ? <Tag color="red">{n} 项</Tag> : <Tag color="green">无</Tag>) },
                ]}
              />
            </AuditedReveal>
          ),
        },
        { key: 'views', label: '查看记录', children: <ViewsLog items={views} /> },
      ]} />
    </Drawer>
  );
}

/** 自查事项报告表: publish a form to a set of people, follow who has not filed, read the answers (audited). */
export default function InspectPage() {
  const { data, loading, error, reload: load } = useLoaded(() => call(routes.listInspectForms), []);
  const [publishing, setPublishing] = useState(false);
  const [open, setOpen] = useState<InspectForm | null>(null);
  return (
    <Card title="自查事项报告表" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)} className="inspect-new">发布报告表</Button>}>
      <Table<InspectForm>
        className="inspect-table" rowKey="id" loading={loading} dataSource={data?.items ?? []} pagination={{ pageSize: 20 }}
        locale={{ emptyText: error ?? '还没有发布自查事项报告表' }}
        columns={[
          { title: '表名', dataIndex: 'title' },
          { title: '发布单位', dataIndex: 'orgName', width: 200 },
          { title: '事项', key: 'items', width: 70, render: (_, f) => f.items.length },
          { title: '截止', dataIndex: 'deadline', width: 120 },
          { title: '已填报', key: 'filed', width: 120, render: (_, f) => `${f.filed} / ${f.asked}` },
          { title: '操作', key: 'open', width: 90, render: (_, f) => <Button type="link" size="small" onClick={() => setOpen(f)} className="inspect-open">查看</Button> },
        ]}
      />
      <PublishModal open={publishing} onClose={() => setPublishing(false)} onDone={load} />
      <FormDrawer form={open} onClose={() => { setOpen(null); void load(); }} />
    </Card>
  );
}
