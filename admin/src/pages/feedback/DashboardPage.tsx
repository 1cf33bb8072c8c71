import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Space, Statistic } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ratingLabels, routes, type CampaignStats } from '@kaimen/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { call, errorMessage } from '../../api/client';
import { CampaignSelect } from '../../components/CampaignSelect';
import { Chart } from './Chart';
import { FeedbackNav, useCampaignParam } from './FeedbackNav';

const RED = '#c8161d';
const ratingColors = { satisfied: '#389e0d', basically_satisfied: '#faad14', unsatisfied: RED } as const;
const aria = { enabled: true, decal: { show: false } };

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

function barOption(bars: { label: string; count: number }[], horizontal: boolean, title: string): EChartsCoreOption {
  const labels = bars.map((b) => b.label);
  const values = bars.map((b) => b.count);
  const category = { type: 'category', data: horizontal ? [...labels].reverse() : labels, axisLabel: { interval: 0, width: horizontal ? 96 : 72, overflow: horizontal ? 'truncate' : 'break' } };
  const value = { type: 'value', minInterval: 1 };
  return {
    aria: { ...aria, label: { description: `${title}：${bars.map((b) => `${b.label} ${b.count} 条`).join('，')}` } },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 16, bottom: horizontal ? 8 : 20, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [{ type: 'bar', name: '意见数', data: horizontal ? [...values].reverse() : values, itemStyle: { color: RED }, barMaxWidth: 28, label: { show: true, position: horizontal ? 'right' : 'top' } }],
  };
}

function options(stats: CampaignStats): Record<string, EChartsCoreOption> {
  const s = stats.satisfaction;
  const parts = (['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((k) => ({ name: ratingLabels[k], value: s[k], itemStyle: { color: ratingColors[k] } }));
  return {
    perDay: {
      aria: { ...aria, label: { description: `每日意见数：${stats.perDay.map((d) => `${d.date} ${d.count} 条`).join('，')}` } },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 24, bottom: stats.perDay.length > 31 ? 48 : 8, containLabel: true },
      xAxis: { type: 'category', data: stats.perDay.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      ...(stats.perDay.length > 31 ? { dataZoom: [{ type: 'slider', start: 100 - (31 / stats.perDay.length) * 100, end: 100 }] } : {}),
      series: [{ type: 'bar', name: '意见数', data: stats.perDay.map((d) => d.count), itemStyle: { color: RED }, barMaxWidth: 32 }],
    },
    perCategory: barOption(stats.perCategory, true, '按类别'),
    perStatus: barOption(stats.perStatus, false, '按办理状态'),
    perChannel: {
      aria: { ...aria, label: { description: `按渠道：${stats.perChannel.map((c) => `${c.label} ${c.count} 条`).join('，')}` } },
      tooltip: { trigger: 'item', formatter: '{b}：{c} 条（{d}%）' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: stats.perChannel.map((c) => ({ name: c.label, value: c.count })), label: { formatter: '{b} {c}' } }],
    },
    satisfaction: {
      aria: { ...aria, label: { description: `满意度：${parts.map((p) => `${p.name} ${p.value} 条`).join('，')}` } },
      tooltip: { trigger: 'item', formatter: '{b}：{c} 条（{d}%）' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: parts, label: { formatter: '{b} {c}' } }],
    },
  };
}

/** A campaign's figures and charts: per day, category, channel and status; satisfaction and follow-ups. */
export default function DashboardPage() {
  const [campaignId, setCampaignId] = useCampaignParam();
  const [stats, setStats] = useState<CampaignStats | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!campaignId) return;
    setLoading(true);
    try {
      setStats(await call(routes.campaignStats, { params: { campaignId } }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [campaignId]);

  useEffect(() => {
    setStats(null);
    void load();
  }, [load]);

  const charts = useMemo(() => (stats ? options(stats) : null), [stats]);
  const figures = stats ? [
    { key: 'total', title: '意见总数', value: String(stats.total) },
    { key: 'replied', title: '已答复', value: String(stats.replied) },
    { key: 'rated', title: '已评价', value: String(stats.rated) },
    { key: 'rate', title: '满意率（满意 + 基本满意）', value: percent(stats.satisfaction.rate) },
    { key: 'follow-ups', title: '不满意待回访', value: String(stats.followUpsPending) },
  ] : [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="dashboard">
      <FeedbackNav />
      <Card size="small" title={<Space>数据看板<CampaignSelect value={campaignId} onChange={setCampaignId} /></Space>}
        extra={<Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()} className="dashboard-reload">刷新</Button>}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Row gutter={16}>
          {figures.map((f) => (
            <Col key={f.key} flex="1 1 0" className={`dashboard-figure dashboard-figure--${f.key}`}>
              <Statistic title={f.title} value={f.value} valueStyle={f.key === 'follow-ups' && stats?.followUpsPending ? { color: RED } : undefined} />
            </Col>
          ))}
        </Row>
      </Card>
      {charts && (
        <>
          <Card size="small" title="每日意见数" className="dashboard-per-day"><Chart option={charts.perDay!} height={260} /></Card>
          <Row gutter={[16, 16]}>
            <Col span={12}><Card size="small" title="按类别" className="dashboard-per-category"><Chart option={charts.perCategory!} height={Math.max(240, stats!.perCategory.length * 26)} /></Card></Col>
            <Col span={12}><Card size="small" title="按渠道" className="dashboard-per-channel"><Chart option={charts.perChannel!} height={Math.max(240, stats!.perCategory.length * 26)} /></Card></Col>
            <Col span={12}><Card size="small" title="按办理状态" className="dashboard-per-status"><Chart option={charts.perStatus!} /></Card></Col>
            <Col span={12}>
              <Card size="small" title="满意度" className="dashboard-satisfaction">
                {stats!.rated > 0 ? <Chart option={charts.satisfaction!} /> : <Empty className="dashboard-no-ratings" description="还没有群众评价答复" style={{ height: 280, paddingTop: 80, margin: 0 }} />}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
