import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Drawer, Form, Input, Modal, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { defaultTalkKinds, routes, talkOutcomeLabels, talkOutcomes, type TalkRecord, type TalkRound } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { OrgPicker } from '../../components/OrgPicker';
import { useProblem } from '../../components/problem';
import { getSession } from '../../api/session';
import { useLoaded } from '../../components/useLoaded';
import { AuditedReveal } from '../../components/AuditedReveal';
import { AudienceFields, audienceOf } from '../inspect/Audience';
import { CoverageTable } from '../inspect/CoverageTable';
import { ViewsLog, type ViewLine } from '../inspect/ViewsLog';

type Coverage = Awaited<ReturnType<typeof call<typeof routes.talkCoverage>>>;
interface RoundValues { title: string; orgId: string; kinds: string; endsAt: Dayjs; keepContent: boolean; audienceMode: 'org' | 'members'; audienceOrgId?: string; memberIds?: string[] }
interface TalkValues { intervieweeId: string; talkerName: string; heldAt: Dayjs; kind: string; outcome: TalkRecord['outcome']; content?: string }

function RoundModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => Promise<void> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RoundValues>();
  const problem = useProblem(form);
  const orgId = Form.useWatch('orgId', form);
  const submit = async (v: RoundValues) => {
    problem.clear();
    try {
      await call(routes.createTalkRound, {
        body: { title: v.title, orgId: v.orgId, endsAt: v.endsAt.format('YYYY-MM-DD'), keepContent: v.keepContent, kinds: v.kinds.split('\n').map((l) => l.trim()).filter(Boolean), audience: audienceOf(v) },
      });
      message.success('已开始新一轮谈心谈话');
      onClose();
      await onDone();
    } catch (err) {
      problem.show(err);
    }
  };
  return (
    <Modal open={open} title="开始一轮谈心谈话" onCancel={onClose} onOk={() => form.submit()} okText="开始" width={680} rootClassName="talk-round-new" destroyOnHidden>
      {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}
        initialValues={{ title: '第一轮谈心谈话', orgId: getSession()?.user.orgId ?? undefined, kinds: defaultTalkKinds.join('\n'), endsAt: dayjs().add(30, 'day'), keepContent: false, audienceMode: 'org' }}>
        <Form.Item name="title" label="轮次名称" rules={[{ required: true, message: '请填写轮次名称' }]}><Input maxLength={60} /></Form.Item>
        <Space.Compact block>
          <Form.Item name="orgId" label="发起单位（本单位及上级可查看记录）" style={{ flex: 1, marginRight: 12 }} rules={[{ required: true, message: '请选择发起单位' }]}>
            <OrgPicker selectable={['bureau', 'institution']} />
          </Form.Item>
          <Form.Item name="endsAt" label="完成时限" style={{ width: 180 }} rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </Space.Compact>
        <Form.Item name="kinds" label="必谈类型（每行一种，默认“六个必谈”）"><Input.TextArea rows={6} /></Form.Item>
        <Form.Item name="keepContent" label="记录谈话要点（默认不记录谈话内容，只记谈话人、对象、时间、类型和结果）" valuePropName="checked"><Switch /></Form.Item>
        <AudienceFields orgId={orgId} />
      </Form>
    </Modal>
  );
}

