import { feedbackRoutes } from '@kaimen/shared/feedback/routes';
import { useCallback, useEffect, useState } from 'react';
import { type Campaign } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';

export interface OpenCampaigns {
  items: Campaign[];
  nextCursor: string | null;
  loading: boolean;
  /** The problem's `detail` when the last load failed. */
  error: string | null;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/** Open campaigns (征求意见活动), page by page. Public: no sign-in needed. */
export function useOpenCampaigns(): OpenCampaigns {
  const [items, setItems] = useState<Campaign[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (cursor: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await call(feedbackRoutes.listCampaigns, { query: { status: 'open', ...(cursor ? { cursor } : {}) } });
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items,
    nextCursor,
    loading,
    error,
    reload: () => load(null),
    loadMore: () => (nextCursor ? load(nextCursor) : Promise.resolve()),
  };
}
