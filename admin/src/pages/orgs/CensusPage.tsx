import { useCallback, useEffect, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Popconfirm, Row, Space, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { coverageClassLabels, coverageClasses, gapKindLabels, institutionTypeLabels, routes, type CoverageClass } from '@kaimen/shared';
import { call, errorMessage } from '../../api/client';
import { useSession } from '../../auth/useSession';
import { downloadWorkbook } from './files';
import { OrgsNav } from './OrgsNav';

type Coverage = Awaited<ReturnType<typeof call<typeof routes.orgCoverage>>>;
const classColors: Record<CoverageClass, string> = { own: '#c8161d', joint: '#f08a24', liaison: '#3d7cc9', uncovered: '#bbbbbb' };
const statusLabels: Record<string, string> = { open: '待整改', in_progress: '整改中', resolved: '已整改待销号', closed: '已销号' };

/** One horizontal bar split by coverage class: the chart of the dashboard. */
function ClassBar({ byClass, total }: { byClass: Coverage['byClass']; total: number }) {
  return (
    <div className="class-bar" style={{ display: 'flex', height: 14, width: '100%', background: '#f0f0f0', borderRadius: 3, overflow: 'hidden' }}>
      {coverageClasses.map((c) => (byClass[c] ? <div key={c} title={`${coverageClassLabels[c]} ${byClass[c]}`} style={{ width: `${(byClass[c] / Math.max(total, 1)) * 100}%`, background: classColors[c] }} /> : null))}
    </div>
  );
}

/** 摸底与覆盖: figures that add up at every level, drill-down to one institution, the coverage rule, the gaps, census.xlsx. */
export default function CensusPage() {
  const session = useSession();
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const [data, setData] = useState<Coverage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const orgId = trail.at(-1)?.id ?? session?.user.orgId ?? undefined;

  const load = useCallback(async () => {
    if (!orgId) return;
    try {
      setData(await call(routes.orgCoverage, { params: { orgId } }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [orgId]);
  useEffect(() => void load(), [load]);
  const drill = (id: string, name: string) => setTrail((t) => [...(t.length ? t : [{ id: data!.orgId, name: data!.name }]), { id, name }]);

  const gapAction = async (id: string, status: 'in_progress' | 'closed') => {
    try {
      await call(routes.patchGap, { params: { gapId: id }, body: { status } });
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (!data) return <><OrgsNav />{error ? <Alert type="error" message={error} /> : <Card loading />}</>;
  const rows = [...data.children.map((c) => ({ ...c, key: c.id, isInstitution: false })), ...data.institutionRows.filter((i) => i.id !== data.orgId).map((i) => ({ ...i, key: i.id, isInstitution: true }))];
  return (
    <>
      <OrgsNav />
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Breadcrumb className="census-trail" items={(trail.length ? trail : [{ id: data.orgId, name: data.name }]).map((t, i, all) => ({
          title: i < all.length - 1 ? <a onClick={() => setTrail(all.slice(0, i + 1))}>{t.name}</a> : t.name,
        }))} />
        <Button icon={<DownloadOutlined />} onClick={() => void downloadWorkbook(`/admin/orgs/${data.orgId}/census.xlsx`, '摸底调查表.xlsx').catch((e) => setError(errorMessage(e)))}>导出摸底调查表</Button>
      </Space>
      {error ? <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={12} className="census-figures">
        <Col span={4}><Card size="small"><Statistic title="执业机构" value={data.institutions} suffix="家" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title="从业人员" value={data.practitioners} suffix="人" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title="党员（含预备）" value={data.members} suffix="人" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title="党员占比" value={(data.memberShare * 100).toFixed(1)} suffix="%" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title="党组织" value={Object.values(data.orgsByKind).reduce((a, b) => a + b, 0)} suffix="个" /></Card></Col>
        <Col span={4}><Card size="small"><Statistic title="缺口" value={data.gapCount} suffix="处" valueStyle={{ color: data.gapCount ? '#c8161d' : undefined }} /></Card></Col>
      </Row>
      <Card size="small" style={{ marginTop: 12 }} title="覆盖情况" extra={<span style={{ color: '#888' }}>规则：正式党员 ≥3 名单独组建；1–2 名联合组建；无党员选派党建指导员或联络员</span>}>
        <Space wrap style={{ marginBottom: 8 }}>{coverageClasses.map((c) => <Tag key={c} color={classColors[c]}>{coverageClassLabels[c]} {data.byClass[c]}</Tag>)}
          <span style={{ color: '#888' }}>应单独组建 {data.expectedByClass.own}，应联合组建 {data.expectedByClass.joint}，应选派 {data.expectedByClass.liaison}</span>
        </Space>
        <ClassBar byClass={data.byClass} total={data.institutions} />
        <Table className="census-children" size="small" style={{ marginTop: 12 }} pagination={{ pageSize: 8 }} dataSource={rows}
          onRow={(r) => ({ onClick: () => drill(r.id, r.name), style: { cursor: 'pointer' } })}
          columns={[
            { title: '名称', dataIndex: 'name', render: (n: string, r) => <a>{n}{r.isInstitution ? '' : ' ›'}</a> },
            { title: '机构/类型', render: (_, r) => ('institutionType' in r && r.isInstitution ? institutionTypeLabels[r.institutionType] : `${(r as { institutions: number }).institutions} 家`) },
            { title: '从业人员', dataIndex: 'practitioners', width: 90 },
            { title: '党员', dataIndex: 'members', width: 70 },
            { title: '覆盖', width: 260, render: (_, r) => ('byClass' in r ? <ClassBar byClass={r.byClass} total={r.institutions} /> : <Space><Tag>{coverageClassLabels[r.expected]}（应）</Tag><Tag color={classColors[r.actual]}>{coverageClassLabels[r.actual]}</Tag></Space>) },
          ]} />
      </Card>
      <Card size="small" style={{ marginTop: 12 }} title={`缺口清单（${data.gaps.length}）`}>
        <Table className="census-gaps" size="small" rowKey="id" pagination={{ pageSize: 6 }} dataSource={data.gaps}
          columns={[
            { title: '机构/党组织', dataIndex: 'name', width: 220 },
            { title: '缺口', dataIndex: 'kind', width: 200, render: (k: keyof typeof gapKindLabels) => gapKindLabels[k] },
            { title: '说明', dataIndex: 'detail' },
            { title: '期限', dataIndex: 'deadline', width: 110 },
            { title: '状态', dataIndex: 'status', width: 120, render: (s: string) => statusLabels[s] ?? s },
            { title: '', width: 150, render: (_, g) => (
              <Space>
                {g.status === 'open' ? <Button size="small" onClick={() => void gapAction(g.id, 'in_progress')}>开始整改</Button> : null}
                <Popconfirm title="缺口消除后才能销号，确定销号？" onConfirm={() => void gapAction(g.id, 'closed')}><Button size="small">销号</Button></Popconfirm>
              </Space>
            ) },
          ]} />
      </Card>
    </>
  );
}
