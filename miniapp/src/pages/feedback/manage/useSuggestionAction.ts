import { useState } from 'react';
import type { AdminSuggestion } from '@kaimen/shared';
import { ApiError, errorMessage } from '../../../api/error';

/** Runs one admin action on a suggestion and hands the changed suggestion back. */
export function useSuggestionAction(onChanged: (s: AdminSuggestion) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<AdminSuggestion>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      return true;
    } catch (err) {
      setError((err instanceof ApiError && err.problem.errors?.[0]?.message) || errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, run };
}