function RecordTalk({ round, people, onDone }: { round: TalkRound; people: { value: string; label: string }[]; onDone: () => Promise<void> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TalkValues>();
  const problem = useProblem(form);
  const submit = async (v: TalkValues) => {
    problem.clear();
    try {
      await call(routes.recordTalk, {
        params: { roundId: round.id },
        body: { intervieweeId: v.intervieweeId, talkerName: v.talkerName, heldAt: v.heldAt.toISOString(), kind: v.kind, outcome: v.outcome, ...(v.content?.trim() ? { content: v.content } : {}) },
      });
      message.success('已登记');
      form.resetFields(['intervieweeId', 'content']);
      await onDone();
    } catch (err) {
      problem.show(err);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} className="talk-record-form"
      initialValues={{ talkerName: getSession()?.user.name ?? '', heldAt: dayjs(), kind: round.kinds[0]?.key, outcome: 'stable' }}>
      {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
      <Space.Compact block>
        <Form.Item name="intervieweeId" label="谈话对象" style={{ flex: 1, marginRight: 12 }} rules={[{ required: true, message: '请选择谈话对象' }]}>
          <Select showSearch optionFilterProp="label" options={people} placeholder="尚未谈话的人排在前面" />
        </Form.Item>
        <Form.Item name="talkerName" label="谈话人" style={{ width: 160, marginRight: 12 }} rules={[{ required: true, message: '请填写谈话人' }]}><Input maxLength={20} /></Form.Item>
        <Form.Item name="heldAt" label="谈话时间" style={{ width: 200 }}><DatePicker showTime style={{ width: '100%' }} /></Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="kind" label="必谈类型" style={{ flex: 1, marginRight: 12 }}><Select options={round.kinds.map((k) => ({ value: k.key, label: k.label }))} /></Form.Item>
        <Form.Item name="outcome" label="谈话结果" style={{ width: 220 }}><Select options={talkOutcomes.map((o) => ({ value: o, label: talkOutcomeLabels[o] }))} /></Form.Item>
      </Space.Compact>
      {round.keepContent && <Form.Item name="content" label="谈话要点（不记录原话）"><Input.TextArea rows={2} maxLength={500} /></Form.Item>}
      <Button type="primary" htmlType="submit" className="talk-record-save">登记谈话</Button>
    </Form>
  );
}

function RoundDrawer({ round, onClose }: { round: TalkRound | null; onClose: () => void }) {
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [records, setRecords] = useState<TalkRecord[] | null>(null);
  const [views, setViews] = useState<ViewLine[]>([]);
  const [error, setError] = useState<string | null>(null);
  const roundId = round?.id;
  const load = useCallback(async () => {
    if (!roundId) return;
    try {
      setCoverage(await call(routes.talkCoverage, { params: { roundId } }));
      setViews((await call(routes.talkViews, { params: { roundId } })).items);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [roundId]);
  useEffect(() => {
    setCoverage(null);
    setRecords(null);
    setError(null);
    void load();
  }, [load]);
  const openRecords = async () => {
    if (!roundId) return;
    try {
      setRecords((await call(routes.listTalks, { params: { roundId } })).items);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const people = (coverage?.units ?? []).flatMap((u) => u.missing.map((m) => ({ value: m.userId, label: `${m.name}（${u.unitName}，未谈）` })));
  return (
    <Drawer open={round !== null} onClose={onClose} size={960} title={round?.title} rootClassName="talk-drawer">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {round && (
        <Tabs items={[
          {
            key: 'coverage', label: `覆盖情况（${coverage?.covered ?? '…'}/${coverage?.people ?? '…'}）`,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space size={[4, 4]} wrap>{coverage?.byKind.map((k) => <Tag key={k.key}>{k.label}：{k.talks} 次</Tag>)}</Space>
                <CoverageTable units={coverage?.units ?? []} doneLabel="已谈话" missingLabel="尚未谈话的人" />
              </Space>
            ),
          },
          { key: 'record', label: '登记谈话', children: <RecordTalk round={round} people={people} onDone={load} /> },
          {
            key: 'records', label: '谈话记录',
            children: (
              <AuditedReveal revealed={records !== null} onOpen={() => void openRecords()} buttonLabel="查看谈话记录" buttonClassName="talks-open"
                notice="谈话记录仅限发起单位及其上级的管理员查看；每次查看都会记入查看记录。">
                <Table<TalkRecord>
                  className="talks-table" rowKey="id" size="small" dataSource={records ?? []} pagination={{ pageSize: 20 }}
                  columns={[
                    { title: '谈话时间', dataIndex: 'heldAt', width: 150, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
                    { title: '谈话对象', key: 'who', render: (_, t) => `${t.intervieweeName}（${t.unitName}）` },
                    { title: '谈话人', dataIndex: 'talkerName', width: 100 },
                    { title: '类型', dataIndex: 'kindLabel' },
                    { title: '结果', dataIndex: 'outcomeLabel', width: 150, render: (l: string, t) => <Tag color={t.outcome === 'follow_up' ? 'orange' : 'green'}>{l}</Tag> },
                  ]}
                />
              </AuditedReveal>
            ),
          },
          { key: 'views', label: '查看记录', children: <ViewsLog items={views} /> },
        ]} />
      )}
    </Drawer>
  );
}

/** 谈心谈话: rounds with the required kinds, who has not been talked with per unit, the records (audited). */
export default function TalksPage() {
  const { data, loading, error, reload: load } = useLoaded(() => call(routes.listTalkRounds), []);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<TalkRound | null>(null);
  return (
    <Card title="谈心谈话" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} className="talk-round-create">开始一轮</Button>}>
      <Table<TalkRound>
        className="talk-rounds" rowKey="id" loading={loading} dataSource={data?.items ?? []} pagination={{ pageSize: 20 }}
        locale={{ emptyText: error ?? '还没有谈话轮次' }}
        columns={[
          { title: '轮次', dataIndex: 'title' },
          { title: '发起单位', dataIndex: 'orgName', width: 200 },
          { title: '必谈类型', key: 'kinds', width: 90, render: (_, r) => r.kinds.length },
          { title: '完成时限', dataIndex: 'endsAt', width: 120 },
          { title: '覆盖', key: 'covered', width: 140, render: (_, r) => (r.covered === r.people ? <Tag color="green">全覆盖 {r.people} 人</Tag> : `${r.covered} / ${r.people}`) },
          { title: '谈话次数', dataIndex: 'talks', width: 90 },
          { title: '操作', key: 'open', width: 90, render: (_, r) => <Button type="link" size="small" onClick={() => setOpen(r)} className="talk-round-open">查看</Button> },
        ]}
      />
      <RoundModal open={creating} onClose={() => setCreating(false)} onDone={load} />
      <RoundDrawer round={open} onClose={() => { setOpen(null); void load(); }} />
    </Card>
  );
}
