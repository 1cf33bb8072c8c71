import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../../scripts/lib/dynamo-local';
import { freePort } from '../../../scripts/lib/ports';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local for the whole run; each test file makes its own table in it.
 * `TEST_DYNAMODB_PORT` names one already running to use instead (a busy machine may start one slowly).
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal(Number(process.env.TEST_DYNAMODB_PORT) || (await freePort()), null);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
