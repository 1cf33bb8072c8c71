import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/error';

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/**
 * Loads something for a page keyed by `key` (a campaign id…), with loading and error states in
 * Chinese. An empty key shows `missing` instead of calling the API.
 */
export function useLoad<T>(key: string, fetch: (key: string) => Promise<T>, missing: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  // Callers pass a module-level `fetch` and a constant `missing`, so only the key changes.
  const load = useCallback(async () => {
    if (!key) {
      setLoading(false);
      setError(missing);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setData(await fetch(key));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [key, fetch, missing]);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, loading, error, reload: load };
}
