import * as z from 'zod/mini';
import { problem as problemSchema, problemOf, XLSX_MEDIA_TYPE, type AnyRoute, type Infer, type InferIn } from '@kaimen/shared';
import { apiBaseUrl } from './base-url';
import { ApiError } from './error';
import { clearSession, getSession } from './session';

/**
 * File uploads and downloads for the H5 admin pages (routes with `rawBody` or `responseMedia`, which
 * the JSON client does not speak). Browser only: these use fetch and Blob.
 */

interface FileCallOptions<R extends AnyRoute> {
  params: InferIn<R['params']>;
  query?: InferIn<R['query']>;
}

function urlOf(route: AnyRoute, params: unknown, query: unknown): string {
  const p = (params ?? {}) as Record<string, unknown>;
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(p[name] ?? '')));
  const qs = Object.entries((query ?? {}) as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${apiBaseUrl()}${path}${qs ? `?${qs}` : ''}`;
}

function authHeaders(): Record<string, string> {
  const session = getSession();
  return session ? { Authorization: `Bearer ${session.token}` } : {};
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError({ ...problemOf('INTERNAL', '无法连接服务器，请检查网络后重试'), status: 0 }, { network: true });
  }
  if (res.ok) return res;
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    // Not problem+json: described from the status below.
  }
  const parsed = z.safeParse(problemSchema, data);
  const problem = parsed.success ? parsed.data : { ...problemOf('INTERNAL', `请求失败（HTTP ${res.status}）`), status: res.status };
  if (problem.code === 'UNAUTHENTICATED') clearSession();
  throw new ApiError(problem);
}

/** Sends a file as the raw body of a route that takes one (e.g. a CSV or XLSX import). */
export async function upload<R extends AnyRoute>(
  route: R,
  options: FileCallOptions<R> & { file: Blob | ArrayBuffer; contentType: string },
): Promise<Infer<R['response']>> {
  if (!route.rawBody?.includes(options.contentType)) {
    throw new ApiError(problemOf('VALIDATION_FAILED', '文件格式不支持，请上传 CSV 或 XLSX 文件'));
  }
  const res = await send(urlOf(route, options.params, options.query), {
    method: route.method,
    // Workbooks go as octet-stream, the one binary type every gateway (serverless-offline too) keeps intact;
    // the API tells XLSX from CSV by content.
    headers: { ...authHeaders(), 'Content-Type': options.contentType === XLSX_MEDIA_TYPE ? 'application/octet-stream' : options.contentType, Accept: 'application/json' },
    body: options.file,
  });
  return (await res.json()) as Infer<R['response']>;
}

/** Fetches a route's file answer (e.g. an XLSX export) as a Blob. */
export async function download<R extends AnyRoute>(route: R, options: FileCallOptions<R>): Promise<Blob> {
  const res = await send(urlOf(route, options.params, options.query), {
    method: route.method,
    headers: { ...authHeaders(), Accept: route.responseMedia ?? '*/*' },
  });
  return res.blob();
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

/** The media type of a spreadsheet the clerk picked (by its name), or null for anything else. */
export function sheetContentType(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX_MEDIA_TYPE;
  return null;
}
