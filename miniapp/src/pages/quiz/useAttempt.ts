import { quizRoutes } from '@kaimen/shared/quiz/routes';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type AttemptResult, type AttemptStarted } from '@kaimen/shared';
import { call } from '../../api/client';
import { ApiError, errorMessage } from '../../api/error';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface AttemptState {
  attempt: AttemptStarted | null;
  answers: Record<string, string[]>;
  /** Milliseconds left by the server's clock. */
  remainingMs: number;
  loadError: string | null;
  saveState: SaveState;
  submitting: boolean;
  submitError: string | null;
  choose: (questionId: string, letters: string[]) => void;
  submit: () => Promise<AttemptResult | 'already-graded' | null>;
}

const SAVE_DELAY_MS = 600;

/**
 * One attempt at a quiz: starts it (or resumes the one in progress), saves answers as the member
 * goes, counts down to the server's deadline (corrected for the phone's clock) and submits.
 */
export function useAttempt(quizId: string, started: boolean): AttemptState {
  const [attempt, setAttempt] = useState<AttemptStarted | null>(null);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const offset = useRef(0);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<Record<string, string[]>>({});

  // Only once the member has read the rules and said 开始答题: starting uses up an attempt.
  useEffect(() => {
    if (!started) return undefined;
    let live = true;
    call(quizRoutes.startAttempt, { params: { quizId } })
      .then((a) => {
        if (!live) return;
        offset.current = Date.parse(a.serverTime) - Date.now();
        latest.current = a.answers;
        setAnswers(a.answers);
        setAttempt(a);
      })
      .catch((err: unknown) => live && setLoadError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [quizId, started]);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const save = useCallback(async () => {
    if (!attempt) return;
    seq.current += 1;
    setSaveState('saving');
    try {
      await call(quizRoutes.saveAnswers, { params: { attemptId: attempt.attemptId }, body: { answers: latest.current, seq: seq.current } });
      setSaveState('saved');
    } catch {
      setSaveState('failed');
    }
  }, [attempt]);

  const choose = useCallback((questionId: string, letters: string[]) => {
    const next = { ...latest.current, [questionId]: letters };
    if (letters.length === 0) delete next[questionId];
    latest.current = next;
    setAnswers(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [save]);

  const submit = useCallback(async () => {
    if (!attempt) return null;
    if (timer.current) clearTimeout(timer.current);
    setSubmitting(true);
    setSubmitError(null);
    try {
      return await call(quizRoutes.submitAttempt, {
        params: { attemptId: attempt.attemptId }, body: { answers: latest.current }, idempotencyKey: `submit-${attempt.attemptId}`,
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') return 'already-graded';
      setSubmitError(errorMessage(err));
      return null;
    } finally {
      setSubmitting(false);
    }
  }, [attempt]);

  const remainingMs = attempt ? Date.parse(attempt.deadline) - (now + offset.current) : 0;
  return { attempt, answers, remainingMs, loadError, saveState, submitting, submitError, choose, submit };
}
