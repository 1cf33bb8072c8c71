import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { AdminFrame } from './manage/AdminFrame';
import { CampaignPicker } from './manage/CampaignPicker';
import { ImportPanel } from './manage/ImportPanel';
import { InboxFilters } from './manage/InboxFilters';
import { SuggestionCard } from './manage/SuggestionCard';
import { useAdminCampaigns } from './manage/useAdminCampaigns';
import { useExport } from './manage/useExport';
import { emptyFilter, useInbox, type InboxFilter } from './manage/useInbox';

function Inbox({ initialCampaignId, onChosen }: { initialCampaignId: string; onChosen: (campaignId: string) => void }) {
  const campaigns = useAdminCampaigns();
  const [campaignId, setCampaignId] = useState(initialCampaignId);
  const [filter, setFilter] = useState<InboxFilter>(emptyFilter);
  const [showImport, setShowImport] = useState(false);
  const chosen = campaignId || campaigns.items[0]?.id || '';
  // Tell the frame, so that its navigation stays on the campaign shown here.
  useEffect(() => onChosen(chosen), [chosen, onChosen]);
  const campaign = campaigns.items.find((c) => c.id === chosen);
  const inbox = useInbox(chosen, filter);
  const exporter = useExport(chosen, filter);
  const followUps = filter.followUp === 'pending';

  return (
    <>
      <div className="admin-toolbar">
        <span className="admin-title">意见收件箱</span>
        <CampaignPicker campaigns={campaigns.items} value={chosen} onChange={setCampaignId} />
      </div>
      <div className="admin-toolbar inbox-tabs">
        <button type="button" className={`admin-btn inbox-tab-all${followUps ? '' : ' admin-btn--primary'}`} onClick={() => setFilter({ ...filter, followUp: '' })}>
          全部意见
        </button>
        <button type="button" className={`admin-btn inbox-tab-follow-up${followUps ? ' admin-btn--primary' : ''}`} onClick={() => setFilter({ ...filter, followUp: 'pending' })}>
          不满意清零（待回访）
        </button>
        <span className="admin-title" />
        <button type="button" className="admin-btn inbox-import-toggle" disabled={!chosen} onClick={() => setShowImport(!showImport)}>
          导入线下意见
        </button>
        <button type="button" className="admin-btn inbox-export" disabled={!chosen || exporter.busy} onClick={() => void exporter.exportXlsx()}>
          {exporter.busy ? '导出中…' : '导出 Excel'}
        </button>
      </div>
      {exporter.error ? <div className="admin-error">{exporter.error}</div> : null}
      {campaigns.error ? <div className="admin-error">{campaigns.error}</div> : null}
      {showImport && chosen ? <ImportPanel campaignId={chosen} onImported={() => void inbox.reload()} /> : null}
      <InboxFilters key={chosen} campaign={campaign} value={filter} onApply={(f) => setFilter({ ...f, followUp: filter.followUp })} />
      <div className="muted inbox-notice">联系方式仅限本单位及下级单位管理员查看，每次查看均记入审计日志。</div>
      {inbox.error ? <div className="admin-error inbox-error">{inbox.error}</div> : null}
      {!inbox.loading && !inbox.error && inbox.items.length === 0 ? (
        <div className="admin-card muted inbox-empty">{followUps ? '没有待回访的不满意意见。' : '没有符合条件的意见建议。'}</div>
      ) : null}
      <div className="inbox-list">
        {inbox.items.map((s) => (
          <SuggestionCard key={s.id} suggestion={s} campaign={campaign} onChanged={inbox.replace} />
        ))}
      </div>
      {inbox.loading ? <div className="muted">加载中…</div> : null}
      {!inbox.loading && inbox.nextCursor ? (
        <button type="button" className="admin-btn inbox-more" onClick={() => void inbox.loadMore()}>
          加载更多
        </button>
      ) : null}
    </>
  );
}

/** H5 admin: one campaign's suggestions — filter, search, reply, mark, follow up, import, export. */
export default function InboxPage() {
  const campaignId = useRouter().params.campaignId ?? '';
  const [chosen, setChosen] = useState(campaignId);
  return (
    <AdminFrame current="inbox" campaignId={chosen}>
      {() => <Inbox initialCampaignId={campaignId} onChosen={setChosen} />}
    </AdminFrame>
  );
}
