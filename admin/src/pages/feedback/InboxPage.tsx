import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { channelLabels, ratingLabels, routes, statusLabels, type AdminSuggestion, type Campaign } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { download, saveBlob } from '../../api/files';
import { CampaignSelect } from '../../components/CampaignSelect';
import { CursorPager } from '../../components/CursorPager';
import { Ellipsis } from '../../components/Ellipsis';
import { useCursorList } from '../../components/useCursorList';
import { FeedbackNav, useCampaignParam } from './FeedbackNav';
import { InboxFilters } from './InboxFilters';
import { moderationLabels, suggestionStatusColors, toQuery, type InboxFilter } from './inbox-labels';
import { SuggestionDrawer } from './SuggestionDrawer';
import { SuggestionImport } from './SuggestionImport';

const PAGE_SIZE = '20';

/** The campaign and the names of the units people may name in it (for 被反映单位). */
function useCampaign(campaignId: string | undefined) {
  const [campaign, setCampaign] = useState<Campaign>();
  const [units, setUnits] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!campaignId) return;
    let live = true;
    call(routes.getCampaign, { params: { campaignId } }).then((c) => live && setCampaign(c), () => undefined);
    call(routes.listCampaignUnits, { params: { campaignId } }).then((u) => live && setUnits(new Map(u.items.map((i) => [i.id, i.name]))), () => undefined);
    return () => {
      live = false;
    };
  }, [campaignId]);
  return { campaign: campaign?.id === campaignId ? campaign : undefined, units };
}

/** The open-door inbox (意见箱): filter, search, reply, mark, follow up, import and export. */
export default function InboxPage() {
  const { message } = App.useApp();
  const [campaignId, setCampaignId] = useCampaignParam();
  const [filter, setFilter] = useState<InboxFilter>({});
  const [open, setOpen] = useState<AdminSuggestion | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { campaign, units } = useCampaign(campaignId);
  const query = useMemo(() => toQuery(filter), [filter]);
  const list = useCursorList(
    (cursor) => (campaignId
      ? call(routes.adminListSuggestions, { params: { campaignId }, query: { ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } as never })
      : Promise.resolve({ items: [], nextCursor: null })),
    [campaignId, query],
  );
  // Edits made in the drawer show in the row at once; the page is fetched again for filters they may affect.
  const [edited, setEdited] = useState<Map<string, AdminSuggestion>>(new Map());
  useEffect(() => setEdited(new Map()), [list.items]);
  const rows = list.items.map((s) => edited.get(s.id) ?? s);
  const unitName = useCallback((orgId: string | undefined) => (orgId ? units.get(orgId) ?? '（已调整的单位）' : '未指明'), [units]);
  const categoryLabel = (key: string) => campaign?.categories.find((c) => c.key === key)?.label ?? key;

  const changeCampaign = useCallback((id: string) => {
    setCampaignId(id);
    setFilter({});
  }, [setCampaignId]);

  const exportXlsx = async () => {
    if (!campaignId) return;
    setExporting(true);
    try {
      saveBlob(await download(routes.exportSuggestions, { params: { campaignId }, query: query as never }), `${campaign?.title ?? '意见建议'}-意见建议-${dayjs().format('YYYY-MM-DD')}.xlsx`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
    <FeedbackNav />
    <Card
      title={<Space>意见箱<CampaignSelect value={campaignId} onChange={changeCampaign} /></Space>}
      extra={<Space>
        <Button icon={<UploadOutlined />} disabled={!campaign} onClick={() => setImporting(true)} className="inbox-import">导入线下意见</Button>
        <Button icon={<DownloadOutlined />} disabled={!campaignId} loading={exporting} onClick={() => void exportXlsx()} className="inbox-export">导出 Excel</Button>
      </Space>}
    >
      <Tabs className="inbox-tabs" activeKey={filter.followUp ?? 'all'} onChange={(k) => setFilter({ ...filter, followUp: k === 'pending' ? 'pending' : undefined })}
        items={[{ key: 'all', label: '全部意见' }, { key: 'pending', label: <span className="inbox-tab-follow-up">不满意清零（待回访）</span> }]} />
      <InboxFilters key={campaignId} campaign={campaign} value={filter} onChange={setFilter} />
      <Table<AdminSuggestion>
        className="inbox-table"
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        locale={{ emptyText: list.error ?? (filter.followUp ? '没有待回访的不满意意见' : '没有符合条件的意见建议') }}
        onRow={(s) => ({ 'data-id': s.id, onDoubleClick: () => setOpen(s) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '提交时间', dataIndex: 'submittedAt', width: 140, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'), sorter: (a, b) => a.submittedAt.localeCompare(b.submittedAt) },
          { title: '类别', dataIndex: 'category', width: 120, render: (k: string) => <Ellipsis text={categoryLabel(k)} /> },
          { title: '意见内容', dataIndex: 'content', render: (t: string) => <Ellipsis text={t} className="suggestion-text" /> },
          { title: '被反映单位', dataIndex: 'orgId', width: 150, render: (o: string | undefined) => <Ellipsis text={unitName(o)} /> },
          { title: '渠道', dataIndex: 'channel', width: 100, render: (c: AdminSuggestion['channel']) => channelLabels[c] },
          {
            title: '状态', key: 'status', width: 150,
            render: (_, s) => (
              <Space size={2} wrap={false}>
                <Tag color={suggestionStatusColors[s.status]} className="suggestion-status">{statusLabels[s.status]}</Tag>
                {s.moderation && <Tooltip title="不计入整改清单"><Tag color="volcano" className="suggestion-moderation">{moderationLabels[s.moderation]}</Tag></Tooltip>}
              </Space>
            ),
          },
          {
            title: '评价', key: 'rating', width: 90,
            render: (_, s) => (s.rating?.rating === 'unsatisfied' && !s.followUp ? <Tag color="red">待回访</Tag> : s.rating ? ratingLabels[s.rating.rating] : '—'),
          },
          { title: '操作', key: 'open', width: 70, render: (_, s) => <Button type="link" size="small" className="suggestion-open" onClick={() => setOpen(s)}>处理</Button> },
        ]}
      />
      <CursorPager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} loading={list.loading} onPrev={list.prev} onNext={list.next} />
      <SuggestionDrawer suggestion={open} campaign={campaign} others={rows} unitName={unitName} onClose={() => setOpen(null)}
        onChanged={(s) => {
          setOpen(s);
          setEdited((m) => new Map(m).set(s.id, s));
          list.reload();
        }} />
      <SuggestionImport campaign={campaign} open={importing} onClose={() => setImporting(false)} onImported={list.reload} />
    </Card>
    </>
  );
}
