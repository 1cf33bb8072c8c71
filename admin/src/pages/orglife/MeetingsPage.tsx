import { useEffect, useState } from 'react';
import { Alert, Card, DatePicker, Descriptions, Drawer, Image, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { reviewOutcomeLabels, routes } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { OrgPicker } from '../../components/OrgPicker';

type Meeting = Awaited<ReturnType<typeof call<typeof routes.listMeetings>>>['items'][number];

/** 会议记录: one party org's meetings of a year, with attendance, absences, minutes and photos. */
export default function MeetingsPage() {
  const session = useSession();
  const [orgId, setOrgId] = useState<string | undefined>(session?.user.orgId ?? undefined);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [items, setItems] = useState<Meeting[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Meeting | null>(null);

  useEffect(() => {
    if (!orgId) return;
    setLoading(true);
    setError(null);
    call(routes.listMeetings, { params: { orgId }, query: { period: year } })
      .then((r) => setItems(r.items), (err: unknown) => setError(errorMessage(err)))
      .finally(() => setLoading(false));
  }, [orgId, year]);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          <OrgPicker value={orgId} onChange={setOrgId} style={{ width: 320 }} />
          <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.format('YYYY'))} />
        </Space>
      </Card>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      <Table
        className="orglife-meetings" rowKey="id" size="small" loading={loading} dataSource={items} pagination={{ pageSize: 20 }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: '时间', dataIndex: 'heldAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: '类型', dataIndex: 'typeLabel', width: 110 },
          { title: '主题', dataIndex: 'topic' },
          { title: '出席', key: 'att', width: 90, render: (_, r) => `${r.attendees.length}/${r.expected}` },
          { title: '状态', dataIndex: 'status', width: 80, render: (v: string) => (v === 'held' ? <Tag color="green">已召开</Tag> : <Tag color="gold">预约</Tag>) },
        ]}
      />
      <Drawer open={open !== null} width={560} title={open?.topic} onClose={() => setOpen(null)}>
        {open ? (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="类型">{open.typeLabel}</Descriptions.Item>
              <Descriptions.Item label="时间地点">{dayjs(open.heldAt).format('YYYY-MM-DD HH:mm')} {open.place}</Descriptions.Item>
              <Descriptions.Item label="主持">{open.presider?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="出席">{open.attendees.map((a) => a.name).join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label="缺席">{open.absences.map((a) => `${a.name}（${a.reason}）`).join('、') || '—'}</Descriptions.Item>
              {open.reviewOutcomes ? (
                <Descriptions.Item label="评议结果">{open.reviewOutcomes.map((o) => `${o.name}：${reviewOutcomeLabels[o.outcome]}`).join('、')}</Descriptions.Item>
              ) : null}
            </Descriptions>
            {/* Minutes are sanitised on the server (sanitize-html) before they are stored. */}
            <div style={{ marginTop: 16 }} dangerouslySetInnerHTML={{ __html: open.minutes }} />
            <Image.PreviewGroup>{open.photos.map((p) => <Image key={p.key} width={120} src={p.url} />)}</Image.PreviewGroup>
          </>
        ) : null}
      </Drawer>
    </Space>
  );
}
