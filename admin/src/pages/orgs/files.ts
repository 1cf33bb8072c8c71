import { problemFrom, ApiError, networkProblem } from '@kaimen/shared/api/client';
import { apiBaseUrl } from '../../api/base-url';
import { getSession } from '../../api/session';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function auth(): Record<string, string> {
  const token = getSession()?.token;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Sends a roster file (CSV or XLSX) as the raw body; a problem answer is thrown as ApiError with its rows. */
export async function uploadRoster(orgId: string, file: File): Promise<{ imported: number; updated: number; unchanged: number }> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl()}/admin/orgs/${encodeURIComponent(orgId)}/roster/import`, { method: 'POST', headers: { ...auth(), 'content-type': type }, body: file });
  } catch {
    throw new ApiError(networkProblem, { network: true });
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(problemFrom(res.status, data));
  return data as { imported: number; updated: number; unchanged: number };
}

/** Downloads a workbook the API answers (census.xlsx) under the name the server gives. */
export async function downloadWorkbook(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(`${apiBaseUrl()}${path}`, { headers: auth() });
  if (!res.ok) throw new ApiError(problemFrom(res.status, await res.json().catch(() => null)));
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  a.click();
  URL.revokeObjectURL(url);
}
