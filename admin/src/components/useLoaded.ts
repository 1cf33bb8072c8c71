import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';

/**
 * Data a page reads once and again after each change: `reload()` fetches it again; changing `deps`
 * fetches it afresh. `fetch` returning `undefined` (nothing to read yet, e.g. no org chosen) reads nothing.
 */
export function useLoaded<T>(fetch: () => Promise<T> | undefined, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const reload = useCallback(async () => {
    const pending = fetchRef.current();
    if (!pending) return;
    setLoading(true);
    try {
      setData(await pending);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { data, loading, error, setError, reload };
}
