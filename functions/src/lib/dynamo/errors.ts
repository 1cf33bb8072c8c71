import type { AttributeValue, CancellationReason } from '@aws-sdk/client-dynamodb';
import type { HttpResponse } from './http';

// DynamoDB's errors in the SDK's shapes (name, $fault, $metadata, the answer's fields), as classes of our
// own: importing the SDK's would load @smithy/core's client barrel (~25 KB: its middleware stack, schemas,
// commands) into every function's cold start, as the lazy S3/SSM chunks share that barrel. Callers test
// `instanceof` on these, imported from lib/dynamo.

export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

interface ServiceExceptionOptions {
  name: string;
  message: string;
  $fault: 'client' | 'server';
  $metadata: ResponseMetadata;
}

/** Any error DynamoDB answers; `name` is its code (`ValidationException`, …). */
export class DynamoDBServiceException extends Error {
  readonly $fault: 'client' | 'server';
  $metadata: ResponseMetadata;
  constructor(options: ServiceExceptionOptions) {
    super(options.message);
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
  }
}

type Options = Omit<ServiceExceptionOptions, 'name'>;
export class ConditionalCheckFailedException extends DynamoDBServiceException {
  /** The item as it was, when the request asked for it (ReturnValuesOnConditionCheckFailure). */
  Item?: Record<string, AttributeValue>;
  constructor(o: Options) { super({ ...o, name: 'ConditionalCheckFailedException' }); }
}
export class TransactionCanceledException extends DynamoDBServiceException {
  /** One reason per item of the transaction, in order (`None` for the items that did not fail). */
  CancellationReasons?: CancellationReason[];
  constructor(o: Options) { super({ ...o, name: 'TransactionCanceledException' }); }
}
export class IdempotentParameterMismatchException extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'IdempotentParameterMismatchException' }); }
}
export class InternalServerError extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'InternalServerError' }); }
}
export class ItemCollectionSizeLimitExceededException extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'ItemCollectionSizeLimitExceededException' }); }
}
export class LimitExceededException extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'LimitExceededException' }); }
}
export class ProvisionedThroughputExceededException extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'ProvisionedThroughputExceededException' }); }
}
export class ReplicatedWriteConflictException extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'ReplicatedWriteConflictException' }); }
}
export class RequestLimitExceeded extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'RequestLimitExceeded' }); }
}
export class ResourceNotFoundException extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'ResourceNotFoundException' }); }
}
export class ThrottlingException extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'ThrottlingException' }); }
}
export class TransactionConflictException extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'TransactionConflictException' }); }
}
export class TransactionInProgressException extends DynamoDBServiceException {
  constructor(o: Options) { super({ ...o, name: 'TransactionInProgressException' }); }
}

const modelled: Record<string, new (o: Options) => DynamoDBServiceException> = {
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
  const $fault = res.status < 500 ? 'client' : 'server';
  const Modelled = modelled[name];
  const error = (Modelled ? new Modelled({ message, $fault, $metadata }) : new DynamoDBServiceException({ name, message, $fault, $metadata })) as DynamoDBServiceException & Record<string, unknown>;
  // As the SDK's decorateServiceException: every field of the answer the error lacks, then one `message`.
  for (const [key, value] of Object.entries(data)) {
    if (value !== undefined && (error[key] === undefined || error[key] === null || error[key] === '')) error[key] = value;
  }
  error.message = error.message || String(error.Message ?? '') || 'UnknownError';
  delete error.Message;
  return error;
}
