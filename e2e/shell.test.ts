import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

it('a member signs in with the dev picker and sees the tab bar', async () => {
  const page = await phonePage(browser);
  await page.goto(h5Url());
  // Without a session the study tab sends the user to the login page.
  const member = page.locator('.dev-login-member').first();
  await member.waitFor({ timeout: 30_000 });
  await member.click();
  const tabBar = page.locator('.taro-tabbar__tabbar');
  await tabBar.waitFor({ state: 'visible', timeout: 30_000 });
  for (const label of ['学习', '测试', '建言', '我的']) {
    expect(await tabBar.getByText(label, { exact: true }).isVisible()).toBe(true);
  }
  // The signed-in member's name shows on the study tab.
  await page.getByText('李静').first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.screenshot({ path: '.test-artifacts/shell.png' });
  await page.context().close();
});
