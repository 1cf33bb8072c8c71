import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { adminUrl, launch, PC_SIZES, pcPage } from './support/browser';
import { expectTableFits, onScreen } from './support/console-layout';
import { signInConsole } from './support/api';

const CAMPAIGN = 'demo-lj-2026';
const CAMPAIGN_TITLE = '临江市司法局“开门纳谏”征求意见活动';
let browser: Browser;

async function submit(content: string): Promise<void> {
  const res = await fetch(`${inject('apiUrl')}/campaigns/${CAMPAIGN}/suggestions`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ category: 'notary', content, anonymous: true }),
  });
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

// The whole flow at the first PC size; at the other only the layout, on the items the flow left (the
// table fits, the drawer lies on screen): tallying and saving behave the same at any size.
const [size, otherSize] = PC_SIZES;
let flowRan = false;

describe('the checklist in the console', () => {
  it(`tallies new reports, shows the items in a table that fits, and edits one in an on-screen drawer (${size.width}×${size.height})`, async () => {
    const marker = `E2E${size.width}${Date.now().toString(36).toUpperCase()}`;
    await submit(`公证处门口根本没地方停车，开车去办事转了好几圈（${marker}）`);
    await submit(`去公证处办事停车太难了，车位太少，希望协调停车位（${marker}）`);

    const page = await pcPage(browser, size);
    await page.goto(adminUrl());
    await page.locator('[data-openid="dev-city-admin"]').click({ timeout: 30_000 });
    await page.locator('.console-sider').getByText('整改清单').click();
    // The page opens the newest campaign; earlier browser tests create campaigns, so pick the one reported to.
    await page.locator('.campaign-select').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: CAMPAIGN_TITLE }).click();
    await expect.poll(() => page.locator('.campaign-select').textContent()).toContain(CAMPAIGN_TITLE);
    await expect.poll(() => page.locator('.tally-pending').textContent(), { timeout: 20_000 }).toMatch(/待归并意见 [1-9]\d* 条/);
    await page.locator('.tally-run').click();
    await expect.poll(() => page.locator('.tally-result').textContent(), { timeout: 20_000 }).toMatch(/已归并 [1-9]\d* 条意见/);
    await expect.poll(() => page.locator('.tally-pending').textContent()).toContain('待归并意见 0 条');

    const table = page.locator('.checklist-table');
    const row = table.locator('tbody tr.ant-table-row').first();
    await row.waitFor({ timeout: 15_000 });
    await expectTableFits(page, table);

    await row.locator('.item-edit').click();
    const drawer = page.locator('.item-drawer .ant-drawer-content-wrapper');
    await drawer.waitFor();
    await page.waitForTimeout(400); // the drawer slides in
    expect(await onScreen(drawer, size)).toBe(true);

    // A blank title is refused in Chinese next to the field; nothing else typed is lost.
    const owner = `东湖区司法局公证管理科${size.width}`;
    await drawer.getByLabel('责任单位').fill(owner);
    await drawer.getByLabel('事项标题').fill('');
    await page.locator('.item-save').click();
    await drawer.getByText('请填写标题').waitFor();
    expect(await drawer.getByLabel('责任单位').inputValue()).toBe(owner);

    await drawer.getByLabel('事项标题').fill(`公证处停车难 ${size.width}`);
    await drawer.getByLabel('新增进展（保存后记入时间线）').fill(`已与物业协调临时车位 ${size.width}`);
    const publish = drawer.getByRole('switch', { name: '向社会公开' });
    if ((await publish.getAttribute('aria-checked')) !== 'true') await publish.click();
    await page.locator('.item-save').click();
    await table.getByText(owner).waitFor({ timeout: 15_000 });
    expect(await table.locator('tr', { hasText: owner }).textContent()).toContain('已公开');
    await drawer.getByText(`已与物业协调临时车位 ${size.width}`).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `.test-artifacts/console-checklist-${size.width}.png` });
    await page.context().close();
    flowRan = true;
  }, 240_000);

  it(`shows the same items in a table that fits and an on-screen drawer at ${otherSize.width}×${otherSize.height}`, async () => {
    expect(flowRan, 'the flow at the first size ran').toBe(true);
    const page = await pcPage(browser, otherSize);
    await signInConsole(page, 'dev-city-admin', 'checklist');
    await page.locator('.campaign-select').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: CAMPAIGN_TITLE }).click();
    await expect.poll(() => page.locator('.campaign-select').textContent()).toContain(CAMPAIGN_TITLE);
    const table = page.locator('.checklist-table');
    // The item the flow edited and published.
    const row = table.locator('tbody tr.ant-table-row', { hasText: `东湖区司法局公证管理科${size.width}` }).first();
    await row.waitFor({ timeout: 15_000 });
    await expectTableFits(page, table);

    await row.locator('.item-edit').click();
    const drawer = page.locator('.item-drawer .ant-drawer-content-wrapper');
    await drawer.waitFor();
    await expect.poll(() => onScreen(drawer, otherSize)).toBe(true);
    await drawer.getByText(`已与物业协调临时车位 ${size.width}`).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `.test-artifacts/console-checklist-${otherSize.width}.png` });
    await page.context().close();
  }, 120_000);
});
