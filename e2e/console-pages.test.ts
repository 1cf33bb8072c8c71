import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openInConsole, PC_SIZES, pcPage } from './support/browser';
import { signInConsole } from './support/api';

/**
 * Every page of the console's menu at both PC sizes (1366×768, 1920×1080): it opens without an error,
 * the page does not scroll sideways and no table is wider than its box. Feature tests check their own
 * pages' work; this is the layout check over all of them, pages added later included (read from
 * admin/src/pages/<feature>/index.ts). Pages that need an id in their address are reached from their lists.
 * One full load (the sign-in); each page is then opened within the app, as its menu does, and checked
 * at one size, then at the other after a resize.
 */

const pages = readdirSync(resolve('admin/src/pages'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    try {
      return [...readFileSync(resolve('admin/src/pages', d.name, 'index.ts'), 'utf8').matchAll(/path: '([^':]*)'/g)].map((m) => m[1]!);
    } catch {
      return [];
    }
  });

let browser: Browser;
type Size = { width: number; height: number };

/**
 * Opens a console path within the app, as its menu and links do (the router follows the history; no
 * full page load: the sign-in loaded the console once), and waits until the network has been quiet
 * for half a second, as Playwright's `networkidle` does after a load.
 */
async function openInApp(page: Page, path: string): Promise<void> {
  let inFlight = 0;
  let changed = Date.now();
  const start = () => { inFlight++; changed = Date.now(); };
  const end = () => { inFlight--; changed = Date.now(); };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    await openInConsole(page, path);
    await expect.poll(() => inFlight <= 0 && Date.now() - changed >= 500, { timeout: 20_000, interval: 100 }).toBe(true);
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** What is wrong with the layout of the page on screen: sideways scrolling, a table wider than its box, an error page. */
async function layoutProblems(page: Page): Promise<string[]> {
  // A string, evaluated in the page (the tests' TypeScript has no DOM types).
  return (await page.evaluate(`(() => {
    const out = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push('page ' + document.documentElement.scrollWidth + 'px wide');
    for (const el of document.querySelectorAll('.ant-table-content, .ant-table-body')) {
      if (el.scrollWidth > el.clientWidth + 1) out.push('table ' + el.scrollWidth + 'px in ' + el.clientWidth + 'px');
    }
    if (document.querySelector('.ant-result-error, .ant-result-500')) out.push('error page');
    return out;
  })()`)) as string[];
}

/**
 * Resizes the window and returns the layout problems once the page has laid itself out again: media
 * queries and resize observers answer within a frame or two, so a problem still there after five
 * seconds is one the page keeps. (A resize loads nothing: no network wait as after opening a page.)
 */
async function problemsAfterResize(page: Page, size: Size): Promise<string[]> {
  await page.setViewportSize(size);
  await expect.poll(() => page.evaluate('window.innerWidth')).toBe(size.width);
  const until = Date.now() + 5_000;
  for (;;) {
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    const found = await layoutProblems(page);
    if (!found.length || Date.now() > until) return found;
  }
}

describe('every console page at both PC sizes', () => {
  it('finds the menu pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['checklist', 'feedback/inbox', 'orgs/census', 'quiz', 'study/plans', 'pioneer', 'inspect', 'talks']));
  });

  // Each page is opened once, at one size, then the window is resized to the other: the layout is
  // what changes with the size (the data and the page's loading do not), and a resize is one
  // navigation and network wait fewer per page than a second sweep. The sizes take turns at opening
  // the pages, so each size sees pages laid out from their first draw as well as after a resize.
  it(`opens each page at ${PC_SIZES.map((s) => `${s.width}×${s.height}`).join(' and ')} without sideways scrolling`, async () => {
    const [one, two] = PC_SIZES;
    let size: Size = one;
    const page = await pcPage(browser, size);
    page.setDefaultTimeout(20_000);
    await signInConsole(page, 'dev-admin');
    const problems: string[] = [];
    const record = async (path: string, found: string[]) => {
      problems.push(...found.map((f) => `${path} at ${size.width}×${size.height}: ${f}`));
      if (size.width === 1920) await page.screenshot({ path: `.test-artifacts/console-1920-${path.replace(/\//g, '-')}.png` });
    };
    for (const path of pages) {
      await openInApp(page, path);
      await page.locator('.ant-layout-content').waitFor();
      await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 20_000 }).toBe(0);
      await record(path, await layoutProblems(page));
      size = size === one ? two : one;
      await record(path, await problemsAfterResize(page, size));
    }
    expect(problems).toEqual([]);
    await page.context().close();
  }, 300_000);
});
