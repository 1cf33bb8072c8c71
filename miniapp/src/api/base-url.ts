const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * The API's base URL. In H5 the page may say where the API is at run time through
 * `window.__KAIMEN_CONFIG__.apiUrl` (set by /kaimen-config.js, see index.html); otherwise, and
 * always in the mini-program, the value baked in at build time from API_URL applies.
 */
export function apiBaseUrl(): string {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    const fromPage = window.__KAIMEN_CONFIG__?.apiUrl;
    if (typeof fromPage === 'string' && fromPage.trim() !== '') return trimSlash(fromPage.trim());
  }
  return trimSlash(KAIMEN_API_URL);
}
