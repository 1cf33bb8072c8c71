import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { adminUrl, h5Url } from './browser';

// Browser globals inside init scripts (the e2e files are typed for Node).
declare const localStorage: any;

/**
 * Calls the test stack's API as a client would: JSON in and out (or a CSV body), a bearer token when
 * given; anything but a 2xx answer throws with the problem it returned.
 */
export async function api(method: string, path: string, opts: { token?: string; body?: unknown; csv?: Buffer } = {}): Promise<any> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.csv) headers['content-type'] = 'text/csv';
  const body = opts.csv ? new Uint8Array(opts.csv) : opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const res = await fetch(inject('apiUrl') + path, { method, headers, body });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return json;
}

/** The session (token, expiry, user) `POST /auth/dev` gives a demo user, as the dev sign-in pages get it. */
export async function devSession(openid: string): Promise<{ token: string; expiresAt: string; user: unknown }> {
  return api('POST', '/auth/dev', { body: { openid } });
}

export async function devToken(openid: string): Promise<string> {
  return (await devSession(openid)).token;
}

/**
 * Signs a browser context in without the sign-in page (for tests where that page is not what is
 * tested): the session from the API is stored where the app keeps it before the app's first page
 * runs — the H5 app in Taro's storage format under `kaimen.session`, the PC console under
 * `kaimen.console.session`. Stored once per context, so a test may still sign out.
 */
export async function signInContext(context: BrowserContext, openid: string, app: 'phone' | 'console'): Promise<void> {
  const session = await devSession(openid);
  const [key, value] = app === 'phone'
    ? ['kaimen.session', JSON.stringify({ data: session })]
    : ['kaimen.console.session', JSON.stringify(session)];
  await context.addInitScript(({ key, value }) => {
    try {
      if (localStorage.getItem('kaimen.e2e.signedIn') === key) return;
      localStorage.setItem(key, value);
      localStorage.setItem('kaimen.e2e.signedIn', key);
    } catch {
      // about:blank has no storage
    }
  }, { key, value });
}

/**
 * A phone page signed in as `openid` without the sign-in page, opened on `hash` (by default the study
 * tab, where the dev sign-in lands) in one full load.
 */
export async function signInPhone(page: Page, openid: string, hash = '#/pages/study/index'): Promise<void> {
  await signInContext(page.context(), openid, 'phone');
  await page.goto('about:blank');
  await page.goto(h5Url(hash));
}

/** A console page signed in as `openid` without the sign-in page, opened on `path` in one load. */
export async function signInConsole(page: Page, openid: string, path = ''): Promise<void> {
  await signInContext(page.context(), openid, 'console');
  await page.goto(adminUrl(path));
  await page.locator('.console-org').waitFor({ timeout: 30_000 });
}
