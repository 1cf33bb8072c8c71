import { useEffect, useState } from 'react';
import { Alert, Card, DatePicker, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { routes } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { OrgPicker } from '../../components/OrgPicker';
import { pct, thisMonth } from './shared';

type Compliance = Awaited<ReturnType<typeof call<typeof routes.compliance>>>;
const statusColor = { done: 'green', pending: 'gold', overdue: 'red', not_required: 'default' } as const;
const statusLabel = { done: '已完成', pending: '待开', overdue: '逾期', not_required: '不要求' } as const;

/** 组织生活落实: every party org under the chosen org, by type held/due, those falling behind first. */
export default function CompliancePage() {
  const session = useSession();
  const [orgId, setOrgId] = useState<string | undefined>(session?.user.orgId ?? undefined);
  const [period, setPeriod] = useState(thisMonth());
  const [data, setData] = useState<Compliance | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!orgId) return;
    setLoading(true);
    setError(null);
    call(routes.compliance, { params: { orgId }, query: { period } })
      .then(setData, (err: unknown) => setError(errorMessage(err)))
      .finally(() => setLoading(false));
  }, [orgId, period]);

  const types = data?.items[0]?.types ?? [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          <OrgPicker value={orgId} onChange={setOrgId} style={{ width: 320 }} />
          <DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} />
          {data ? <Statistic title="党组织" value={data.partyOrgs} /> : null}
          {data ? <Statistic title="落后" value={data.behind} valueStyle={{ color: data.behind ? '#c8161d' : undefined }} /> : null}
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      <Table
        className="orglife-compliance"
        rowKey="orgId" size="small" loading={loading} dataSource={data?.items ?? []} pagination={{ pageSize: 50 }} scroll={{ x: 1100 }}
        columns={[
          { title: '党组织', dataIndex: 'orgName', fixed: 'left', width: 200, render: (v: string, r) => <>{v}{r.behind ? <Tag color="red" style={{ marginLeft: 6 }}>落后</Tag> : null}<div style={{ color: '#888', fontSize: 12 }}>{r.parentName}</div></> },
          ...types.map((t, i) => ({
            title: t.typeLabel, key: t.type, width: 100,
            render: (_: unknown, r: Compliance['items'][number]) => {
              const c = r.types[i]!;
              return <Tooltip title={`${statusLabel[c.status]}${c.previousShort ? '；上一周期未达标' : ''}`}><Tag color={statusColor[c.status]}>{c.held}/{c.due}</Tag></Tooltip>;
            },
          })),
          { title: '本年参会率', dataIndex: 'attendanceRate', width: 100, render: (v: number | null) => pct(v) },
        ]}
      />
    </Space>
  );
}
