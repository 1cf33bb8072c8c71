import { feedbackRoutes } from '@kaimen/shared/feedback/routes';
import { useCallback, useRef, useState } from 'react';
import { type Rating, type Tracked } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { ApiError, errorMessage } from '../../api/error';
import { normaliseTrackingCode } from './format';

/** A suggestion looked up by its tracking code, and its one-time rating. */
export function useTracking() {
  const [code, setCode] = useState('');
  const [tracked, setTracked] = useState<Tracked | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const lookUp = useCallback(async (input: string) => {
    const trackingCode = normaliseTrackingCode(input);
    if (!trackingCode) {
      setError('请输入查询码');
      return;
    }
    setCode(trackingCode);
    setLoading(true);
    setError(null);
    try {
      setTracked(await call(feedbackRoutes.trackSuggestion, { params: { trackingCode } }));
    } catch (err) {
      setTracked(null);
      setError(err instanceof ApiError && err.code === 'NOT_FOUND' ? '未找到该查询码对应的意见建议，请核对后重试' : errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  return { code, tracked, setTracked, loading, error, lookUp };
}

/** The rating form's submission: one Idempotency-Key per rating chosen, so a retry never rates twice. */
export function useRating(trackingCode: string, onRated: (t: Tracked) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const rate = async (rating: Rating | null, comment: string) => {
    if (!rating) {
      setError('请选择满意程度');
      return;
    }
    const body = comment.trim() ? { rating, comment: comment.trim() } : { rating };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    setBusy(true);
    setError(null);
    try {
      onRated(await call(feedbackRoutes.rateSuggestion, { params: { trackingCode }, body, idempotencyKey: attempt.current.key }));
    } catch (err) {
      setError((err instanceof ApiError && (err.fieldError('comment') ?? err.fieldError('rating'))) || errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, rate };
}
