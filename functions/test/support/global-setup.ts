import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../../scripts/lib/dynamo-local';
import { freePort } from '../../../scripts/lib/ports';
import { startS3Local } from '../../../scripts/lib/s3-local';
import { seedTemplate } from './seed-template';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
    photoBucket: string;
    seedTemplate: string;
  }
}

/**
 * One in-memory DynamoDB Local and one local S3 store for the whole run; each test file makes its own table
 * (a copy of the demo data seeded here once, see seed-template.ts).
 * `TEST_DYNAMODB_PORT` names a DynamoDB Local already running to use instead (a busy machine may start one slowly).
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal(Number(process.env.TEST_DYNAMODB_PORT) || (await freePort()), null);
  const s3 = await startS3Local(await freePort(), null, 'kaimen-test-photos');
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('photoBucket', s3.bucket);
  project.provide('seedTemplate', await seedTemplate(dynamo.endpoint));
  return async () => {
    await s3.stop();
    await dynamo.stop();
  };
}
