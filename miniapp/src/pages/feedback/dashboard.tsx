import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { ratingLabels, type CampaignStats } from '@kaimen/shared';
import { AdminFrame } from './manage/AdminFrame';
import { CampaignPicker } from './manage/CampaignPicker';
import { BarList, DayColumns, StackedBar } from './manage/Charts';
import { useAdminCampaigns } from './manage/useAdminCampaigns';
import { useStats } from './manage/useStats';

const ratingColors = { satisfied: '#1a7f37', basically_satisfied: '#e6a23c', unsatisfied: '#c8161d' } as const;

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

function Figures({ stats }: { stats: CampaignStats }) {
  const figures = [
    { key: 'total', label: '意见总数', value: String(stats.total) },
    { key: 'replied', label: '已答复', value: String(stats.replied) },
    { key: 'rated', label: '已评价', value: String(stats.rated) },
    { key: 'rate', label: '满意率（满意 + 基本满意）', value: percent(stats.satisfaction.rate) },
    { key: 'follow-ups', label: '不满意待回访', value: String(stats.followUpsPending) },
  ];
  return (
    <div className="dashboard-figures">
      {figures.map((f) => (
        <div key={f.key} className={`admin-card dashboard-figure dashboard-figure--${f.key}`}>
          <span className="dashboard-figure__value">{f.value}</span>
          <span className="muted">{f.label}</span>
        </div>
      ))}
    </div>
  );
}

function Dashboard({ initialCampaignId, onChosen }: { initialCampaignId: string; onChosen: (campaignId: string) => void }) {
  const campaigns = useAdminCampaigns();
  const [campaignId, setCampaignId] = useState(initialCampaignId);
  const chosen = campaignId || campaigns.items[0]?.id || '';
  // Tell the frame, so that its navigation stays on the campaign shown here.
  useEffect(() => onChosen(chosen), [chosen, onChosen]);
  const { stats, loading, error, reload } = useStats(chosen);
  const s = stats?.satisfaction;

  return (
    <>
      <div className="admin-toolbar">
        <span className="admin-title">意见统计</span>
        <CampaignPicker campaigns={campaigns.items} value={chosen} onChange={setCampaignId} />
        <button type="button" className="admin-btn dashboard-reload" onClick={() => void reload()}>
          刷新
        </button>
      </div>
      {error || campaigns.error ? <div className="admin-error">{error ?? campaigns.error}</div> : null}
      {loading && !stats ? <div className="muted">加载中…</div> : null}
      {stats && s ? (
        <div className="dashboard">
          <Figures stats={stats} />
          <div className="admin-card dashboard-per-day">
            <div className="admin-title">每日意见数</div>
            <DayColumns days={stats.perDay} />
          </div>
          <div className="dashboard-grid">
            <div className="admin-card dashboard-per-category">
              <div className="admin-title">按类别</div>
              <BarList bars={stats.perCategory} />
            </div>
            <div className="admin-card dashboard-per-channel">
              <div className="admin-title">按渠道</div>
              <BarList bars={stats.perChannel} />
            </div>
            <div className="admin-card dashboard-per-status">
              <div className="admin-title">按办理状态</div>
              <BarList bars={stats.perStatus} />
            </div>
            <div className="admin-card dashboard-satisfaction">
              <div className="admin-title">满意度</div>
              <StackedBar
                parts={(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((k) => ({ key: k, label: ratingLabels[k], count: s[k], color: ratingColors[k] }))}
              />
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}

/** H5 admin: a campaign's charts — per day, category, channel and status; satisfaction. */
export default function DashboardPage() {
  const campaignId = useRouter().params.campaignId ?? '';
  const [chosen, setChosen] = useState(campaignId);
  return (
    <AdminFrame current="dashboard" campaignId={chosen}>
      {() => <Dashboard initialCampaignId={campaignId} onChosen={setChosen} />}
    </AdminFrame>
  );
}
