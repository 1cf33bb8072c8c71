import { apiBaseUrl } from '../../api/base-url';
import { getSession } from '../../api/session';

/** This month in China time, `YYYY-MM`. */
export const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/** A file answer of the API (a workbook, a printable page) fetched with the session's token. */
export async function fetchFile(path: string): Promise<Blob> {
  const res = await fetch(`${apiBaseUrl()}${path}`, { headers: { Authorization: `Bearer ${getSession()?.token ?? ''}` } });
  if (!res.ok) throw new Error(`下载失败（${res.status}）`);
  return res.blob();
}

export async function download(path: string, filename: string): Promise<void> {
  const url = URL.createObjectURL(await fetchFile(path));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens the printable page in a new window and asks the browser to print it. */
export async function openPrint(path: string): Promise<void> {
  const url = URL.createObjectURL(await fetchFile(path));
  const w = window.open(url, '_blank');
  w?.addEventListener('load', () => w.print());
}

export const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
