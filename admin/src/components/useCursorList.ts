import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@kaimen/shared';
import { errorMessage } from '../api/client';

/**
 * One page of a cursor-paginated list (`?limit=&cursor=` → `{ items, nextCursor }`), with the
 * cursors of the pages before it so 上一页 works. `reload()` fetches the current page again (after
 * every change); changing `deps` (filters) goes back to the first page.
 */
export function useCursorList<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, deps: readonly unknown[]) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [state, setState] = useState<{ items: T[]; next: string | null; loading: boolean; error: string | null }>({
    items: [], next: null, loading: true, error: null,
  });
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const [tick, setTick] = useState(0);
  const index = cursors.length - 1;

  useEffect(() => {
    setCursors([undefined]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fetchRef.current(cursors[index]).then(
      (p) => live && setState({ items: p.items, next: p.nextCursor, loading: false, error: null }),
      (err: unknown) => live && setState((s) => ({ ...s, loading: false, error: errorMessage(err) })),
    );
    return () => {
      live = false;
    };
  }, [cursors, index, tick]);

  return {
    ...state,
    page: index + 1,
    hasPrev: index > 0,
    hasNext: state.next !== null,
    next: useCallback(() => setCursors((c) => (state.next ? [...c, state.next] : c)), [state.next]),
    prev: useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []),
    reload: useCallback(() => setTick((t) => t + 1), []),
  };
}
