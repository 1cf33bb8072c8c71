import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';

/** A whole (unpaged) list answered as `{ items }`, reloaded after every change. */
export function useItems<T>(fetch: () => Promise<{ items: T[] }>) {
  const [state, setState] = useState<{ items: T[]; loading: boolean; error: string | null }>({ items: [], loading: true, error: null });
  const load = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    fetch().then(
      (r) => setState({ items: r.items, loading: false, error: null }),
      (err: unknown) => setState((s) => ({ ...s, loading: false, error: errorMessage(err) })),
    );
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [load]);
  return { ...state, reload: load };
}
