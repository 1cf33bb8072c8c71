import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Image, Input, Modal, Row, Select, Space, Statistic, Table, Tag, message } from 'antd';
import { Link } from 'react-router-dom';
import { postKindLabels, postKinds, postLevelLabels, postLevels, postStatusLabels, routes, type PostLevel, type PostStatus } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { OrgPicker } from '../../components/OrgPicker';

type Post = Awaited<ReturnType<typeof call<typeof routes.listPosts>>>['items'][number];
type Stats = Awaited<ReturnType<typeof call<typeof routes.postStats>>>;
const statusColor: Record<PostStatus, string> = { pending: 'gold', approved: 'green', returned: 'red' };

/** 亮身份 · 亮承诺: cards awaiting review (approve with a level, or return with a reason), and counts by kind and level. */
export default function ReviewPage() {
  const session = useSession();
  const [orgId, setOrgId] = useState<string | undefined>(session?.user.orgId ?? undefined);
  const [status, setStatus] = useState<PostStatus | undefined>('pending');
  const [posts, setPosts] = useState<Post[]>([]);
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [approving, setApproving] = useState<{ post: Post; level: PostLevel } | null>(null);
  const [returning, setReturning] = useState<{ post: Post; reason: string } | null>(null);

  const load = useCallback(async () => {
    if (!orgId) return;
    setError(null);
    try {
      const [list, counts] = await Promise.all([
        call(routes.listPosts, { params: { orgId }, query: status ? { status } : {} }),
        call(routes.postStats, { params: { orgId } }),
      ]);
      setPosts(list.items);
      setStats(counts);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [orgId, status]);
  useEffect(() => void load(), [load]);

  const review = async (post: Post, body: { approve: boolean; reason?: string; level?: PostLevel }) => {
    try {
      await call(routes.reviewPost, { params: { postId: post.id }, body });
      void message.success(body.approve ? '已通过，卡片已公开' : '已退回');
      setApproving(null);
      setReturning(null);
      await load();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="pioneer-review">
      <Space wrap>
        <OrgPicker value={orgId} onChange={setOrgId} style={{ width: 320 }} allowClear={false} />
        <Select className="pioneer-status-filter" value={status ?? 'all'} style={{ width: 140 }} onChange={(v) => setStatus(v === 'all' ? undefined : (v as PostStatus))}
          options={[{ value: 'all', label: '全部' }, ...(['pending', 'approved', 'returned'] as const).map((s) => ({ value: s, label: postStatusLabels[s] }))]} />
      </Space>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {stats ? (
        <Card title={`${stats.orgName} 先锋岗统计（已公开）`} size="small" className="pioneer-stats">
          <Row gutter={16}>
            <Col span={4}><Statistic title="已公开" value={stats.total} /></Col>
            <Col span={4}><Statistic title="待审核" value={stats.pending} /></Col>
            {postKinds.map((k) => <Col span={4} key={k}><Statistic title={postKindLabels[k]} value={stats.byKind[k]} /></Col>)}
          </Row>
          <div style={{ marginTop: 12 }}>
            {postLevels.map((l) => <Tag key={l} color="red">{postLevelLabels[l]} {stats.byLevel[l]}</Tag>)}
          </div>
          {stats.children.length ? (
            <Table size="small" style={{ marginTop: 12 }} rowKey="id" pagination={false} dataSource={stats.children.filter((c) => c.total || c.pending)}
              locale={{ emptyText: '下级暂无先锋岗' }}
              columns={[
                { title: '下级', dataIndex: 'name' },
                { title: '已公开', dataIndex: 'total', width: 90 },
                { title: '待审核', dataIndex: 'pending', width: 90 },
                ...postKinds.map((k) => ({ title: postKindLabels[k], key: k, width: 110, render: (_: unknown, c: Stats['children'][number]) => c.byKind[k] })),
              ]} />
          ) : null}
        </Card>
      ) : null}
      <Table<Post>
        className="pioneer-posts" rowKey="id" dataSource={posts} pagination={{ pageSize: 20 }} locale={{ emptyText: '没有符合条件的先锋岗卡片' }}
        columns={[
          { title: '照片', key: 'photo', width: 80, render: (_, p) => (p.photoUrl ? <Image width={48} height={64} src={p.photoUrl} style={{ objectFit: 'cover' }} /> : '—') },
          { title: '党员', dataIndex: 'name', width: 90 },
          { title: '岗位', key: 'post', render: (_, p) => <><div>{p.kindLabel} · {p.window}</div><div style={{ color: '#888' }}>{p.institutionName}</div></> },
          { title: '承诺', dataIndex: 'pledge', ellipsis: true },
          { title: '服务项目', key: 'services', render: (_, p) => p.services.join('、') },
          { title: '状态', key: 'status', width: 120, render: (_, p) => <><Tag color={statusColor[p.status]}>{postStatusLabels[p.status]}</Tag>{p.status === 'approved' ? <Tag>{p.levelLabel}</Tag> : null}{p.returnReason && p.status === 'returned' ? <div style={{ color: '#c8161d' }}>{p.returnReason}</div> : null}</> },
          {
            title: '操作', key: 'actions', width: 190, render: (_, p) => (
              <Space size={4} wrap>
                {p.status !== 'approved' ? <Button size="small" type="primary" className="pioneer-approve" onClick={() => setApproving({ post: p, level: p.level })}>通过</Button> : null}
                {p.status !== 'returned' ? <Button size="small" danger className="pioneer-return" onClick={() => setReturning({ post: p, reason: '' })}>退回</Button> : null}
                {p.status === 'approved' ? <Link to={`/pioneer/${p.id}/badge`} className="pioneer-badge-link">打印岗牌</Link> : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={approving !== null} title={`通过 ${approving?.post.name ?? ''} 的先锋岗卡片`} okText="通过并公开" cancelText="取消"
        onCancel={() => setApproving(null)} onOk={() => approving && void review(approving.post, { approve: true, level: approving.level })}>
        <p>通过后卡片对群众公开，可打印岗牌。</p>
        命名级别：<Select value={approving?.level} style={{ width: 160 }} onChange={(level) => approving && setApproving({ ...approving, level })}
          options={postLevels.map((l) => ({ value: l, label: postLevelLabels[l] }))} />
      </Modal>
      <Modal open={returning !== null} title={`退回 ${returning?.post.name ?? ''} 的先锋岗卡片`} okText="退回" okButtonProps={{ danger: true }} cancelText="取消"
        onCancel={() => setReturning(null)} onOk={() => returning && void review(returning.post, { approve: false, reason: returning.reason })}>
        <Input.TextArea className="pioneer-return-reason" rows={3} maxLength={200} placeholder="写明退回理由，党员修改后重新提交" value={returning?.reason}
          onChange={(e) => returning && setReturning({ ...returning, reason: e.target.value })} />
      </Modal>
    </Space>
  );
}
