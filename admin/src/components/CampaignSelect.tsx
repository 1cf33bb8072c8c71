import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { routes, type Campaign } from '@kaimen/shared';
import { call } from '../api/client';

/** Picks one of the admin's campaigns by title (newest first); picks the first when none is chosen. */
export function CampaignSelect({ value, onChange }: { value?: string; onChange: (id: string) => void }) {
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  useEffect(() => {
    let live = true;
    call(routes.adminListCampaigns, { query: { limit: '100' } }).then(
      (p) => live && setCampaigns(p.items),
      () => live && setCampaigns([]),
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!value && campaigns && campaigns[0]) onChange(campaigns[0].id);
  }, [value, campaigns, onChange]);
  return (
    <Select className="campaign-select" value={value} onChange={onChange} loading={campaigns === null} style={{ width: 420 }}
      placeholder="选择征求意见活动" showSearch optionFilterProp="label"
      options={(campaigns ?? []).map((c) => ({ value: c.id, label: c.title }))} notFoundContent="暂无活动" />
  );
}
