import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyErrcode, retryDelayMs, templateData, thing, wechatTime } from './delivery';
import { notificationKinds } from './kinds';
import { isQuietHour, sendableAt } from './quiet';

describe('quiet hours (22:00–08:00 China time)', () => {
  it('holds a reminder emitted at night until 08:00 the next morning', () => {
    expect(sendableAt('quiz_due', new Date('2026-12-01T15:30:00Z')).toISOString()).toBe('2026-12-02T00:00:00.000Z'); // 23:30 → 08:00
    expect(sendableAt('quiz_due', new Date('2026-12-01T19:00:00Z')).toISOString()).toBe('2026-12-02T00:00:00.000Z'); // 03:00 → 08:00
    expect(sendableAt('quiz_due', new Date('2026-12-01T13:59:00Z')).toISOString()).toBe('2026-12-01T13:59:00.000Z'); // 21:59 sends
  });

  it('never holds back the reply to one\'s own suggestion', () => {
    const night = new Date('2026-12-01T16:00:00Z');
    expect(sendableAt('suggestion_reply', night)).toEqual(night);
  });

  it('for any instant and kind: the send time is not earlier, at most 10 h later, and never in quiet hours (but for replies)', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), fc.constantFrom(...notificationKinds), (at, kind) => {
      const when = sendableAt(kind, at);
      expect(when.getTime()).toBeGreaterThanOrEqual(at.getTime());
      expect(when.getTime() - at.getTime()).toBeLessThanOrEqual(10 * 3_600_000);
      if (kind !== 'suggestion_reply') expect(isQuietHour(when)).toBe(false);
    }));
  });
});

describe('WeChat answers', () => {
  it('sorts error codes into what the sender does', () => {
    expect(classifyErrcode(0)).toBe('sent');
    expect(classifyErrcode(undefined)).toBe('sent');
    expect(classifyErrcode(43101)).toBe('unsubscribed');
    expect(classifyErrcode(40001)).toBe('token');
    expect(classifyErrcode(42001)).toBe('token');
    expect(classifyErrcode(45009)).toBe('rate');
    expect(classifyErrcode(45011)).toBe('rate');
    expect(classifyErrcode(-1)).toBe('rate');
    expect(classifyErrcode(40037)).toBe('invalid');
    expect(classifyErrcode(47003)).toBe('invalid');
    expect(classifyErrcode(99999)).toBe('retry');
  });

  it('backs off 1, 5, 25, 125 minutes … up to 12 hours', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 5, 25, 125, 625, 720]);
  });

  it('keeps `thing` fields within WeChat\'s 20 characters and `time` in its format', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      const t = thing(text);
      expect([...t].length).toBeLessThanOrEqual(20);
      expect(t.length).toBeGreaterThan(0);
    }));
    expect(thing('已研究决定自下月起每周六上午开放，欢迎前来办理。')).toBe('已研究决定自下月起每周六上午开放，欢迎…');
    expect(wechatTime(new Date('2026-12-01T16:05:00Z'))).toBe('2026-12-02 00:05');
    expect(Object.keys(templateData('a', 'b', new Date()))).toEqual(['thing1', 'thing2', 'time3']);
  });
});
