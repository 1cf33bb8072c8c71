import { ApiError, networkProblem, problemFrom } from '@kaimen/shared/api/client';
import { apiBaseUrl } from '../../api/base-url';
import { getSession } from '../../api/session';

/** Sends an outcome workbook as the raw body (the API tells XLSX from CSV by content); a refusal is thrown with its rows. */
export async function uploadOutcomes(orgId: string, file: File): Promise<{ imported: number }> {
  const token = getSession()?.token;
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl()}/admin/orgs/${encodeURIComponent(orgId)}/service-outcomes/import`, {
      method: 'POST', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/octet-stream' }, body: file,
    });
  } catch {
    throw new ApiError(networkProblem, { network: true });
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(problemFrom(res.status, data));
  return data as { imported: number };
}
