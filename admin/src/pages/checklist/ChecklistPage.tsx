import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Progress, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, LockOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { itemSourceLabels, itemSources, itemStatusLabels, itemStatuses, routes, signOffLabels, type AdminItem, type ItemSource, type ItemStatus, type TallyRun } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { download, saveBlob } from '../../api/files';
import { CampaignSelect } from '../../components/CampaignSelect';
import { Ellipsis } from '../../components/Ellipsis';
import { ItemDrawer } from './ItemDrawer';
import { CreateItemModal } from './CreateItemModal';
import { followRun, runTally, type TallyOutcome, type TallyProgress } from './tally';
import { TallyLessons } from './TallyLessons';

const statusColors: Record<ItemStatus, string> = { open: 'orange', in_progress: 'blue', done: 'green', closed: 'default' };
const sourceColors: Record<ItemSource, string> = { suggestion: 'cyan', life_meeting: 'purple', self_inspection: 'geekblue', inspection: 'volcano', talk: 'gold' };

/** A campaign's remediation checklist: tally new suggestions, the items, their editor, the ledger. */
export default function ChecklistPage() {
  const { message } = App.useApp();
  const [campaignId, setCampaignId] = useState<string>();
  const [data, setData] = useState<{ items: AdminItem[]; pending: number; run?: TallyRun } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminItem | null>(null);
  const [creating, setCreating] = useState(false);
  const [source, setSource] = useState<ItemSource | 'all'>('all');
  const [tally, setTally] = useState<{ running: boolean; progress?: TallyProgress; outcome?: TallyOutcome }>({ running: false });
  const [edits, setEdits] = useState(0);
  /** The run this page is following, so that a reload of the list does not follow it twice. */
  const following = useRef<string | null>(null);

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
    setTally({ running: false });
    following.current = null;
    void load();
  }, [load]);

  // The campaign on screen: a run followed for another campaign no longer shows once the admin switches.
  const shown = useRef(campaignId);
  shown.current = campaignId;
  const follow = async (of: string, start: (onProgress: (p: TallyProgress) => void) => Promise<TallyOutcome>) => {
    const mine = () => shown.current === of;
    setTally({ running: true });
    try {
      const outcome = await start((progress) => mine() && setTally((t) => ({ ...t, progress })));
      if (!mine()) return;
      setTally((t) => ({ ...t, running: false, outcome }));
      await load();
    } catch (err) {
      if (!mine()) return;
      setTally({ running: false });
      message.error(errorMessage(err));
    } finally {
      if (mine()) following.current = null;
    }
  };
  const tallyNow = () => {
    if (!campaignId || following.current) return;
    following.current = 'starting';
    void follow(campaignId, (onProgress) => runTally(campaignId, onProgress));
  };

  // A run already going when the page opens (the schedule's, a colleague's, or this admin's before a
  // reload) is shown as if started here.
  const running = data?.run;
  useEffect(() => {
    if (!running || following.current || running.campaignId !== campaignId) return;
    following.current = running.runId;
    void follow(running.campaignId, (onProgress) => followRun(running.runId, onProgress));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow once per run id
  }, [running?.runId]);

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
        <Button icon={<PlusOutlined />} disabled={!campaignId} onClick={() => setCreating(true)} className="item-create">新增事项</Button>
        <Button icon={<SyncOutlined />} loading={tally.running} disabled={!campaignId} onClick={tallyNow} className="tally-run">归并新意见</Button>
        <Button icon={<DownloadOutlined />} disabled={!campaignId} onClick={() => void ledger()} className="ledger-download">下载台账</Button>
      </Space>}
    >
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Space>
          <Select className="source-filter" style={{ width: 180 }} value={source} onChange={setSource}
            options={[{ value: 'all', label: '全部来源' }, ...itemSources.map((s) => ({ value: s, label: itemSourceLabels[s] }))]} />
        </Space>
        <Typography.Text type="secondary" className="tally-pending">
          待归并意见 {data?.pending ?? '…'} 条（系统每 15 分钟自动归并一次）
        </Typography.Text>
        {tally.running && (
          <div className="tally-running">
            <Progress percent={Math.floor((tally.progress?.done ?? 0) * 100)} status="active" className="tally-progress" />
            <Typography.Text type="secondary" className="tally-counts">
              {!tally.progress || tally.progress.queued
                ? '归并任务已开始，正在排队…'
                : `正在归并：已处理 ${tally.progress.processed} / ${tally.progress.total} 条，归并在后台进行，离开本页不会中断`}
            </Typography.Text>
          </div>
        )}
        {!tally.running && tally.outcome && (
          <Progress percent={100} status="success" className="tally-progress" />
        )}
        {!tally.running && tally.outcome && (
          <Alert type="success" showIcon className="tally-result"
            title={`已归并 ${tally.outcome.processed} 条意见：新增 ${tally.outcome.newItems} 项，更新 ${tally.outcome.updatedItems} 项`} />
        )}
      </Space>
      <Table<AdminItem>
        className="checklist-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={(data?.items ?? []).filter((i) => source === 'all' || i.source === source)}
        tableLayout="fixed"
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
        locale={{ emptyText: error ?? '清单还是空的：有新意见后点“归并新意见”' }}
        onRow={(item) => ({ onDoubleClick: () => setEditing(item) })}
        columns={[
          {
            title: '整改事项', dataIndex: 'title',
            render: (t: string, i) => <Space size={4} style={{ maxWidth: '100%' }}>{i.locked && i.source === 'suggestion' && <Tooltip title="已锁定：自动归并不再改动"><LockOutlined /></Tooltip>}<Ellipsis text={t} className="item-title" /></Space>,
          },
          {
            title: '来源', dataIndex: 'source', width: 110,
            filters: itemSources.map((s) => ({ text: itemSourceLabels[s], value: s })),
            onFilter: (v, i) => i.source === v,
            render: (s: ItemSource) => <Tag color={sourceColors[s]} className="item-source">{itemSourceLabels[s]}</Tag>,
          },
          { title: '类别', dataIndex: 'categoryLabel', width: 110, render: (t: string) => <Ellipsis text={t} /> },
          { title: '意见数', dataIndex: 'suggestionCount', width: 80, sorter: (a, b) => a.suggestionCount - b.suggestionCount },
          { title: '热度', dataIndex: 'heat', width: 80, defaultSortOrder: 'descend', sorter: (a, b) => a.heat - b.heat, render: (h: number) => h.toFixed(1) },
          { title: '责任单位', dataIndex: 'owner', width: 160, render: (o: string | null) => <Ellipsis text={o ?? '未指定'} /> },
          { title: '时限', dataIndex: 'deadline', width: 120, sorter: (a, b) => (a.deadline ?? '9').localeCompare(b.deadline ?? '9'),
            render: (d: string | null, i) => (d ? <Typography.Text type={i.overdue ? 'danger' : undefined}>{d}{i.overdue ? '（逾期）' : ''}</Typography.Text> : '—') },
          {
            title: '状态', dataIndex: 'status', width: 100,
            filters: itemStatuses.map((s) => ({ text: itemStatusLabels[s], value: s })),
            onFilter: (v, i) => i.status === v,
            render: (s: ItemStatus, i) => (
              <Tooltip title={i.signOff.reason ? `退回理由：${i.signOff.reason}` : undefined}>
                <Tag color={i.signOff.state === 'refused' ? 'red' : statusColors[s]}>{i.signOff.state === 'pending' || i.signOff.state === 'refused' ? signOffLabels[i.signOff.state] : itemStatusLabels[s]}</Tag>
              </Tooltip>
            ),
          },
          { title: '公开', dataIndex: 'published', width: 80, filters: [{ text: '已公开', value: true }, { text: '未公开', value: false }], onFilter: (v, i) => i.published === v,
            render: (p: boolean) => (p ? <Tag color="red">已公开</Tag> : <Tag>未公开</Tag>) },
          { title: '操作', key: 'edit', width: 80, render: (_, i) => <Button type="link" size="small" className="item-edit" onClick={() => setEditing(i)}>编辑</Button> },
        ]}
      />
      {campaignId && <CreateItemModal campaignId={campaignId} open={creating} onClose={() => setCreating(false)} onCreated={load} />}
      <ItemDrawer item={editing} items={data?.items ?? []} onClose={() => setEditing(null)} onChanged={async () => {
        setEdits((n) => n + 1);
        await load();
      }} />
      <TallyLessons campaignId={campaignId} version={edits} />
    </Card>
  );
}
