import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { FunctionName } from '@kaimen/shared';

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Each function's handler module, for running them in-process (tests, benchmarks). serverless.yml names the same files. */
export const handlerModules: Record<FunctionName, () => Promise<{ handler: LambdaHandler }>> = {
  auth: () => import('./auth/index'),
  feedback: () => import('./feedback/index'),
  meta: () => import('./meta/index'),
};
