import type { AnyRoute, Infer } from '@kaimen/shared';
import { checkInput, problemFrom, networkProblem, requestHeaders, routeUrl, type CallArgs, type LooseOptions } from '@kaimen/shared/api/client';
import { apiBaseUrl } from './base-url';
import { ApiError } from './error';
import { clearSession, getSession } from './session';
import { send, type Answer } from './transport';

export type { CallOptions } from '@kaimen/shared/api/client';
export { newIdempotencyKey } from '@kaimen/shared/api/client';

const TIMEOUT_MS = 15_000;

/**
 * Calls one route of the shared contract. Params, query and body are typed from the route and
 * checked with the route's zod schemas before anything is sent; failures (client-side or the
 * server's problem+json) are thrown as ApiError. An UNAUTHENTICATED answer clears the session.
 */
export async function call<R extends AnyRoute>(route: R, ...args: CallArgs<R>): Promise<Infer<R['response']>> {
  const options = (args[0] ?? {}) as LooseOptions;
  checkInput(route, options);

  const header = requestHeaders(options, getSession()?.token ?? null);
  const url = `${apiBaseUrl()}${routeUrl(route, options)}`;
  let res: Answer;
  try {
    res = await send({ url, method: route.method, header, data: options.body, timeout: TIMEOUT_MS });
  } catch {
    throw new ApiError(networkProblem, { network: true });
  }

  if (res.statusCode >= 200 && res.statusCode < 300) {
    return (res.statusCode === 204 ? undefined : res.data) as Infer<R['response']>;
  }
  const problem = problemFrom(res.statusCode, res.data);
  if (problem.code === 'UNAUTHENTICATED') clearSession();
  throw new ApiError(problem);
}
