import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { FunctionName } from '@kaimen/shared';

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Each function's handler module, for running them in-process (tests, benchmarks). serverless.yml names the same files. */
export const handlerModules: Record<FunctionName, () => Promise<{ handler: LambdaHandler }>> = {
  auth: () => import('./auth/index'),
  checklist: () => import('./checklist/index'),
  feedback: () => import('./feedback/index'),
  quiz: () => import('./quiz/index'),
  meta: () => import('./meta/index'),
  study: () => import('./study/index'),
  notify: () => import('./notify/index'),
  games: () => import('./games/index'),
  org: () => import('./org/index'),
  orglife: () => import('./orglife/index'),
  inspect: () => import('./inspect/index'),
  talks: () => import('./talks/index'),
  pioneer: () => import('./pioneer/index'),
  service: () => import('./service/index'),
};
