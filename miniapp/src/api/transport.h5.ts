import type { Answer, Outgoing } from './transport';

export type { Answer, Outgoing } from './transport';

/**
 * H5: the browser's own fetch. Taro.request would bring its fetch, AbortController and JSONP
 * polyfills (~10 KB gzipped) into the shell every page loads, the public campaign page on a slow
 * phone network included; the browsers the H5 pages open in (WeChat's, any current phone's) have both.
 */
export async function send(req: Outgoing): Promise<Answer> {
  const abort = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = abort ? setTimeout(() => abort.abort(), req.timeout) : undefined;
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.header,
      body: req.data === undefined ? undefined : JSON.stringify(req.data),
      signal: abort?.signal,
    });
    const text = await res.text();
    let data: unknown = text;
    try {
      if (text) data = JSON.parse(text);
    } catch {
      // not JSON: the caller reads the status (problemFrom builds the problem from it)
    }
    return { statusCode: res.status, data };
  } finally {
    clearTimeout(timer);
  }
}
