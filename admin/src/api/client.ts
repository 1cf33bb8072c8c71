import type { AnyRoute, Infer } from '@kaimen/shared';
import {
  ApiError,
  checkInput,
  networkProblem,
  problemFrom,
  requestHeaders,
  routeUrl,
  type CallArgs,
  type LooseOptions,
} from '@kaimen/shared/api/client';
import { apiBaseUrl } from './base-url';
import { clearSession, getSession } from './session';

export { ApiError, errorMessage, newIdempotencyKey, type CallOptions } from '@kaimen/shared/api/client';

const TIMEOUT_MS = 15_000;

/**
 * Calls one route of the shared contract with fetch: typed and checked from the route's schemas
 * (the same core as the mini-program's client). Failures are thrown as ApiError; an
 * UNAUTHENTICATED answer clears the session, which makes the layout ask to sign in again over
 * the page, so whatever was being edited stays.
 */
export async function call<R extends AnyRoute>(route: R, ...args: CallArgs<R>): Promise<Infer<R['response']>> {
  const options = (args[0] ?? {}) as LooseOptions;
  checkInput(route, options);
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl()}${routeUrl(route, options)}`, {
      method: route.method,
      headers: requestHeaders(options, getSession()?.token ?? null),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new ApiError(networkProblem, { network: true });
  }
  if (res.ok) return (res.status === 204 ? undefined : await res.json()) as Infer<R['response']>;
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    // Not JSON: described from the status.
  }
  const problem = problemFrom(res.status, data);
  if (problem.code === 'UNAUTHENTICATED') clearSession();
  throw new ApiError(problem);
}
