import type { AnyRoute, Infer, InferIn } from '@kaimen/shared';
import { ApiError, networkProblem, problemFrom, requestHeaders, routeUrl } from '@kaimen/shared/api/client';
import { apiBaseUrl } from './base-url';
import { clearSession, getSession } from './session';

/** Fetches a route's file answer (an XLSX ledger or export) as a Blob; problems thrown as ApiError. */
export async function download<R extends AnyRoute>(route: R, options: { params: InferIn<R['params']>; query?: InferIn<R['query']> }): Promise<Blob> {
  const loose = options as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl()}${routeUrl(route, loose)}`, {
      headers: { ...requestHeaders({}, getSession()?.token ?? null), Accept: route.responseMedia ?? '*/*' },
    });
  } catch {
    throw new ApiError(networkProblem, { network: true });
  }
  if (res.ok) return res.blob();
  const problem = problemFrom(res.status, await res.json().catch(() => null));
  if (problem.code === 'UNAUTHENTICATED') clearSession();
  throw new ApiError(problem);
}

/** Offers a Blob to the browser as a file download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Sends a CSV or XLSX file as the raw body of a route that takes one. Workbooks go as
 * octet-stream, the one binary type every gateway keeps intact (the API tells XLSX by content).
 * A problem answer (rows in `errors[].row`) is thrown as ApiError.
 */
export async function upload<R extends AnyRoute>(route: R, file: File, options: { params?: Record<string, unknown>; query?: Record<string, unknown> } = {}): Promise<Infer<R['response']>> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/octet-stream' : 'text/csv';
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl()}${routeUrl(route, options)}`, {
      method: route.method,
      headers: { ...requestHeaders({}, getSession()?.token ?? null), 'Content-Type': type },
      body: file,
    });
  } catch {
    throw new ApiError(networkProblem, { network: true });
  }
  if (res.ok) return (await res.json()) as Infer<R['response']>;
  const problem = problemFrom(res.status, await res.json().catch(() => null));
  if (problem.code === 'UNAUTHENTICATED') clearSession();
  throw new ApiError(problem);
}
