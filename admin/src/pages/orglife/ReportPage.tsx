import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Space, Table, Tag, Timeline, message } from 'antd';
import dayjs from 'dayjs';
import { meetingTypeLabels, meetingTypes, routes, type ReportFigures } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { OrgPicker } from '../../components/OrgPicker';
import { download, openPrint, pct, thisMonth } from './shared';

type Report = Awaited<ReturnType<typeof call<typeof routes.getReport>>>;
type Children = Awaited<ReturnType<typeof call<typeof routes.childrenReports>>>;
const statusTag = {
  draft: <Tag>草稿</Tag>, submitted: <Tag color="green">已报送</Tag>, returned: <Tag color="orange">已退回</Tag>, missing: <Tag color="red">未报送</Tag>,
} as const;

function Figures({ f }: { f: ReportFigures }) {
  return (
    <Descriptions className="orglife-figures" size="small" bordered column={3}>
      <Descriptions.Item label="党组织">{f.coverage.partyOrgs}</Descriptions.Item>
      <Descriptions.Item label="有党组织的机构">{f.coverage.institutions}</Descriptions.Item>
      <Descriptions.Item label="党员">{f.coverage.members}</Descriptions.Item>
      {meetingTypes.map((t) => <Descriptions.Item key={t} label={meetingTypeLabels[t]}>{f.orgLife.held[t]}/{f.orgLife.due[t]}</Descriptions.Item>)}
      <Descriptions.Item label="落后党组织">{f.orgLife.behindOrgs}</Descriptions.Item>
      <Descriptions.Item label="本月参会率">{pct(f.orgLife.attendanceRate)}</Descriptions.Item>
      <Descriptions.Item label="集中学习">{f.study.sessions} 次 · {f.study.studyHours} 人·小时</Descriptions.Item>
      <Descriptions.Item label="测试参与">{f.study.quizParticipants} 人（{f.study.quizzes} 项测试）</Descriptions.Item>
      <Descriptions.Item label="意见建议">收到 {f.suggestions.received} · 答复 {f.suggestions.answered} · 满意度 {pct(f.suggestions.satisfaction)}</Descriptions.Item>
      <Descriptions.Item label="整改事项">共 {f.checklist.total} · 完成 {f.checklist.done} · 逾期 {f.checklist.overdue}</Descriptions.Item>
    </Descriptions>
  );
}

