import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, LockOutlined, SyncOutlined } from '@ant-design/icons';
import { itemStatusLabels, itemStatuses, routes, type AdminItem, type ItemStatus } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { download, saveBlob } from '../../api/files';
import { CampaignSelect } from '../../components/CampaignSelect';
import { Ellipsis } from '../../components/Ellipsis';
import { ItemDrawer } from './ItemDrawer';
import { runTally, type TallyOutcome } from './tally';
import { TallyLessons } from './TallyLessons';

const statusColors: Record<ItemStatus, string> = { open: 'orange', in_progress: 'blue', done: 'green', closed: 'default' };

/** A campaign's remediation checklist: tally new suggestions, the items, their editor, the ledger. */
export default function ChecklistPage() {
  const { message } = App.useApp();
  const [campaignId, setCampaignId] = useState<string>();
  const [data, setData] = useState<{ items: AdminItem[]; pending: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminItem | null>(null);
  const [tally, setTally] = useState<{ running: boolean; done: number; outcome?: TallyOutcome }>({ running: false, done: 0 });
  const [edits, setEdits] = useState(0);

  const load = useCallback(async () => {
    if (!campaignId) return;
    setLoading(true);
    try {
      const next = await call(routes.adminChecklist, { params: { campaignId } });
      setData(next);
      setEditing((e) => (e ? next.items.find((i) => i.id === e.id) ?? null : null));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [campaignId]);

  useEffect(() => {
    setData(null);
    setTally({ running: false, done: 0 });
    void load();
  }, [load]);

  const tallyNow = async () => {
    if (!campaignId) return;
    setTally({ running: true, done: 0 });
    try {
      const outcome = await runTally(campaignId, (done) => setTally((t) => ({ ...t, done })));
      setTally({ running: false, done: 1, outcome });
      await load();
    } catch (err) {
      setTally({ running: false, done: 0 });
      message.error(errorMessage(err));
    }
  };

  const ledger = async () => {
    if (!campaignId) return;
    try {
      saveBlob(await download(routes.checklistLedger, { params: { campaignId } }), '整改台账.xlsx');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Card
      title={<Space>整改清单<CampaignSelect value={campaignId} onChange={setCampaignId} /></Space>}
      extra={<Space>
        <Button icon={<SyncOutlined />} loading={tally.running} disabled={!campaignId} onClick={() => void tallyNow()} className="tally-run">归并新意见</Button>
        <Button icon={<DownloadOutlined />} disabled={!campaignId} onClick={() => void ledger()} className="ledger-download">下载台账</Button>
      </Space>}
    >
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Typography.Text type="secondary" className="tally-pending">
          待归并意见 {data?.pending ?? '…'} 条（系统每 15 分钟自动归并一次）
        </Typography.Text>
        {(tally.running || tally.outcome) && <Progress percent={Math.round(tally.done * 100)} size="small" status={tally.running ? 'active' : 'success'} className="tally-progress" />}
        {tally.outcome && (
          <Alert type="success" showIcon className="tally-result"
            title={`已归并 ${tally.outcome.processed} 条意见：新增 ${tally.outcome.newItems} 项，更新 ${tally.outcome.updatedItems} 项`} />
        )}
      </Space>
      <Table<AdminItem>
        className="checklist-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        tableLayout="fixed"
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
        locale={{ emptyText: error ?? '清单还是空的：有新意见后点“归并新意见”' }}
        onRow={(item) => ({ onDoubleClick: () => setEditing(item) })}
        columns={[
          {
            title: '整改事项', dataIndex: 'title',
            render: (t: string, i) => <Space size={4} style={{ maxWidth: '100%' }}>{i.locked && <Tooltip title="已锁定：自动归并不再改动"><LockOutlined /></Tooltip>}<Ellipsis text={t} className="item-title" /></Space>,
          },
          { title: '类别', dataIndex: 'categoryLabel', width: 130, render: (t: string) => <Ellipsis text={t} /> },
          { title: '意见数', dataIndex: 'suggestionCount', width: 90, sorter: (a, b) => a.suggestionCount - b.suggestionCount },
          { title: '热度', dataIndex: 'heat', width: 80, defaultSortOrder: 'descend', sorter: (a, b) => a.heat - b.heat, render: (h: number) => h.toFixed(1) },
          { title: '责任单位', dataIndex: 'owner', width: 160, render: (o: string | null) => <Ellipsis text={o ?? '未指定'} /> },
          { title: '时限', dataIndex: 'deadline', width: 120, sorter: (a, b) => (a.deadline ?? '9').localeCompare(b.deadline ?? '9'),
            render: (d: string | null, i) => (d ? <Typography.Text type={i.overdue ? 'danger' : undefined}>{d}{i.overdue ? '（逾期）' : ''}</Typography.Text> : '—') },
          {
            title: '状态', dataIndex: 'status', width: 100,
            filters: itemStatuses.map((s) => ({ text: itemStatusLabels[s], value: s })),
            onFilter: (v, i) => i.status === v,
            render: (s: ItemStatus) => <Tag color={statusColors[s]}>{itemStatusLabels[s]}</Tag>,
          },
          { title: '公开', dataIndex: 'published', width: 80, filters: [{ text: '已公开', value: true }, { text: '未公开', value: false }], onFilter: (v, i) => i.published === v,
            render: (p: boolean) => (p ? <Tag color="red">已公开</Tag> : <Tag>未公开</Tag>) },
          { title: '操作', key: 'edit', width: 80, render: (_, i) => <Button type="link" size="small" className="item-edit" onClick={() => setEditing(i)}>编辑</Button> },
        ]}
      />
      <ItemDrawer item={editing} items={data?.items ?? []} onClose={() => setEditing(null)} onChanged={async () => {
        setEdits((n) => n + 1);
        await load();
      }} />
      <TallyLessons campaignId={campaignId} version={edits} />
    </Card>
  );
}
