import { useEffect, useState } from 'react';
import { MAX_LIMIT, routes, type AdminQuestion } from '@kaimen/shared';
import { call } from '../../../api/client';
import { errorMessage } from '../../../api/error';

/** Pages read at most (100 each): a bank larger than this is shown truncated. */
const MAX_PAGES = 20;

/** Every question of a bank (answers included), following `nextCursor`; reloads when `version` changes. */
export function useBankQuestions(bankId: string, version = 0) {
  const [questions, setQuestions] = useState<AdminQuestion[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    setQuestions([]);
    setError(null);
    if (!bankId) return undefined;
    setLoading(true);
    void (async () => {
      const all: AdminQuestion[] = [];
      try {
        let cursor: string | undefined;
        for (let i = 0; i < MAX_PAGES; i++) {
          const page = await call(routes.listQuestions, {
            params: { bankId },
            query: { limit: String(MAX_LIMIT), ...(cursor ? { cursor } : {}) },
          });
          all.push(...page.items);
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        if (alive) setQuestions(all);
      } catch (err) {
        if (alive) setError(errorMessage(err));
      } finally {
        if (alive) setLoading(false);
      }
    })();
    return () => {
      alive = false;
    };
  }, [bankId, version]);

  return { questions, loading, error };
}
