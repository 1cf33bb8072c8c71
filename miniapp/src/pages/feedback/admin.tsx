import { useState } from 'react';
import type { Campaign } from '@kaimen/shared';
import { AdminFrame } from './manage/AdminFrame';
import { CampaignForm } from './manage/CampaignForm';
import { CampaignTable } from './manage/CampaignTable';
import { PosterPanel } from './manage/PosterPanel';
import { useAdminCampaigns } from './manage/useAdminCampaigns';

type Panel = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; campaign: Campaign } | { kind: 'poster'; campaign: Campaign };

function CampaignAdmin({ defaultOrgId }: { defaultOrgId: string }) {
  const { items, loading, error, reload, upsert } = useAdminCampaigns();
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const close = () => setPanel({ kind: 'none' });
  const saved = (c: Campaign) => {
    upsert(c);
    close();
  };

  return (
    <>
      <div className="admin-toolbar">
        <span className="admin-title">征求意见活动</span>
        <button type="button" className="admin-btn campaign-reload" onClick={() => void reload()}>
          刷新
        </button>
        <button type="button" className="admin-btn admin-btn--primary campaign-create" onClick={() => setPanel({ kind: 'create' })}>
          新建活动
        </button>
      </div>
      {panel.kind === 'create' ? <CampaignForm defaultOrgId={defaultOrgId} onSaved={saved} onCancel={close} /> : null}
      {panel.kind === 'edit' ? <CampaignForm key={panel.campaign.id} campaign={panel.campaign} defaultOrgId={defaultOrgId} onSaved={saved} onCancel={close} /> : null}
      {panel.kind === 'poster' ? <PosterPanel campaign={panel.campaign} onClose={close} /> : null}
      {error ? <div className="admin-error">{error}</div> : null}
      {loading ? <div className="muted">加载中…</div> : null}
      {!loading && !error && items.length === 0 ? <div className="muted campaign-empty">本单位及下级单位还没有征求意见活动。</div> : null}
      {items.length > 0 ? (
        <CampaignTable
          campaigns={items}
          onChanged={upsert}
          onEdit={(campaign) => setPanel({ kind: 'edit', campaign })}
          onPoster={(campaign) => setPanel({ kind: 'poster', campaign })}
        />
      ) : null}
    </>
  );
}

/** H5 admin: the campaigns of the admin's org tree — create, edit, open, close, share, poster. */
export default function CampaignAdminPage() {
  return <AdminFrame current="admin">{(session) => <CampaignAdmin defaultOrgId={session.user.orgId ?? ''} />}</AdminFrame>;
}
