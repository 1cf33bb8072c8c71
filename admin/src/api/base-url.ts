declare global {
  interface Window {
    __KAIMEN_CONFIG__?: { apiUrl?: string; publicUrl?: string };
  }
}

/** The API's base URL, from /kaimen-config.js (written beside the build at deploy or serve time). */
export function apiBaseUrl(): string {
  const fromPage = window.__KAIMEN_CONFIG__?.apiUrl;
  const url = typeof fromPage === 'string' && fromPage.trim() !== '' ? fromPage.trim() : window.location.origin;
  return url.replace(/\/+$/, '');
}
