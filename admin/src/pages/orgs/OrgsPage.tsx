import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Modal, Popconfirm, Row, Space, Tag, Tree, message } from 'antd';
import { institutionTypeLabels, orgLevelLabel, routes } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { OrgPicker, reloadOrgTree, treeOf, useOrgTree } from '../../components/OrgPicker';
import { OrgForm, type OrgFormValues } from './OrgForm';
import { OrgsNav } from './OrgsNav';

type Detail = Awaited<ReturnType<typeof call<typeof routes.getOrg>>>;
type History = Awaited<ReturnType<typeof call<typeof routes.orgHistory>>>['items'];
const actionLabels: Record<string, string> = { create: '新建', edit: '修改', move: '移动', close: '撤销', reopen: '恢复' };

/** 组织管理: the tree of the admin's subtree; create, edit, move and close, with each org's history. */
export default function OrgsPage() {
  const orgs = useOrgTree();
  const tree = useMemo(() => treeOf(orgs.items, (o) => `${o.name}（${orgLevelLabel(o)}）`), [orgs.items]);
  const [selected, setSelected] = useState<string | undefined>();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [history, setHistory] = useState<History>([]);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<'create' | 'edit' | null>(null);
  const [moveTo, setMoveTo] = useState<string | undefined>();
  const [moving, setMoving] = useState(false);
  const institutions = useMemo(() => orgs.items.filter((o) => o.kind === 'institution').map((o) => ({ value: o.id, label: o.name })), [orgs.items]);
  const current = selected ?? orgs.items[0]?.id;

  const load = useCallback(async () => {
    if (!current) return;
    setError(null);
    try {
      const [d, h] = await Promise.all([call(routes.getOrg, { params: { orgId: current } }), call(routes.orgHistory, { params: { orgId: current } })]);
      setDetail(d);
      setHistory(h.items);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [current]);
  useEffect(() => void load(), [load]);

  const changed = async () => {
    setForm(null);
    await Promise.all([reloadOrgTree(), load()]);
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      await changed();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const editing: (OrgFormValues & { id: string }) | null = detail ? {
    id: detail.id, kind: detail.kind, name: detail.name, institutionType: detail.institutionType, practitioners: detail.practitioners,
    address: detail.address, licenceNumber: detail.licenceNumber, institutionIds: detail.institutionIds,
    liaisonName: detail.liaison?.name, liaisonRole: (detail.liaison?.role as 'liaison' | 'instructor' | undefined) ?? 'liaison',
  } : null;

  return (
    <>
      <OrgsNav />
      <Row gutter={[16, 16]}>
        <Col span={10}>
          <Card title="组织树" size="small">
            {tree.length === 0 ? <Empty description={orgs.error ?? '暂无组织'} /> : (
              <Tree className="orgs-tree" treeData={tree} height={560} showLine defaultExpandedKeys={tree.map((n) => n.key)}
                selectedKeys={current ? [current] : []} onSelect={(keys) => keys[0] && setSelected(String(keys[0]))} />
            )}
          </Card>
        </Col>
        <Col span={14}>
          {error ? <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} style={{ marginBottom: 12 }} /> : null}
          {detail ? (
            <Card className="org-detail" size="small" title={<Space>{detail.name}<Tag color={detail.status === 'closed' ? 'default' : 'red'}>{detail.status === 'closed' ? '已撤销' : orgLevelLabel(detail)}</Tag></Space>}
              extra={(
                <Space>
                  <Button type="primary" disabled={detail.status === 'closed'} onClick={() => setForm('create')}>新建下级</Button>
                  <Button onClick={() => setForm('edit')}>编辑</Button>
                  <Button disabled={!detail.parentId} onClick={() => { setMoveTo(undefined); setMoving(true); }}>移动</Button>
                  {detail.status === 'closed'
                    ? <Button onClick={() => void act(() => call(routes.patchOrg, { params: { orgId: detail.id }, body: { status: 'active' } }), '已恢复')}>恢复</Button>
                    : (
                      <Popconfirm title="撤销后保留历史，不可在其下新建组织。确定撤销？" onConfirm={() => void act(() => call(routes.patchOrg, { params: { orgId: detail.id }, body: { status: 'closed' } }), '已撤销')}>
                        <Button danger disabled={!detail.parentId}>撤销</Button>
                      </Popconfirm>
                    )}
                </Space>
              )}>
              <Descriptions column={2} size="small">
                <Descriptions.Item label="上级">{detail.ancestors.at(-1)?.name ?? '—'}</Descriptions.Item>
                {detail.institutionType ? <Descriptions.Item label="机构类型">{institutionTypeLabels[detail.institutionType]}</Descriptions.Item> : null}
                {detail.kind === 'institution' ? <Descriptions.Item label="从业人员">{detail.practitioners ?? 0} 人</Descriptions.Item> : null}
                {detail.licenceNumber ? <Descriptions.Item label="执业许可证号">{detail.licenceNumber}</Descriptions.Item> : null}
                {detail.address ? <Descriptions.Item label="地址" span={2}>{detail.address}</Descriptions.Item> : null}
                {detail.liaison ? <Descriptions.Item label={detail.liaison.role === 'instructor' ? '党建指导员' : '党建联络员'}>{detail.liaison.name}</Descriptions.Item> : null}
                {detail.kind === 'party_org' ? <Descriptions.Item label="党员">{detail.memberCount ?? 0} 名</Descriptions.Item> : null}
                {detail.institutionIds?.length ? <Descriptions.Item label="覆盖机构" span={2}>{detail.institutionIds.map((id) => orgs.items.find((o) => o.id === id)?.name ?? id).join('、')}</Descriptions.Item> : null}
                <Descriptions.Item label="下级组织">{detail.children.filter((c) => c.status !== 'closed').length} 个</Descriptions.Item>
              </Descriptions>
              <List className="org-history" size="small" header="变更历史" dataSource={history}
                renderItem={(h) => <List.Item>{new Date(h.at).toLocaleString('zh-CN')} · {h.by} · {actionLabels[h.action] ?? h.action} {Object.keys(h.change).join('、')}</List.Item>} />
            </Card>
          ) : <Card loading />}
        </Col>
      </Row>
      <OrgForm open={form !== null} parentId={current ?? ''} editing={form === 'edit' ? editing : null} institutions={institutions} onDone={() => void changed()} onCancel={() => setForm(null)} />
      <Modal open={moving} title={`移动“${detail?.name ?? ''}”`} okText="移动" cancelText="取消" onCancel={() => setMoving(false)}
        onOk={() => { setMoving(false); if (detail && moveTo) void act(() => call(routes.patchOrg, { params: { orgId: detail.id }, body: { parentId: moveTo } }), '已移动'); }}>
        <p>选择新的上级组织（移动后保留历史，下级组织和人员一并移动）：</p>
        <OrgPicker value={moveTo} onChange={setMoveTo} style={{ width: '100%' }} />
      </Modal>
    </>
  );
}
