import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, pcPage, phonePage } from './support/browser';
import { api, signInPhone, devToken, signInConsole } from './support/api';

/**
 * The second half of issue 13 in the browser: an admin publishes a 自查事项报告表 (through the API),
 * a member fills it on the phone item by item and signs; the console shows the coverage per unit, the
 * answers on demand and who viewed them; the talks page and the checklist with a hand-made item of
 * another source. Screenshots of each page go to .test-artifacts/issue13/.
 */

let browser: Browser;
const shots = '.test-artifacts/issue13';
const PC = { width: 1366, height: 768 };

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launch();
});
afterAll(() => browser?.close());

describe('self-inspection, talks and the ledger', () => {
  it('a member files the form on the phone; the console shows who has not filed, the answers on demand and every view', async () => {
    const tag = Date.now().toString(36);
    const admin = await devToken('dev-city-admin');
    const title = `浏览器自查表${tag}`;
    await api('POST', '/admin/inspections', { token: admin, body: { title, orgId: 'lj', deadline: '2099-12-31', audience: { orgId: 'lj-dh-gz' } } });
    const round = await api('POST', '/admin/talk-rounds', { token: admin, body: { title: `浏览器谈话轮次${tag}`, orgId: 'lj', endsAt: '2099-12-31', audience: { orgId: 'lj-dh-gz' } } });
    await api('POST', `/admin/talk-rounds/${round.id}/talks`, { token: admin, body: { intervieweeId: 'm-lj-dh-gz-b1-3', talkerName: '陈海燕', heldAt: new Date(Date.now() - 3_600_000).toISOString(), kind: '4', outcome: 'stable' } });
    await api('POST', '/admin/campaigns/demo-lj-2026/checklist-items', { token: admin, body: { title: `民主生活会查摆问题${tag}`, source: 'life_meeting', orgId: 'lj-dh', published: true } });

    const phone = await phonePage(browser);
    phone.setDefaultTimeout(20_000);
    await signInPhone(phone, 'dev-member', '#/pages/inspect/index');
    const row = visible(phone, '.inspect-row').filter({ hasText: title });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await expect(row.textContent()).resolves.toContain('待填报');
    await phone.screenshot({ path: `${shots}/phone-inspect-list.png` });
    await row.click();
    await phone.waitForURL(/pages\/inspect\/file/);
    const items = visible(phone, '.inspect-item');
    await expect.poll(() => items.count()).toBe(7);
    // Submitting with an item unanswered is stopped in Chinese, before anything is sent.
    await visible(phone, '.inspect-submit').click();
    await expect.poll(() => visible(phone, '.inspect-error').textContent()).toContain('请回答第 1 项');
    for (let i = 0; i < 7; i++) await items.nth(i).locator('.inspect-choice').first().click();
    await items.nth(1).locator('.inspect-choice').nth(1).click();
    await items.nth(1).locator('textarea').fill('配偶在律师事务所任行政人员，已如实报告');
    await visible(phone, '.inspect-check').click();
    await visible(phone, '.inspect-signature input').fill('张三');
    await phone.screenshot({ path: `${shots}/phone-inspect-file.png`, fullPage: true });
    await visible(phone, '.inspect-submit').click();
    await expect.poll(() => visible(phone, '.inspect-pledge').textContent()).toContain('签名应为本人姓名“李静”');
    await visible(phone, '.inspect-signature input').fill('李静');
    await visible(phone, '.inspect-submit').click();
    await expect.poll(() => visible(phone, '.inspect-done').count()).toBe(1);
    await expect(visible(phone, '.inspect-done').textContent()).resolves.toContain('配偶在律师事务所');
    await phone.screenshot({ path: `${shots}/phone-inspect-done.png`, fullPage: true });

    const page = await pcPage(browser, PC);
    page.setDefaultTimeout(20_000);
    await signInConsole(page, 'dev-city-admin');
    await page.locator('.console-sider').getByText('自查事项报告').click();
    const formRow = page.locator('.inspect-table tr.ant-table-row').filter({ hasText: title });
    await expect.poll(() => formRow.textContent()).toContain('1 / 5');
    await page.screenshot({ path: `${shots}/pc-inspect.png` });
    await formRow.locator('.inspect-open').click();
    const drawer = page.locator('.inspect-drawer .ant-drawer-content-wrapper');
    await expect.poll(() => drawer.locator('.coverage-table').textContent()).toContain('1/5');
    for (const name of ['王晓明', '张磊', '赵敏', '孙丽华']) await expect(drawer.locator('.coverage-table').textContent()).resolves.toContain(name);
    await page.screenshot({ path: `${shots}/pc-inspect-coverage.png` });
    await drawer.getByRole('tab', { name: '答卷' }).click();
    await drawer.locator('.reports-open').click();
    await expect.poll(() => drawer.locator('.reports-table').textContent()).toContain('李静');
    await page.screenshot({ path: `${shots}/pc-inspect-reports.png` });
    await drawer.getByRole('tab', { name: '查看记录' }).click();
    await expect.poll(() => drawer.locator('.views-log').textContent()).toContain('临江市司法局 陈海燕');
    await page.screenshot({ path: `${shots}/pc-inspect-views.png` });

    await page.keyboard.press('Escape');
    await page.locator('.console-sider').getByText('谈心谈话').click();
    const roundRow = page.locator('.talk-rounds tr.ant-table-row').filter({ hasText: `浏览器谈话轮次${tag}` });
    await expect.poll(() => roundRow.textContent()).toContain('1 / 5');
    await roundRow.locator('.talk-round-open').click();
    const talkDrawer = page.locator('.talk-drawer .ant-drawer-content-wrapper');
    await expect.poll(() => talkDrawer.locator('.coverage-table').textContent()).toContain('李静');
    await page.screenshot({ path: `${shots}/pc-talks.png` });

    await page.keyboard.press('Escape');
    await page.locator('.console-sider').getByText('整改清单').click();
    await page.locator('.campaign-select').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '临江市司法局“开门纳谏”' }).click();
    await page.locator('.source-filter').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '民主生活会' }).click();
    const item = page.locator('.checklist-table tr.ant-table-row').filter({ hasText: `民主生活会查摆问题${tag}` });
    await expect.poll(() => item.locator('.item-source').textContent(), { timeout: 20_000 }).toBe('民主生活会');
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: `${shots}/pc-checklist.png` });
  }, 180_000);
});
