import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, PC_SIZES, pcPage } from './support/browser';
import { expectTableFits, onScreen } from './support/console-layout';
import { signInConsole } from './support/api';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function signIn(page: Page, openid: string): Promise<void> {
  await signInConsole(page, openid);
}

// The whole flow at the first PC size; at the other only the layout, on the campaign the flow created
// (the table fits, the drawer and the poster lie on screen), without saving anything again.
const [size, otherSize] = PC_SIZES;
let created: string | undefined;

describe('campaigns in the console', () => {
  it(`lists the campaigns in a table that fits, creates one in an on-screen drawer with field errors kept, opens it and shows its poster (${size.width}×${size.height})`, async () => {
    const page = await pcPage(browser, size);
    await signIn(page, 'dev-city-admin');
    await page.locator('.console-sider').getByText('开门纳谏').click();
    const table = page.locator('.campaign-table');
    await table.getByText('临江市司法局“开门纳谏”征求意见活动').waitFor({ timeout: 15_000 });
    expect(await page.locator('.console-breadcrumb').textContent()).toContain('开门纳谏');
    await expectTableFits(page, table);

    await page.locator('.campaign-new').click();
    const drawer = page.locator('.campaign-drawer .ant-drawer-content-wrapper');
    await drawer.waitFor();
    // The drawer slides in and ends wholly on screen.
    await expect.poll(() => onScreen(drawer, size)).toBe(true);

    // Too short a title: the route's own rule, in Chinese, under the field; the text stays.
    const title = drawer.getByLabel('活动标题');
    await title.fill('测');
    await page.locator('.campaign-save').click();
    await drawer.getByText('标题至少 2 个字').waitFor({ timeout: 10_000 });
    expect(await title.inputValue()).toBe('测');
    expect(await drawer.locator('.form-problem').textContent()).toContain('提交的内容有误');

    const name = `窗口服务意见征集 ${size.width}`;
    await title.fill(name);
    // The organiser is picked from the tree by name.
    await drawer.locator('.org-picker').click();
    await page.keyboard.type('东湖区司法局');
    await page.locator('.ant-select-tree').getByText('临江市东湖区司法局', { exact: true }).click();
    await page.locator('.campaign-save').click();
    await drawer.waitFor({ state: 'hidden', timeout: 15_000 });

    const row = table.locator('tr', { hasText: name });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('临江市东湖区司法局');
    expect(await row.locator('.campaign-status').textContent()).toBe('未开始');
    await row.locator('.campaign-open').click();
    await expect.poll(() => row.locator('.campaign-status').textContent(), { timeout: 15_000 }).toBe('进行中');

    await row.locator('.campaign-poster').click();
    const poster = page.locator('.poster-modal .poster-preview');
    await poster.waitFor({ timeout: 20_000 });
    expect(await page.locator('.poster-modal .poster-link').inputValue()).toContain('/pages/feedback/campaign?id=');
    expect(await onScreen(page.locator('.poster-modal .ant-modal'), size)).toBe(true);
    await page.screenshot({ path: `.test-artifacts/console-campaigns-${size.width}.png` });
    await page.context().close();
    created = name;
  }, 240_000);

  it(`lays out the campaigns table, the new-campaign drawer and the poster at ${otherSize.width}×${otherSize.height}`, async () => {
    expect(created, 'the flow at the first size ran').toBeDefined();
    const page = await pcPage(browser, otherSize);
    await signIn(page, 'dev-city-admin');
    await page.locator('.console-sider').getByText('开门纳谏').click();
    const table = page.locator('.campaign-table');
    const row = table.locator('tr', { hasText: created! }).first();
    await row.waitFor({ timeout: 15_000 });
    await expectTableFits(page, table);

    await page.locator('.campaign-new').click();
    const drawer = page.locator('.campaign-drawer .ant-drawer-content-wrapper');
    await drawer.waitFor();
    await expect.poll(() => onScreen(drawer, otherSize)).toBe(true);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', timeout: 15_000 });

    await row.locator('.campaign-poster').click();
    await page.locator('.poster-modal .poster-preview').waitFor({ timeout: 20_000 });
    expect(await onScreen(page.locator('.poster-modal .ant-modal'), otherSize)).toBe(true);
    await page.screenshot({ path: `.test-artifacts/console-campaigns-${otherSize.width}.png` });
    await page.context().close();
  }, 120_000);
});
