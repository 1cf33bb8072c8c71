import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Modal, Space, Switch, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { memberStatusLabels, routes } from '@kaimen/shared';
import { ApiError, call, errorMessage } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { OrgPicker, useOrgTree } from '../../components/OrgPicker';
import { uploadRoster } from './files';
import { OrgsNav } from './OrgsNav';

type Member = Awaited<ReturnType<typeof call<typeof routes.listMembers>>>['items'][number];
type Sheet = Awaited<ReturnType<typeof call<typeof routes.bindingSheet>>>;

/** 人员名册: import the bureau's roster (every bad row listed), the members with masked phones, binding codes to print. */
export default function RosterPage() {
  const session = useSession();
  const orgs = useOrgTree();
  const [orgId, setOrgId] = useState<string | undefined>(session?.user.orgId ?? undefined);
  const [members, setMembers] = useState<Member[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [unbound, setUnbound] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<{ row: number; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const picked = orgs.items.find((o) => o.id === orgId);

  const load = useCallback(async (more?: string) => {
    if (!orgId) return;
    try {
      const page = await call(routes.listMembers, { params: { orgId }, query: { limit: '100', ...(unbound ? { bound: 'false' } : {}), ...(more ? { cursor: more } : {}) } });
      setMembers((m) => (more ? [...m, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [orgId, unbound]);
  useEffect(() => void load(), [load]);

  const upload = async (file: File) => {
    setResult(null);
    setRowErrors([]);
    setError(null);
    try {
      const r = await uploadRoster(orgId!, file);
      setResult(`导入完成：新增 ${r.imported} 人，更新 ${r.updated} 人，未变 ${r.unchanged} 人`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) setRowErrors((err.problem.errors ?? []).filter((e) => e.row !== undefined).map((e) => ({ row: e.row!, message: e.message })));
    }
  };

  const codes = async () => {
    try {
      setSheet(await call(routes.bindingSheet, { params: { orgId: orgId! } }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <>
      <OrgsNav />
      <Card size="small" title="导入与名册" extra={(
        <Space>
          <OrgPicker value={orgId} onChange={setOrgId} style={{ width: 280 }} allowClear={false} />
          <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
            <Button className="roster-upload" type="primary" icon={<UploadOutlined />} disabled={!orgId}>导入名册（XLSX/CSV）</Button>
          </Upload>
          <Button disabled={picked?.kind !== 'party_org'} onClick={() => void codes()}>打印绑定码</Button>
        </Space>
      )}>
        <p style={{ color: '#888', marginTop: 0 }}>名册表头：姓名、性别、出生年月、手机号、所在单位、党组织、身份（正式党员/预备党员/入党积极分子/群众）、职务。有任何一行出错则整份不导入；再次导入按手机号更新，不会重复。</p>
        {result ? <Alert type="success" showIcon message={result} style={{ marginBottom: 12 }} /> : null}
        {error ? <Alert className="roster-error" type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
        {rowErrors.length ? (
          <Table className="roster-row-errors" size="small" rowKey="row" pagination={false} style={{ marginBottom: 16 }} dataSource={rowErrors} scroll={{ y: 220 }}
            columns={[{ title: '行号', dataIndex: 'row', width: 80 }, { title: '错误原因', dataIndex: 'message' }]} />
        ) : null}
        <Space style={{ marginBottom: 8 }}><Switch checked={unbound} onChange={setUnbound} /> 只看未绑定微信的人员</Space>
        <Table className="roster-members" size="small" rowKey="id" dataSource={members} pagination={{ pageSize: 12 }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '手机号', dataIndex: 'phone', width: 130 },
            { title: '所在单位', dataIndex: 'institutionName' },
            { title: '党组织', dataIndex: 'partyOrgName', render: (v?: string) => v ?? '—' },
            { title: '身份', dataIndex: 'status', width: 110, render: (s: Member['status']) => memberStatusLabels[s] },
            { title: '职务', dataIndex: 'position', width: 110, render: (v: string | null) => v ?? '' },
            { title: '绑定', dataIndex: 'bound', width: 90, render: (b: boolean) => (b ? <Tag color="green">已绑定</Tag> : <Tag>未绑定</Tag>) },
          ]}
          footer={() => (cursor ? <Button size="small" onClick={() => void load(cursor)}>加载更多</Button> : `共 ${members.length} 人`)} />
      </Card>
      <Modal open={sheet !== null} title={`${sheet?.orgName ?? ''} 绑定码`} width={720} onCancel={() => setSheet(null)} okText="打印" cancelText="关闭" onOk={() => window.print()}>
        <div className="binding-sheet">
          <p>已绑定 {sheet?.alreadyBound ?? 0} 人；以下人员请在小程序“我的”页面输入绑定码完成绑定（7 天内有效，每码限用一次）。</p>
          <Table size="small" rowKey="memberId" pagination={false} dataSource={sheet?.items ?? []}
            columns={[{ title: '姓名', dataIndex: 'name' }, { title: '绑定码', dataIndex: 'bindingCode', render: (c: string) => <b style={{ fontFamily: 'monospace', fontSize: 16 }}>{c}</b> }, { title: '有效期至', dataIndex: 'expiresAt', render: (t: string) => new Date(t).toLocaleDateString('zh-CN') }]} />
        </div>
      </Modal>
    </>
  );
}
