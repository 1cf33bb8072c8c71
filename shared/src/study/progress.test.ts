import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  acceptReport, creditCapSeconds, lessonLengthSeconds, MAX_REPORT_GAP_SECONDS, MIN_LESSON_SECONDS, requiredSeconds, textLength, type StudyState,
} from './progress';

const limits = { capSeconds: 120, requiredSeconds: 80 };
const T0 = 1_750_000_000_000;

describe('lesson length', () => {
  it('reads the visible text of an article at 500 characters a minute', () => {
    expect(textLength('<p>学习 <b>贯彻</b>&nbsp;精神</p>')).toBe(7);
    expect(lessonLengthSeconds({ kind: 'article', body: `<p>${'字'.repeat(1000)}</p>` })).toBe(120);
    expect(lessonLengthSeconds({ kind: 'article', body: '<p>短</p>' })).toBe(MIN_LESSON_SECONDS);
  });

  it('takes the duration of audio and video, and lets articles be read slowly', () => {
    expect(lessonLengthSeconds({ kind: 'audio', durationSeconds: 300, mediaUrl: 'https://media.example.cn/a.mp3' })).toBe(300);
    // Without its file, audio is read as its notes: nobody waits out five minutes of silence.
    expect(lessonLengthSeconds({ kind: 'audio', durationSeconds: 300, body: `<p>${'字'.repeat(500)}</p>` })).toBe(60);
    expect(creditCapSeconds('audio', 300)).toBe(300);
    expect(creditCapSeconds('article', 300)).toBe(600);
    expect(requiredSeconds(300)).toBe(240);
  });
});

describe('honest study time', () => {
  it('credits nothing for the first report: it only starts the clock', () => {
    const out = acceptReport(undefined, { seconds: 30, completed: false }, T0, limits);
    expect(out.creditedMs).toBe(0);
    expect(out.state).toMatchObject({ sessionStartMs: T0, lastReportMs: T0, creditedMs: 0 });
  });

  it('caps a report by the real time since the previous one', () => {
    const start = acceptReport(undefined, { seconds: 0, completed: false }, T0, limits).state;
    const out = acceptReport(start, { seconds: 50, completed: false }, T0 + 10_000, limits);
    expect(out.creditedMs).toBe(10_000);
  });

  it('gives a replayed report nothing', () => {
    const start = acceptReport(undefined, { seconds: 0, completed: false }, T0, limits).state;
    const first = acceptReport(start, { seconds: 10, completed: false }, T0 + 10_000, limits);
    const replay = acceptReport(first.state, { seconds: 10, completed: false }, T0 + 10_000, limits);
    expect(replay.creditedMs).toBe(0);
    expect(replay.state.creditedMs).toBe(10_000);
  });

  it('turns a long pause into a new session instead of study time', () => {
    const start = acceptReport(undefined, { seconds: 0, completed: false }, T0, limits).state;
    const later = acceptReport(start, { seconds: 3600, completed: false }, T0 + 3_600_000, limits);
    expect(later.creditedMs).toBe(0);
    expect(later.state.sessionStartMs).toBe(T0 + 3_600_000);
  });

  it('completes once, and only after the required time', () => {
    let s = acceptReport(undefined, { seconds: 0, completed: false }, T0, limits).state;
    const early = acceptReport(s, { seconds: 30, completed: true }, T0 + 30_000, limits);
    expect(early).toMatchObject({ newlyCompleted: false, completionRefused: true });
    s = early.state;
    for (let t = 60_000; t <= 90_000; t += 30_000) s = acceptReport(s, { seconds: 30, completed: false }, T0 + t, limits).state;
    const done = acceptReport(s, { seconds: 0, completed: true }, T0 + 90_000, limits);
    expect(done.newlyCompleted).toBe(true);
    expect(done.state.completedAtMs).toBe(T0 + 90_000);
    const again = acceptReport(done.state, { seconds: 5, completed: true }, T0 + 95_000, limits);
    expect(again.newlyCompleted).toBe(false);
    expect(again.state.completedAtMs).toBe(T0 + 90_000);
  });

  it('never credits more than real time, the session, or the lesson allows, whatever the client sends', () => {
    const report = fc.record({ gapMs: fc.integer({ min: 0, max: 200_000 }), seconds: fc.double({ min: 0, max: 3600, noNaN: true }), completed: fc.boolean() });
    fc.assert(fc.property(fc.array(report, { minLength: 1, maxLength: 40 }), (reports) => {
      let state: StudyState | undefined;
      let now = T0;
      let lastMs = now;
      let completions = 0;
      for (const r of reports) {
        now += r.gapMs;
        const prevLast = state?.lastReportMs;
        const out = acceptReport(state, r, now, limits);
        expect(out.creditedMs).toBeGreaterThanOrEqual(0);
        expect(out.creditedMs).toBeLessThanOrEqual(Math.floor(r.seconds * 1000));
        expect(out.creditedMs).toBeLessThanOrEqual(prevLast === undefined ? 0 : now - prevLast);
        expect(out.creditedMs).toBeLessThanOrEqual(MAX_REPORT_GAP_SECONDS * 1000);
        expect(out.state.sessionCreditedMs).toBeLessThanOrEqual(now - out.state.sessionStartMs);
        if (out.newlyCompleted) completions++;
        state = out.state;
        lastMs = now;
      }
      expect(state!.creditedMs).toBeLessThanOrEqual(Math.min(limits.capSeconds * 1000, lastMs - T0));
      expect(completions).toBeLessThanOrEqual(1);
      if (state!.completedAtMs !== undefined) expect(completions).toBe(1);
    }));
  });
});
