import { useCallback, useEffect, useState } from 'react';
import { routes, type Campaign, type Page } from '@kaimen/shared';
import { call } from '../../../api/client';
import { errorMessage } from '../../../api/error';

const MAX_PAGES = 10;

/** Every campaign of the admin's org tree (a bureau has a handful; at most 1,000 are loaded). */
export function useAdminCampaigns(enabled = true) {
  const [items, setItems] = useState<Campaign[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const all: Campaign[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < MAX_PAGES; i++) {
        const page: Page<Campaign> = await call(routes.adminListCampaigns, { query: { limit: '100', ...(cursor ? { cursor } : {}) } });
        all.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      setItems(all);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);

  /** Puts a created or changed campaign into the list without reloading it. */
  const upsert = useCallback((c: Campaign) => {
    setItems((prev) => (prev.some((p) => p.id === c.id) ? prev.map((p) => (p.id === c.id ? c : p)) : [c, ...prev]));
  }, []);

  return { items, loading, error, reload: load, upsert };
}
