import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { adminUrl, launch, PC_SIZES, pcPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** No horizontal scrolling: the document is no wider than the window. */
async function fitsWidth(page: Page): Promise<boolean> {
  return (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;
}

describe.each(PC_SIZES)('PC console at $width×$height', (size) => {
  it('a city admin signs in with the dev picker and sees the layout, their org and role, and their org tree', async () => {
    const page = await pcPage(browser, size);
    await page.goto(adminUrl());
    await page.locator('[data-openid="dev-city-admin"]').click({ timeout: 30_000 });

    await expect.poll(() => page.locator('.console-org').textContent(), { timeout: 15_000 }).toBe('临江市司法局');
    expect(await page.locator('.console-role').first().textContent()).toBe('管理员');
    expect(await page.locator('.console-sider').getByText('工作台').isVisible()).toBe(true);
    expect(await page.locator('.console-breadcrumb').textContent()).toContain('管理后台');

    // The org tree is the admin's own subtree, by name, nothing of the sibling city.
    const tree = page.locator('.org-tree');
    await tree.getByText('临江市司法局（市级）').waitFor({ timeout: 15_000 });
    expect(await tree.getByText('临江市东湖区司法局（县（区）级）').isVisible()).toBe(true);
    expect(await page.getByText('青山市司法局').count()).toBe(0);

    // Organisations are picked by name from a searchable tree, not typed as codes.
    await page.locator('.org-picker').click();
    await page.keyboard.type('东湖公证');
    await page.locator('.ant-select-tree').getByText('临江市东湖公证处', { exact: true }).click();
    await page.getByText('下级组织').waitFor();
    expect(await page.locator('.ant-descriptions').last().textContent()).toContain('机构');

    expect(await fitsWidth(page)).toBe(true);
    const sider = await page.locator('.console-sider').boundingBox();
    expect(sider && sider.x >= 0 && sider.x + sider.width <= size.width).toBe(true);
    await page.screenshot({ path: `.test-artifacts/console-home-${size.width}.png` });
    await page.context().close();
  }, 180_000);
});

it('shows a bad openid as a Chinese field error and keeps what was typed', async () => {
  const page = await pcPage(browser, PC_SIZES[0]);
  await page.goto(adminUrl());
  const input = page.getByPlaceholder('openid，如 dev-admin');
  await input.fill('坏 id');
  await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).click();
  await page.getByText('openid 只能包含字母、数字、下划线和连字符').waitFor({ timeout: 15_000 });
  expect(await page.locator('.ant-alert').textContent()).toContain('提交的内容有误');
  expect(await input.inputValue()).toBe('坏 id');
  await page.context().close();
});

it('asks to sign in again over the page when the session ends, keeping what was on it', async () => {
  const page = await pcPage(browser, PC_SIZES[0]);
  await page.goto(adminUrl());
  await page.locator('[data-openid="dev-admin"]').click({ timeout: 30_000 });
  // Pick an org below the admin's own from the tree (its second row, under the opened root).
  await page.locator('.org-picker').click();
  const tree = page.locator('.ant-select-tree');
  await tree.locator('.ant-select-tree-title:visible').first().waitFor({ timeout: 30_000 });
  if ((await tree.locator('.ant-select-tree-title:visible').count()) < 2) await tree.locator('.ant-select-tree-switcher:visible').first().click();
  const row = tree.locator('.ant-select-tree-title:visible').nth(1);
  const chosen = (await row.textContent())!.trim();
  expect(chosen).not.toBe('江南省司法厅');
  await row.click();
  await page.getByText('下级组织').waitFor();

  // The token stops being valid: the next call is answered 401, which clears the session.
  await page.evaluate(`(() => {
    const key = 'kaimen.console.session';
    const s = JSON.parse(localStorage.getItem(key));
    localStorage.setItem(key, JSON.stringify({ ...s, token: 'expired' }));
  })()`);
  await page.locator('.org-tree-reload').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '登录已过期，请重新登录' });
  await dialog.waitFor({ timeout: 15_000 });
  expect(await page.locator('.org-picker').textContent()).toContain(chosen);

  await dialog.locator('[data-openid="dev-admin"]').click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  expect(await page.locator('.org-picker').textContent()).toContain(chosen);
  expect(await page.locator('.console-org').textContent()).toBe('江南省司法厅');
  await page.screenshot({ path: '.test-artifacts/console-relogin.png' });
  await page.context().close();
}, 180_000);
