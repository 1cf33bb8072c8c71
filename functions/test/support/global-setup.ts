import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../../scripts/lib/dynamo-local';
import { freePort } from '../../../scripts/lib/ports';
import { startS3Local } from '../../../scripts/lib/s3-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
    photoBucket: string;
  }
}

/**
 * One in-memory DynamoDB Local and one local S3 store for the whole run; each test file makes its own table.
 * `TEST_DYNAMODB_PORT` names a DynamoDB Local already running to use instead (a busy machine may start one slowly).
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal(Number(process.env.TEST_DYNAMODB_PORT) || (await freePort()), null);
  const s3 = await startS3Local(await freePort(), null, 'kaimen-test-photos');
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('photoBucket', s3.bucket);
  return async () => {
    await s3.stop();
    await dynamo.stop();
  };
}
