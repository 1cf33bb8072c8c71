import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Space, Statistic, Table, Upload, message } from 'antd';
import dayjs from 'dayjs';
import { outcomeFields, outcomeLabels, routes, type OutcomeFigures } from '@kaimen/shared';
import { ApiError, call, errorMessage } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { OrgPicker } from '../../components/OrgPicker';
import { useProblem } from '../../components/problem';
import { uploadOutcomes } from './upload';

type Rollup = Awaited<ReturnType<typeof call<typeof routes.outcomeRollup>>>;
const thisMonth = () => dayjs().format('YYYY-MM');

/** 办实事成效: institutions' monthly figures typed in or imported from Excel, summed child by child up the tree. */
export default function OutcomesPage() {
  const session = useSession();
  const [orgId, setOrgId] = useState<string | undefined>(session?.user.orgId ?? undefined);
  const [range, setRange] = useState<[string, string]>([thisMonth(), thisMonth()]);
  const [rollup, setRollup] = useState<Rollup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<string[]>([]);
  const [form] = Form.useForm<OutcomeFigures & { orgId?: string; month?: dayjs.Dayjs }>();
  const problem = useProblem(form);

  const load = useCallback(async () => {
    if (!orgId) return;
    try {
      setRollup(await call(routes.outcomeRollup, { params: { orgId }, query: { from: range[0], to: range[1] } }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [orgId, range]);
  useEffect(() => void load(), [load]);

  const save = async () => {
    problem.clear();
    const v = form.getFieldsValue();
    try {
      await call(routes.saveOutcome, {
        params: { orgId: v.orgId ?? '', month: (v.month ?? dayjs()).format('YYYY-MM') },
        body: { legalAidCases: v.legalAidCases ?? 0, feesWaivedYuan: v.feesWaivedYuan ?? 0, disputesMediated: v.disputesMediated ?? 0, consultations: v.consultations ?? 0 },
      });
      void message.success('已保存');
      await load();
    } catch (err) {
      problem.show(err);
    }
  };

  const upload = async (file: File) => {
    setRowErrors([]);
    try {
      const r = await uploadOutcomes(orgId!, file);
      void message.success(`已导入 ${r.imported} 行`);
      await load();
    } catch (err) {
      setRowErrors(err instanceof ApiError ? [err.problem.detail, ...(err.problem.errors ?? []).map((e) => (e.row ? `第 ${e.row} 行：${e.message}` : e.message))] : [errorMessage(err)]);
    }
    return false;
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="service-outcomes">
      <Space wrap>
        <OrgPicker value={orgId} onChange={setOrgId} style={{ width: 320 }} allowClear={false} />
        <DatePicker.RangePicker picker="month" allowClear={false} value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM'), v[1].format('YYYY-MM')])} />
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => void upload(f)}>
          <Button className="service-import">从 Excel 导入</Button>
        </Upload>
      </Space>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {rowErrors.length ? <Alert className="service-import-errors" type="error" showIcon message={rowErrors[0]} description={rowErrors.slice(1).map((e) => <div key={e}>{e}</div>)} closable onClose={() => setRowErrors([])} /> : null}
      {rollup ? (
        <Card size="small" title={`${rollup.orgName} ${rollup.from === rollup.to ? rollup.from : `${rollup.from} 至 ${rollup.to}`} 合计（${rollup.reporting} 个单位填报）`}>
          <Space size="large" wrap>
            {outcomeFields.map((f) => <Statistic key={f} title={outcomeLabels[f]} value={rollup.total[f]} precision={f === 'feesWaivedYuan' ? 2 : 0} />)}
          </Space>
          <Table size="small" style={{ marginTop: 12 }} rowKey="id" pagination={false} dataSource={rollup.children} locale={{ emptyText: '没有下级单位' }}
            columns={[{ title: '下级', dataIndex: 'name' }, ...outcomeFields.map((f) => ({ title: outcomeLabels[f], dataIndex: f, width: 170 }))]} />
        </Card>
      ) : null}
      <Card size="small" title="填报一个单位某月的成效（模板列：单位、月份、法律援助案件、减免费用（元）、调解纠纷、解答咨询）">
        <Form form={form} layout="inline" onFinish={() => void save()} initialValues={{ month: dayjs() }}>
          <Form.Item name="orgId" label="单位"><OrgPicker selectable={['institution']} style={{ width: 240 }} placeholder="选择服务机构" /></Form.Item>
          <Form.Item name="month" label="月份"><DatePicker picker="month" allowClear={false} /></Form.Item>
          {outcomeFields.map((f) => <Form.Item key={f} name={f} label={outcomeLabels[f].replace(/（.*）/, '')}><InputNumber min={0} style={{ width: 110 }} /></Form.Item>)}
          <Form.Item><Button type="primary" htmlType="submit">保存</Button></Form.Item>
        </Form>
        {problem.alert ? <Alert style={{ marginTop: 8 }} type="error" showIcon message={problem.alert} /> : null}
      </Card>
    </Space>
  );
}
