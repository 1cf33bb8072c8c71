import { useCallback, useEffect, useState } from 'react';
import { routes, type AdminItem, type InferIn, type TallyRun } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';
import { download, saveBlob } from '../../api/files';

export type ItemPatch = InferIn<typeof routes.patchChecklistItem.body>;

/** A campaign's checklist for its admins, and every action on it. Each action reloads the list. */
export function useAdminChecklist(campaignId: string) {
  const [items, setItems] = useState<AdminItem[]>([]);
  const [pending, setPending] = useState(0);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The tally run in progress (for the progress bar), null when none. */
  const [run, setRun] = useState<TallyRun | null>(null);

  const load = useCallback(async () => {
    if (!campaignId) return;
    setLoading(true);
    setError(null);
    try {
      const res = await call(routes.adminChecklist, { params: { campaignId } });
      setItems(res.items);
      setPending(res.pending);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [campaignId]);

  useEffect(() => {
    setItems([]);
    void load();
  }, [load]);

  /** Runs one action; its message on success, the server's problem on failure. True when it succeeded. */
  const act = useCallback(async (action: () => Promise<string | null>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
      await load();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, [load]);

  return {
    items, pending, loading, busy, error, notice, run, reload: load,
    runTally: () => act(async () => {
      const { runId } = await call(routes.runTally, { params: { campaignId } });
      try {
        for (;;) {
          const r = await call(routes.tallyRun, { params: { runId } });
          setRun(r);
          if (r.status === 'failed') {
            setError(r.error ?? '归并失败，请重新归并');
            return null;
          }
          if (r.status === 'done') return `已归并 ${r.processed} 条新意见：新增 ${r.newItems} 项，更新 ${r.updatedItems} 项`;
          await new Promise((resolve) => setTimeout(resolve, 700));
        }
      } finally {
        setRun(null);
      }
    }),
    patch: (itemId: string, body: ItemPatch) => act(async () => {
      await call(routes.patchChecklistItem, { params: { itemId }, body });
      return '已保存';
    }),
    merge: (intoId: string, from: string) => act(async () => {
      await call(routes.mergeChecklistItems, { params: { itemId: intoId }, body: { from } });
      return '已合并';
    }),
    move: (suggestionId: string, toItemId?: string) => act(async () => {
      await call(routes.moveSuggestionToItem, { params: { suggestionId }, body: toItemId ? { toItemId } : {} });
      return toItemId ? '已移到所选事项' : '已单独成项';
    }),
    downloadLedger: () => act(async () => {
      saveBlob(await download(routes.checklistLedger, { params: { campaignId } }), `整改台账-${campaignId}.xlsx`);
      return null;
    }),
  };
}
