import { useCallback, useEffect, useState } from 'react';
import { routes, type Campaign } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';

export interface CampaignState {
  campaign: Campaign | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** One published campaign (public: no sign-in needed). */
export function useCampaign(campaignId: string): CampaignState {
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!campaignId) {
      setLoading(false);
      setError('缺少活动编号，请从活动列表进入');
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setCampaign(await call(routes.getCampaign, { params: { campaignId } }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [campaignId]);

  useEffect(() => {
    void load();
  }, [load]);

  return { campaign, loading, error, reload: load };
}
