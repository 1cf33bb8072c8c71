import type { Answer, Outgoing } from './transport';

export type { Answer, Outgoing } from './transport';

/**
 * H5: the browser's own fetch. Taro.request would bring its fetch, AbortController and JSONP
 * polyfills (~10 KB gzipped) into the shell every page loads, the public campaign page on a slow
 * phone network included; the browsers the H5 pages open in (WeChat's, any current phone's) have both.
 */
export async function send(req: Outgoing): Promise<Answer> {
  const early = await takePrefetched(req);
  if (early) return answer(early.status, early.text);
  const abort = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = abort ? setTimeout(() => abort.abort(), req.timeout) : undefined;
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.header,
      body: req.data === undefined ? undefined : JSON.stringify(req.data),
      signal: abort?.signal,
    });
    return answer(res.status, await res.text());
  } finally {
    clearTimeout(timer);
  }
}

function answer(statusCode: number, text: string): Answer {
  let data: unknown = text;
  try {
    if (text) data = JSON.parse(text);
  } catch {
    // not JSON: the caller reads the status (problemFrom builds the problem from it)
  }
  return { statusCode, data };
}

/**
 * The answer index.html already asked for when the page was opened (a public GET, see PREFETCH in
 * config/h5-chunks.ts), used once: a reload asks afresh. Null when there is none or it failed.
 */
async function takePrefetched(req: Outgoing): Promise<Prefetched | null> {
  const early = req.method === 'GET' && typeof window !== 'undefined' ? window.__KAIMEN_PREFETCH__ : undefined;
  const pending = early?.[req.url];
  if (!early || !pending) return null;
  delete early[req.url];
  return pending;
}
