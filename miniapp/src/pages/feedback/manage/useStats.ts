import { useCallback, useEffect, useState } from 'react';
import { routes, type CampaignStats } from '@kaimen/shared';
import { call } from '../../../api/client';
import { errorMessage } from '../../../api/error';

/** A campaign's statistics (GET /admin/campaigns/{id}/stats). */
export function useStats(campaignId: string) {
  const [stats, setStats] = useState<CampaignStats | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!campaignId) return;
    setLoading(true);
    setError(null);
    try {
      setStats(await call(routes.campaignStats, { params: { campaignId } }));
    } catch (err) {
      setStats(null);
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [campaignId]);

  useEffect(() => {
    void load();
  }, [load]);

  return { stats, loading, error, reload: load };
}
