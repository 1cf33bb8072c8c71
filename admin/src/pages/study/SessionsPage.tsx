import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Drawer, Form, Image, Input, InputNumber, Modal, Row, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { routes, studyModeLabels, studyModes, type Infer, type StudyMode, type StudySession } from '@kaimen/shared';
import { call, errorMessage, newIdempotencyKey } from '../../api/client';
import { Ellipsis } from '../../components/Ellipsis';
import { OrgPicker } from '../../components/OrgPicker';
import { useProblem } from '../../components/problem';
import { dateTime } from './labels';
import { useItems } from './useItems';

interface Values { title: string; mode: StudyMode; orgId?: string; startsAt: Dayjs; minutes: number; place: string }
type SessionDetail = Infer<typeof routes.getStudySession.response>;

/** Offline sessions (集中学习, 支部书记领学…): record one, show its check-in QR code on the spot, see who came. */
export default function SessionsPage() {
  const { message } = App.useApp();
  const sessions = useItems(() => call(routes.listStudySessions));
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Values>();
  const problem = useProblem(form);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<string | null>(null);

  const save = async (v: Values) => {
    setBusy(true);
    problem.clear();
    try {
      const s = await call(routes.createStudySession, {
        body: { title: v.title, mode: v.mode, orgId: v.orgId, startsAt: v.startsAt.toISOString(), minutes: v.minutes, place: v.place ?? '' },
        idempotencyKey: newIdempotencyKey(),
      });
      message.success(`已登记“${s.title}”`);
      setCreating(false);
      sessions.reload();
      setShown(s.id);
    } catch (err) {
      problem.show(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="集中学习签到" extra={<Button type="primary" icon={<PlusOutlined />} className="session-new" onClick={() => {
      form.resetFields();
      form.setFieldsValue({ mode: 'self_study', minutes: 90, startsAt: dayjs().add(1, 'hour').startOf('hour') });
      problem.clear();
      setCreating(true);
    }}>登记集中学习</Button>}>
      <Table<StudySession>
        className="session-table" rowKey="id" size="middle" loading={sessions.loading} dataSource={sessions.items} pagination={{ pageSize: 20, hideOnSinglePage: true }} tableLayout="fixed"
        locale={{ emptyText: sessions.error ?? '还没有集中学习' }}
        columns={[
          { title: '主题', dataIndex: 'title', render: (t: string) => <Ellipsis text={t} /> },
          { title: '学习方式', dataIndex: 'mode', width: 150, render: (m: StudyMode) => studyModeLabels[m] },
          { title: '组织', dataIndex: 'orgName', width: 200, render: (n: string) => <Ellipsis text={n} /> },
          { title: '开始时间', dataIndex: 'startsAt', width: 150, render: dateTime },
          { title: '时长', dataIndex: 'minutes', width: 80, render: (m: number) => `${m} 分钟` },
          { title: '签到', dataIndex: 'attendance', width: 70 },
          { title: '操作', key: 'a', width: 120, render: (_, s) => <Button type="link" size="small" className="session-qr" onClick={() => setShown(s.id)}>签到码</Button> },
        ]}
      />
      <Modal open={creating} title="登记集中学习" okText="保存并生成签到码" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setCreating(false)} forceRender width={600}>
        {problem.alert && <Alert type="error" showIcon title={problem.alert} style={{ marginBottom: 16 }} className="form-problem" />}
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="title" label="学习主题" rules={[{ required: true, message: '请填写学习主题' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="mode" label="学习方式（九学）"><Select options={studyModes.map((m) => ({ value: m, label: studyModeLabels[m] }))} /></Form.Item>
          <Form.Item name="orgId" label="参加的组织（不选为本组织）"><OrgPicker /></Form.Item>
          <Row gutter={16}>
            <Col span={14}><Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={10}><Form.Item name="minutes" label="时长（分钟）" rules={[{ required: true, message: '请填写时长' }]}><InputNumber min={10} max={600} style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
          <Form.Item name="place" label="地点"><Input maxLength={100} /></Form.Item>
        </Form>
      </Modal>
      <SessionDrawer sessionId={shown} onClose={() => setShown(null)} />
    </Card>
  );
}

/** The check-in QR code to show on the spot (or print), its code, and the attendees so far. */
function SessionDrawer({ sessionId, onClose }: { sessionId: string | null; onClose: () => void }) {
  const [s, setS] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setS(null);
    setError(null);
    if (sessionId) call(routes.getStudySession, { params: { sessionId } }).then(setS, (err: unknown) => setError(errorMessage(err)));
  }, [sessionId]);
  return (
    <Drawer open={sessionId !== null} onClose={onClose} size={720} title={s ? `签到：${s.title}` : '签到'} rootClassName="session-drawer">
      {error && <Alert type="error" showIcon title={error} />}
      {s && (
        <Row gutter={24}>
          <Col span={10} style={{ textAlign: 'center' }}>
            <Image src={s.qrDataUrl} width={240} preview={false} className="session-qr-image" alt="签到二维码" />
            <Typography.Title level={3} className="session-code" style={{ letterSpacing: 4 }}>{s.checkInCode}</Typography.Title>
            <Typography.Paragraph type="secondary">党员用小程序扫码，或在“学习 › 扫码签到”中输入签到码</Typography.Paragraph>
          </Col>
          <Col span={14}>
            <Descriptions column={1} size="small" items={[
              { key: 'm', label: '学习方式', children: studyModeLabels[s.mode] },
              { key: 'o', label: '组织', children: s.orgName },
              { key: 't', label: '时间', children: `${dateTime(s.startsAt)} – ${dateTime(s.endsAt)}` },
              { key: 'p', label: '地点', children: s.place || '—' },
            ]} />
            <Typography.Title level={5} style={{ marginTop: 16 }}>已签到 {s.attendees.length} 人</Typography.Title>
            <div>{s.attendees.map((a) => <Tag key={a.userId} title={dateTime(a.at)}>{a.name}</Tag>)}</div>
          </Col>
        </Row>
      )}
    </Drawer>
  );
}
