import { useCallback, useEffect, useState } from 'react';
import { routes, type Infer } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';

export type PublicChecklist = Infer<typeof routes.publicChecklist.response>;

/** A campaign's published checklist (public: no sign-in needed). */
export function usePublicChecklist(campaignId: string) {
  const [data, setData] = useState<PublicChecklist | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!campaignId) {
      setLoading(false);
      setError('缺少活动编号，请从活动页面进入');
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setData(await call(routes.publicChecklist, { params: { campaignId } }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [campaignId]);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, loading, error, reload: load };
}
