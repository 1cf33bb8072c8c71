// The AWS SDK's standard retry rules as @aws-sdk/client-dynamodb 3.11xx applies them (@smithy/core's
// retry strategy, DynamoDB's defaults): throttling and transient errors only, full-jitter backoff.

export const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 25;
const THROTTLING_BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 20_000;

const THROTTLING = new Set([
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'LimitExceededException', 'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException',
  'SlowDown', 'ThrottledException', 'Throttling', 'ThrottlingException', 'TooManyRequestsException',
  'TransactionInProgressException',
]);
const TRANSIENT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

export type RetryKind = 'throttling' | 'transient';

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
}

function transient(error: ErrorLike, depth = 0): boolean {
  if (error.name === 'AbortError') return false;
  return TRANSIENT.has(error.name ?? '') ||
    (error.name === 'InvalidSignatureException' && !!error.message?.includes('Signature expired')) ||
    NETWORK_CODES.has(error.code ?? '') ||
    TRANSIENT_STATUS.has(error.$metadata?.httpStatusCode ?? 0) ||
    (typeof error.cause === 'object' && error.cause !== null && depth <= 10 && transient(error.cause as ErrorLike, depth + 1));
}

/** Whether an error is worth another attempt, and which backoff it gets; null: never (conditions, validation, …). */
export function retryKind(error: unknown): RetryKind | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as ErrorLike;
  if (e.$metadata?.httpStatusCode === 429 || THROTTLING.has(e.name ?? '')) return 'throttling';
  return transient(e) ? 'transient' : null;
}

/** Delay before retry number `retry` (0 for the first retry): a random share of an exponentially growing cap. */
export function backoffMs(kind: RetryKind, retry: number, random: () => number = Math.random): number {
  const base = kind === 'throttling' ? THROTTLING_BASE_DELAY_MS : BASE_DELAY_MS;
  return Math.floor(random() * Math.min(base * 2 ** retry, MAX_DELAY_MS));
}