/** 月报: this bureau's report (figures assembled from the records, text edited, submitted), its children's and the roll-up. */
export default function ReportPage() {
  const session = useSession();
  const own = session?.user.orgId ?? undefined;
  const [orgId, setOrgId] = useState<string | undefined>(own);
  const [month, setMonth] = useState(thisMonth());
  const [report, setReport] = useState<Report | null>(null);
  const [children, setChildren] = useState<Children | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sendBack, setSendBack] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [form] = Form.useForm<Report['sections']>();

  const load = useCallback(async () => {
    if (!orgId) return;
    setError(null);
    try {
      const [r, c] = await Promise.all([call(routes.getReport, { params: { orgId, month } }), call(routes.childrenReports, { params: { orgId, month } })]);
      setReport(r);
      setChildren(c);
      form.setFieldsValue(r.sections);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [orgId, month, form]);
  useEffect(() => void load(), [load]);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      void message.success(done);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const params = { orgId: orgId ?? '', month };
  const mine = orgId === own;
  const editable = mine && report?.status !== 'submitted';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          <OrgPicker value={orgId} onChange={setOrgId} style={{ width: 320 }} />
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} disabledDate={(d) => d.isAfter(dayjs(), 'month')} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
          <Button onClick={() => void download(`/admin/orgs/${params.orgId}/reports/${month}/report.xlsx`, `${report?.orgName ?? ''}-${month}-月报.xlsx`)}>导出 Excel</Button>
          <Button className="orglife-print" onClick={() => void openPrint(`/admin/orgs/${params.orgId}/reports/${month}/print`)}>打印</Button>
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon closable message={error} onClose={() => setError(null)} /> : null}
      {report ? (
        <Row gutter={16}>
          <Col span={15}>
            <Card
              className="orglife-report"
              title={<Space>{report.orgName} {month} 月报 {statusTag[report.status]} <Tag>第 {report.version} 版</Tag>{report.late ? <Tag color="red">逾期</Tag> : null}</Space>}
              extra={<span style={{ color: '#888' }}>截止 {dayjs(report.dueAt).format('M月D日')}</span>}
            >
              {report.returnComment ? <Alert type="warning" showIcon message={`上级退回：${report.returnComment}`} style={{ marginBottom: 12 }} /> : null}
              <Figures f={report.figures} />
              <Form form={form} layout="vertical" disabled={!editable} style={{ marginTop: 16 }}>
                <Form.Item name="progress" label="进展情况"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
                <Form.Item name="problems" label="存在问题"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
                <Form.Item name="nextSteps" label="下步打算"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
              </Form>
              {mine ? (
                <Space>
                  <Button disabled={!editable} loading={busy} onClick={() => void act(() => call(routes.updateReport, { params, body: { sections: form.getFieldsValue() } }), '已保存')}>保存</Button>
                  <Button className="orglife-submit" type="primary" disabled={!editable} loading={busy}
                    onClick={() => void act(async () => {
                      await call(routes.updateReport, { params, body: { sections: form.getFieldsValue() } });
                      await call(routes.submitReport, { params });
                    }, '已报送，月报已锁定')}>报送</Button>
                  <Button disabled={report.status !== 'submitted'} loading={busy} onClick={() => void act(() => call(routes.reviseReport, { params }), '已生成新版本')}>更正（生成新版本）</Button>
                </Space>
              ) : null}
            </Card>
          </Col>
          <Col span={9}>
            <Card title="报送记录" size="small">
              <Timeline items={report.history.map((h) => ({
                color: h.action === 'returned' ? 'orange' : 'green',
                children: `${dayjs(h.at).format('M-D HH:mm')} 第${h.version}版 ${{ submitted: '报送', returned: '退回', revised: '更正' }[h.action]}（${h.by}）${h.comment ? `：${h.comment}` : ''}`,
              }))} />
            </Card>
          </Col>
        </Row>
      ) : null}
      {children && children.items.length ? (
        <Card className="orglife-children" title={`下级报送情况：已报 ${children.submitted} · 未报 ${children.missing} · 逾期 ${children.late}`}>
          <Table
            rowKey="orgId" size="small" pagination={false} dataSource={children.items}
            columns={[
              { title: '单位', dataIndex: 'orgName' },
              { title: '状态', dataIndex: 'status', render: (s: keyof typeof statusTag, r) => <>{statusTag[s]}{r.late ? <Tag color="red">逾期</Tag> : null}</> },
              { title: '报送时间', dataIndex: 'submittedAt', render: (v?: string) => (v ? dayjs(v).format('M-D HH:mm') : '—') },
              { title: '组织生活 已开/应开', key: 'life', render: (_, r) => `${r.figures.orgLife.heldTotal}/${r.figures.orgLife.dueTotal}` },
              { title: '落后党组织', key: 'behind', render: (_, r) => r.figures.orgLife.behindOrgs },
              { title: '收到意见', key: 'sugg', render: (_, r) => r.figures.suggestions.received },
              {
                title: '', key: 'act', render: (_, r) => (r.status === 'submitted' && mine
                  ? <Button size="small" danger onClick={() => { setSendBack(r.orgId); setComment(''); }}>退回</Button> : null),
              },
            ]}
          />
          <div style={{ marginTop: 16 }}><strong>汇总</strong></div>
          <Figures f={children.rollUp} />
        </Card>
      ) : null}
      <Modal title="退回月报" open={sendBack !== null} okText="退回" okButtonProps={{ danger: true, disabled: comment.trim().length < 2 }} onCancel={() => setSendBack(null)}
        onOk={() => void act(async () => {
          await call(routes.returnReport, { params: { orgId: sendBack!, month }, body: { comment: comment.trim() } });
          setSendBack(null);
        }, '已退回')}>
        <Input.TextArea rows={3} placeholder="退回意见，如：请补充存在问题" value={comment} onChange={(e) => setComment(e.target.value)} />
      </Modal>
    </Space>
  );
}
