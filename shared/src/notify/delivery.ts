/**
 * WeChat subscribeMessage.send outcomes, sorted into what the sender does about them.
 * - `sent`: done. - `unsubscribed`: 43101, the user has no (more) consent for this template: never retried.
 * - `token`: 40001/42001/40014, the access token is stale: refresh once and retry at once.
 * - `rate`: frequency limits (45009 daily quota, 45011, 45047) and system busy (-1): back off, not the message's fault.
 * - `invalid`: the message itself is wrong (bad template id 40037, bad data 47003, bad openid 40003): failed for good.
 * - `retry`: anything else (HTTP errors, timeouts, unknown codes): retried later with back-off.
 */
export type DeliveryOutcome = 'sent' | 'unsubscribed' | 'token' | 'rate' | 'invalid' | 'retry';

const tokenCodes = new Set([40001, 42001, 40014]);
const rateCodes = new Set([45009, 45011, 45047, -1]);
const invalidCodes = new Set([40003, 40037, 47003, 41030]);

export function classifyErrcode(errcode: number | undefined): DeliveryOutcome {
  if (!errcode) return 'sent';
  if (errcode === 43101) return 'unsubscribed';
  if (tokenCodes.has(errcode)) return 'token';
  if (rateCodes.has(errcode)) return 'rate';
  if (invalidCodes.has(errcode)) return 'invalid';
  return 'retry';
}

/** Attempts before a message is given up as failed (an admin can put it back). */
export const MAX_SEND_ATTEMPTS = 5;

/** Minutes to wait after the n-th failed attempt (1-based): 1, 5, 25, 125, … capped at 12 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5 ** Math.max(0, attempt - 1), 720) * 60_000;
}

/** WeChat's `thing` fields take at most 20 characters; longer text is cut with an ellipsis. */
export function thing(text: string, max = 20): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length === 0) return '—';
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** A `time` field: China-local `YYYY-MM-DD HH:mm`. */
export function wechatTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The `data` of a subscription message: every template group has the same three fields. */
export function templateData(title: string, body: string, at: Date): Record<string, { value: string }> {
  return { thing1: { value: thing(title) }, thing2: { value: thing(body) }, time3: { value: wechatTime(at) } };
}
