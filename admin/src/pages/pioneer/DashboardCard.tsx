import { useEffect, useState } from 'react';
import { Card, Col, Row, Statistic, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { postKindLabels, postKinds, postLevelLabels, postLevels, routes } from '@kaimen/shared';
import { call } from '../../api/client';

type Stats = Awaited<ReturnType<typeof call<typeof routes.postStats>>>;
type Rollup = Awaited<ReturnType<typeof call<typeof routes.outcomeRollup>>>;

/** The 工作台's line on 先锋岗 (by kind and level) and this month's 办实事 figures, rolled up under the signed-in org. */
export function PioneerDashboardCard({ orgId }: { orgId: string }) {
  const [stats, setStats] = useState<Stats | null>(null);
  const [outcomes, setOutcomes] = useState<Rollup | null>(null);
  useEffect(() => {
    void call(routes.postStats, { params: { orgId } }).then(setStats).catch(() => setStats(null));
    void call(routes.outcomeRollup, { params: { orgId } }).then(setOutcomes).catch(() => setOutcomes(null));
  }, [orgId]);
  if (!stats && !outcomes) return null;
  return (
    <Card title="党员先锋岗 · 我为群众办实事" className="home-pioneer" style={{ marginTop: 16 }} extra={<Link to="/pioneer">审核与统计</Link>}>
      {stats ? (
        <>
          <Row gutter={8}>
            <Col span={6}><Statistic title="先锋岗（已公开）" value={stats.total} /></Col>
            <Col span={6}><Statistic title="待审核" value={stats.pending} /></Col>
            {outcomes ? <Col span={6}><Statistic title="本月法律援助（件）" value={outcomes.total.legalAidCases} /></Col> : null}
            {outcomes ? <Col span={6}><Statistic title="本月调解纠纷（件）" value={outcomes.total.disputesMediated} /></Col> : null}
          </Row>
          <div style={{ marginTop: 8 }}>
            {postKinds.map((k) => <Tag key={k}>{postKindLabels[k]} {stats.byKind[k]}</Tag>)}
            {postLevels.map((l) => <Tag key={l} color="red">{postLevelLabels[l]} {stats.byLevel[l]}</Tag>)}
          </div>
        </>
      ) : null}
    </Card>
  );
}
