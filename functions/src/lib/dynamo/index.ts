// A small DynamoDB client for the functions' hot path: the AWS SDK's DynamoDB client costs about as
// much to import as a whole function (bench/RESULTS.md, "Cold start"). Commands, marshalling and
// exceptions are the SDK's shapes (the exceptions our own classes); see commands.ts, errors.ts.
export * from './commands';
export { DynamoClient, type DynamoClientOptions, type RequestListener } from './client';
export {
  ConditionalCheckFailedException, DynamoDBServiceException, IdempotentParameterMismatchException, InternalServerError,
  ItemCollectionSizeLimitExceededException, LimitExceededException, ProvisionedThroughputExceededException,
  ReplicatedWriteConflictException, RequestLimitExceeded, ResourceNotFoundException, ThrottlingException,
  TransactionCanceledException, TransactionConflictException, TransactionInProgressException,
} from './errors';
