import { useCallback, useEffect, useState } from 'react';
import { routes, type AdminSuggestion, type InferIn, type Page } from '@kaimen/shared';
import { call } from '../../../api/client';
import { errorMessage } from '../../../api/error';

/** The inbox query as the page holds it: every filter a string, empty meaning "any". */
export interface InboxFilter {
  category: string;
  status: string;
  channel: string;
  from: string;
  to: string;
  q: string;
  moderation: string;
  followUp: string;
}

type InboxQueryIn = InferIn<typeof routes.adminListSuggestions.query>;

export const emptyFilter: InboxFilter = { category: '', status: '', channel: '', from: '', to: '', q: '', moderation: '', followUp: '' };

/** The filter as query parameters: empty ones left out. */
export function filterQuery(f: InboxFilter): InboxQueryIn {
  // The select boxes offer only the contract's values; the typed client checks them with the route's schema anyway.
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()])) as InboxQueryIn;
}

/** One campaign's suggestions with contact data (every load is written to the audit log by the API). */
export function useInbox(campaignId: string, filter: InboxFilter) {
  const [items, setItems] = useState<AdminSuggestion[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (cursor: string | null) => {
    if (!campaignId) return;
    setLoading(true);
    setError(null);
    try {
      const query = { ...filterQuery(filter), ...(cursor ? { cursor } : {}) };
      const page: Page<AdminSuggestion> = await call(routes.adminListSuggestions, { params: { campaignId }, query });
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (err) {
      if (!cursor) setItems([]);
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [campaignId, filter]);

  useEffect(() => {
    void load(null);
  }, [load]);

  const replace = useCallback((s: AdminSuggestion) => setItems((prev) => prev.map((p) => (p.id === s.id ? s : p))), []);

  return { items, nextCursor, loading, error, reload: () => load(null), loadMore: () => (nextCursor ? load(nextCursor) : Promise.resolve()), replace };
}
