import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_FLAGS } from '../../scripts/lib/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromium'), args: CHROMIUM_FLAGS, headless: true });
}

/** A phone-sized page (the mini-program's H5 build is laid out for phones). */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  return context.newPage();
}

export function h5Url(hash = ''): string {
  return `${inject('h5Url')}/${hash}`;
}

/**
 * Opens an H5 page in a fresh document. A hash-only `page.goto` lets Taro's router treat the change as a
 * move within its page stack, which can leave an earlier instance of the page on screen.
 */
export async function openAfresh(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(h5Url(hash));
}

/** A PC-sized page for the console (管理后台), at one of the sizes it must fit. */
export async function pcPage(browser: Browser, size: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN' });
  return context.newPage();
}

export function adminUrl(path = ''): string {
  return `${inject('adminUrl')}/${path}`;
}

/**
 * Opens a console page within the app, as its menu and links do (the router follows the history): no
 * second load of the console's bundles after the one at sign-in.
 */
export async function openInConsole(page: Page, path: string): Promise<void> {
  await page.evaluate(`history.pushState(null, '', '/${path}'); dispatchEvent(new PopStateEvent('popstate'))`);
  await page.waitForFunction(`location.pathname === '/${path}'`);
}

/** The PC sizes every console page is checked at. */
export const PC_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
