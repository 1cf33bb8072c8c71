import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs, retryKind } from './retry';

const answered = (name: string, httpStatusCode = 400) => Object.assign(new Error('x'), { name, $metadata: { httpStatusCode } });

describe('retryKind', () => {
  it('retries throttling with the throttling backoff', () => {
    for (const name of ['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'TransactionInProgressException']) {
      expect(retryKind(answered(name))).toBe('throttling');
    }
    expect(retryKind(answered('Whatever', 429))).toBe('throttling');
  });

  it('retries 500/502/503/504 answers and network failures', () => {
    for (const status of [500, 502, 503, 504]) expect(retryKind(answered('InternalServerError', status))).toBe('transient');
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']) {
      expect(retryKind(Object.assign(new Error('socket'), { code }))).toBe('transient');
    }
    expect(retryKind(new Error('wrapped', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }))).toBe('transient');
  });

  it('never retries what another attempt cannot change', () => {
    for (const name of ['ConditionalCheckFailedException', 'TransactionCanceledException', 'ValidationException', 'ResourceNotFoundException', 'AccessDeniedException']) {
      expect(retryKind(answered(name))).toBeNull();
    }
    expect(retryKind(answered('Unknown', 501))).toBeNull(); // 5xx outside the SDK's transient list
    expect(retryKind(Object.assign(new Error('aborted'), { name: 'AbortError', code: 'ECONNRESET' }))).toBeNull();
    expect(retryKind(new SyntaxError('Unexpected token'))).toBeNull();
    expect(retryKind('a string')).toBeNull();
  });
});

describe('backoffMs', () => {
  it('is a random share of base × 2^retry, capped at 20 s', () => {
    fc.assert(fc.property(fc.constantFrom('throttling' as const, 'transient' as const), fc.nat(30), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (kind, retry, r) => {
      const cap = Math.min((kind === 'throttling' ? 1000 : 25) * 2 ** retry, 20_000);
      const delay = backoffMs(kind, retry, () => r);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(cap);
      expect(delay).toBe(Math.floor(r * cap));
    }));
  });
});
