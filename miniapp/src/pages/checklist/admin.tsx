import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { channelLabels, routes, type AdminItem, type Campaign } from '@kaimen/shared';
import { call } from '../../api/client';
import { StatusBlock } from '../../components/StatusBlock';
import { useRequireSession } from '../../hooks/useSession';
import { ItemEditor } from './ItemEditor';
import { campaignIdOf, checklistUrl } from './links';
import { useAdminChecklist } from './useAdminChecklist';
import './admin.scss';

const label = (k: string) => (channelLabels as Record<string, string>)[k] ?? k;
const channelsText = (c: Record<string, number>) => Object.entries(c).map(([k, n]) => `${label(k)} ${n}`).join('，');

function useCampaigns() {
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  useEffect(() => {
    call(routes.adminListCampaigns, { query: { limit: '100' } }).then((p) => setCampaigns(p.items)).catch(() => setCampaigns([]));
  }, []);
  return campaigns;
}

function ItemTable({ items, selected, onSelect }: { items: AdminItem[]; selected: string | null; onSelect: (id: string) => void }) {
  return (
    <table className="checklist-table">
      <thead>
        <tr>
          <th>序号</th><th>问题描述</th><th>类别</th><th>意见数</th><th>渠道</th><th>热度</th><th>责任单位</th><th>完成时限</th><th>状态</th><th>公开</th><th />
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => (
          <tr key={item.id} className={`checklist-row${item.id === selected ? ' checklist-row--selected' : ''}`} data-item-id={item.id}>
            <td>{i + 1}</td>
            <td className="checklist-row__title">
              {item.title}
              {item.locked ? <span className="ck-badge">已锁定</span> : null}
              <div className="muted">{item.keywords.slice(0, 4).join(' · ')}</div>
            </td>
            <td>{item.categoryLabel}</td>
            <td className="checklist-row__count">{item.suggestionCount}</td>
            <td className="muted">{channelsText(item.channels)}</td>
            <td>{item.heat.toFixed(1)}</td>
            <td>{item.owner ?? '—'}</td>
            <td>
              {item.deadline ?? '—'}
              {item.overdue ? <span className="ck-badge ck-badge--danger checklist-overdue">逾期</span> : null}
            </td>
            <td className="checklist-row__status">{item.statusLabel}</td>
            <td className="checklist-row__published">{item.published ? '已公开' : '未公开'}</td>
            <td>
              <button type="button" className="ck-btn checklist-edit" onClick={() => onSelect(item.id)}>编辑</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChecklistAdmin({ initialCampaignId }: { initialCampaignId: string }) {
  const campaigns = useCampaigns();
  const [campaignId, setCampaignId] = useState(initialCampaignId);
  const [selected, setSelected] = useState<string | null>(null);
  const c = useAdminChecklist(campaignId);
  useEffect(() => {
    if (!campaignId && campaigns[0]) setCampaignId(campaigns[0].id);
  }, [campaignId, campaigns]);
  const item = c.items.find((i) => i.id === selected) ?? null;

  return (
    <>
      <div className="checklist-toolbar">
        <span className="checklist-toolbar__title">整改清单</span>
        <select className="checklist-campaign" value={campaignId} onChange={(e) => { setCampaignId(e.target.value); setSelected(null); }}>
          {campaignId ? null : <option value="">请选择活动</option>}
          {campaigns.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
          {campaignId && !campaigns.some((x) => x.id === campaignId) ? <option value={campaignId}>{campaignId}</option> : null}
        </select>
        <span className="muted checklist-pending">待归并 {c.pending} 条</span>
        <button type="button" className="ck-btn ck-btn--primary checklist-run-tally" disabled={!campaignId || c.busy} onClick={() => void c.runTally()}>立即归并</button>
        <button type="button" className="ck-btn checklist-ledger" disabled={!campaignId || c.busy} onClick={() => void c.downloadLedger()}>下载台账（Excel）</button>
        <button type="button" className="ck-btn checklist-reload" disabled={!campaignId} onClick={() => void c.reload()}>刷新</button>
        {campaignId ? <a className="checklist-public-link" href={`#${checklistUrl('public', campaignId)}`} target="_blank" rel="noreferrer">查看公开页面</a> : null}
      </div>
      {c.run ? (
        <div className="checklist-progress" role="progressbar" aria-valuemin={0} aria-valuemax={c.run.total} aria-valuenow={c.run.processed}>
          <div className="checklist-progress__bar" style={{ width: `${c.run.total ? Math.min(100, (100 * c.run.processed) / c.run.total) : 0}%` }} />
          <span className="checklist-progress__text">正在归并 {c.run.processed}/{c.run.total} 条</span>
        </div>
      ) : null}
      {c.notice ? <div className="checklist-notice">{c.notice}</div> : null}
      {c.error ? <div className="checklist-error">{c.error}</div> : null}
      {c.loading && c.items.length === 0 ? <div className="muted">加载中…</div> : null}
      {!c.loading && campaignId && c.items.length === 0 ? <div className="muted checklist-empty">还没有整改事项：意见提交后，每 15 分钟自动归并一次，也可点击“立即归并”。</div> : null}
      <div className="checklist-layout">
        {c.items.length > 0 ? <ItemTable items={c.items} selected={selected} onSelect={setSelected} /> : null}
        {item ? (
          <ItemEditor
            key={`${item.id}-${item.notes.length}-${item.suggestionCount}`}
            item={item}
            others={c.items.filter((o) => o.id !== item.id)}
            busy={c.busy}
            onSave={(body) => c.patch(item.id, body)}
            onMerge={(from) => c.merge(item.id, from)}
            onMove={(sid, to) => c.move(sid, to)}
            onClose={() => setSelected(null)}
          />
        ) : null}
      </div>
    </>
  );
}

/** H5 admin: a campaign's remediation checklist (整改清单 / 台账) — regroup, assign, track, publish, export. */
export default function ChecklistAdminPage() {
  const session = useRequireSession();
  const initial = campaignIdOf(useRouter().params);
  if (!session) return <View className="checklist-admin" />;
  if (!session.user.roles.includes('admin')) {
    return (
      <View className="checklist-admin">
        <StatusBlock className="checklist-forbidden" tone="error" title="需要管理员权限" description="请使用单位管理员账号登录后再访问。" />
      </View>
    );
  }
  return (
    <View className="checklist-admin">
      <ChecklistAdmin initialCampaignId={initial} />
    </View>
  );
}
