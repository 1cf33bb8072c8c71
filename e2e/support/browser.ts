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
