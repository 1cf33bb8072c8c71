import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { routes, type Campaign, type CampaignStatus } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { useLastSession } from '../../auth/useSession';
import { CursorPager } from '../../components/CursorPager';
import { Ellipsis } from '../../components/Ellipsis';
import { useCursorList } from '../../components/useCursorList';
import { CampaignDrawer } from './CampaignDrawer';
import { campaignStatusColors, campaignStatusLabels, period, shownStatus } from './labels';
import { PosterModal } from './PosterModal';
import { FeedbackNav } from './FeedbackNav';

const PAGE_SIZE = '20';

/** The admin's campaigns (own org and below): create, edit, open and close, share link and QR poster. */
export default function CampaignsPage() {
  const { message } = App.useApp();
  const session = useLastSession();
  const navigate = useNavigate();
  const list = useCursorList((cursor) => call(routes.adminListCampaigns, { query: { limit: PAGE_SIZE, cursor } }), []);
  const [editing, setEditing] = useState<{ campaign?: Campaign } | null>(null);
  const [poster, setPoster] = useState<Campaign | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const setStatus = async (c: Campaign, status: 'open' | 'closed') => {
    setBusy(c.id);
    try {
      await call(routes.updateCampaign, { params: { campaignId: c.id }, body: { status } });
      message.success(status === 'open' ? '活动已开启' : '活动已关闭');
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
    <FeedbackNav />
    <Card title="征求意见活动" extra={<Button type="primary" icon={<PlusOutlined />} className="campaign-new" onClick={() => setEditing({})}>新建活动</Button>}>
      <Table<Campaign>
        className="campaign-table"
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        tableLayout="fixed"
        locale={{ emptyText: list.error ?? '还没有征求意见活动' }}
        onRow={(c) => ({ 'data-id': c.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '活动', dataIndex: 'title', render: (t: string) => <Ellipsis text={t} className="campaign-title" />, sorter: (a, b) => a.title.localeCompare(b.title, 'zh') },
          { title: '主办单位', dataIndex: 'orgName', width: 200, render: (n: string | undefined) => <Ellipsis text={n ?? '—'} /> },
          { title: '起止日期', key: 'period', width: 220, render: (_, c) => period(c), sorter: (a, b) => a.opensAt.localeCompare(b.opensAt), defaultSortOrder: undefined },
          {
            title: '状态', key: 'status', width: 100,
            filters: (Object.keys(campaignStatusLabels) as CampaignStatus[]).map((s) => ({ text: campaignStatusLabels[s], value: s })),
            onFilter: (value, c) => shownStatus(c) === value,
            render: (_, c) => <Tag color={campaignStatusColors[shownStatus(c)]} className="campaign-status">{campaignStatusLabels[shownStatus(c)]}</Tag>,
          },
          {
            title: '操作', key: 'actions', width: 280,
            render: (_, c) => (
              <Space size={4} wrap={false}>
                <Button size="small" type="link" className="campaign-edit" onClick={() => setEditing({ campaign: c })}>修改</Button>
                {c.status === 'open' ? (
                  <Popconfirm title="关闭后群众将不能再提交意见，确定关闭？" okText="关闭活动" cancelText="取消" onConfirm={() => setStatus(c, 'closed')}>
                    <Button size="small" type="link" danger loading={busy === c.id} className="campaign-close">关闭</Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" type="link" loading={busy === c.id} className="campaign-open" onClick={() => void setStatus(c, 'open')}>开启</Button>
                )}
                <Button size="small" type="link" className="campaign-inbox" onClick={() => navigate(`/feedback/inbox?campaign=${encodeURIComponent(c.id)}`)}>意见箱</Button>
                <Button size="small" type="link" className="campaign-poster" onClick={() => setPoster(c)}>分享/海报</Button>
              </Space>
            ),
          },
        ]}
      />
      <CursorPager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} loading={list.loading} onPrev={list.prev} onNext={list.next} />
      <CampaignDrawer
        open={editing !== null}
        campaign={editing?.campaign}
        defaultOrgId={session?.user.orgId ?? undefined}
        onClose={() => setEditing(null)}
        onSaved={(c) => {
          message.success(editing?.campaign ? '已保存修改' : `已创建“${c.title}”`);
          setEditing(null);
          list.reload();
        }}
      />
      <PosterModal campaign={poster} onClose={() => setPoster(null)} />
    </Card>
    </>
  );
}
