import {
  ConditionalCheckFailedException, DynamoDBServiceException, IdempotentParameterMismatchException, InternalServerError,
  ItemCollectionSizeLimitExceededException, LimitExceededException, ProvisionedThroughputExceededException,
  ReplicatedWriteConflictException, RequestLimitExceeded, ResourceNotFoundException, ThrottlingException,
  TransactionCanceledException, TransactionConflictException, TransactionInProgressException,
} from '@aws-sdk/client-dynamodb';
import type { HttpResponse } from './http';

// The SDK's own classes (callers test `instanceof`); importing them does not pull in the client.
const modelled: Record<string, new (opts: never) => DynamoDBServiceException> = {
  ConditionalCheckFailedException, IdempotentParameterMismatchException, InternalServerError,
  ItemCollectionSizeLimitExceededException, LimitExceededException, ProvisionedThroughputExceededException,
  ReplicatedWriteConflictException, RequestLimitExceeded, ResourceNotFoundException, ThrottlingException,
  TransactionCanceledException, TransactionConflictException, TransactionInProgressException,
};

export interface RequestMetadata {
  attempts: number;
  totalRetryDelay: number;
}

/** `com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException` → `ConditionalCheckFailedException` (as the SDK reads it). */
export function errorCode(raw: string): string {
  let code = raw.split(',')[0]!.split(':')[0]!;
  if (code.includes('#')) code = code.split('#')[1]!;
  return code;
}

/** DynamoDB's JSON error as the SDK throws it: its modelled class, or the service base class named by the code. */
export function serviceError(res: HttpResponse, meta: RequestMetadata): DynamoDBServiceException {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(res.body);
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch { /* a proxy's HTML page: the status decides */ }
  const header = res.headers['x-amzn-errortype'];
  const rawCode = typeof data.__type === 'string' ? data.__type : typeof data.code === 'string' ? data.code : typeof header === 'string' ? header : undefined;
  const name = rawCode ? errorCode(rawCode) : 'Unknown';
  const message = String(data.message ?? data.Message ?? 'UnknownError');
  const requestId = res.headers['x-amzn-requestid'];
  const $metadata = { httpStatusCode: res.status, requestId: typeof requestId === 'string' ? requestId : undefined, ...meta };
  const Modelled = modelled[name];
  const error = (Modelled
    ? Object.assign(new Modelled({} as never), { $metadata, message })
    : new DynamoDBServiceException({ name, message, $fault: res.status < 500 ? 'client' : 'server', $metadata })) as DynamoDBServiceException & Record<string, unknown>;
  // As the SDK's decorateServiceException: every field of the answer the error lacks, then one `message`.
  for (const [key, value] of Object.entries(data)) {
    if (value !== undefined && (error[key] === undefined || error[key] === null || error[key] === '')) error[key] = value;
  }
  error.message = error.message || String(error.Message ?? '') || 'UnknownError';
  delete error.Message;
  return error;
}
