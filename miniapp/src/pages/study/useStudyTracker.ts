import { studyRoutes } from '@kaimen/shared/study/routes';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { type LessonProgress } from '@kaimen/shared';
import { call } from '../../api/client';
import { errorMessage } from '../../api/error';

/** How often the time spent is reported: well inside the server's 60-second limit for one report. */
const REPORT_EVERY_SECONDS = 10;

export interface StudyTracker {
  credited: number;
  required: number;
  /** Seconds counted here and not yet reported. */
  pending: number;
  completed: boolean;
  notice: string | null;
  /** Whether time is being counted (article on screen, media playing). */
  setActive: (active: boolean) => void;
  setPosition: (seconds: number) => void;
  finish: () => Promise<void>;
}

/**
 * Counts the time a member really spends on a lesson and reports it as it happens. The server
 * decides what counts; the first report only starts its clock, so the count begins on opening.
 */
export function useStudyTracker(lessonId: string, initial: LessonProgress | null, activeByDefault: boolean): StudyTracker {
  const [credited, setCredited] = useState(0);
  const [required, setRequired] = useState(0);
  const [completed, setCompleted] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const pendingRef = useRef(0);
  const position = useRef(0);
  const active = useRef(activeByDefault);
  const visible = useRef(true);
  const sending = useRef(false);
  const sinceReport = useRef(0);
  // The server credits at most the time since its clock started, which is when the opening report
  // reached it: counting here before that answer claimed seconds the server had not seen, and a slow
  // network turned a timely 完成学习 into a refusal.
  const clockStarted = useRef(false);
  const retryFinish = useRef<ReturnType<typeof setTimeout>>();
  const finishRetryLeft = useRef(false);

  useEffect(() => {
    if (!initial) return;
    // Articles count while on screen; media only while playing (the player says so).
    active.current = activeByDefault;
    setCredited(initial.creditedSeconds);
    setRequired(initial.requiredSeconds);
    setCompleted(initial.completed);
    position.current = initial.position;
  }, [initial, activeByDefault]);

  // A tap on 完成学习 while a timed report is on its way is sent right after it, never dropped.
  const finishQueued = useRef(false);
  const report = useCallback(async (complete: boolean): Promise<void> => {
    if (!lessonId) return;
    if (sending.current) {
      if (complete) finishQueued.current = true;
      return;
    }
    sending.current = true;
    const seconds = pendingRef.current;
    try {
      const res = await call(studyRoutes.reportProgress, {
        params: { lessonId },
        body: { seconds, completed: complete, position: Math.floor(position.current) },
      });
      pendingRef.current = Math.max(0, pendingRef.current - seconds);
      setPending(pendingRef.current);
      setCredited(res.creditedSeconds);
      setRequired(res.requiredSeconds);
      setCompleted(res.completed);
      setNotice(res.notice ?? null);
      clockStarted.current = true;
      // A 完成学习 refused for a few seconds short (the network's delay) is sent once more when they have passed.
      const short = res.requiredSeconds - res.creditedSeconds;
      if (complete && !res.completed && finishRetryLeft.current && short <= REPORT_EVERY_SECONDS) {
        finishRetryLeft.current = false;
        clearTimeout(retryFinish.current);
        retryFinish.current = setTimeout(() => void report(true), (Math.max(0, short) + 1) * 1000);
      }
    } catch (err) {
      setNotice(errorMessage(err));
    } finally {
      sending.current = false;
      if (finishQueued.current) {
        finishQueued.current = false;
        void report(true);
      }
    }
  }, [lessonId]);

  // Opening the lesson starts the server's clock.
  useEffect(() => {
    if (initial) void report(false);
  }, [initial, report]);

  useEffect(() => {
    if (!initial) return undefined;
    const timer = setInterval(() => {
      if (!active.current || !visible.current) return;
      // Until the opening report has answered nothing is counted; a failed one is sent again here.
      if (clockStarted.current) {
        pendingRef.current += 1;
        setPending(pendingRef.current);
      }
      sinceReport.current += 1;
      if (sinceReport.current >= REPORT_EVERY_SECONDS) {
        sinceReport.current = 0;
        void report(false);
      }
    }, 1000);
    return () => {
      clearInterval(timer);
      clearTimeout(retryFinish.current);
      if (pendingRef.current > 0) void report(false);
    };
  }, [initial, report]);

  useDidHide(() => {
    visible.current = false;
    if (pendingRef.current > 0) void report(false);
  });
  useDidShow(() => {
    visible.current = true;
  });

  return {
    credited, required, pending, completed, notice,
    setActive: (a) => {
      active.current = a;
    },
    setPosition: (s) => {
      position.current = s;
    },
    finish: () => {
      finishRetryLeft.current = true;
      return report(true);
    },
  };
}
