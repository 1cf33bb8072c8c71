import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, openInConsole, PC_SIZES, pcPage, phonePage } from './support/browser';
import { signInConsole, signInPhone } from './support/api';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const badRoster = [
  '姓名,性别,出生年月,手机号,所在单位,党组织,身份,职务',
  '甲乙,男,1980-13,13700005001,临江市守信律师事务所,,正式党员,律师',
  ',女,1988-11,13700005002,临江市守信律师事务所,,正式党员,律师',
  '丙丁,男,1990-01,1370000,不存在的所,,党员,律师',
].join('\n');

describe('organisations in the PC console at 1366×768', () => {
  // One sign-in and one load of the console for the three: each opens its page within the app, as the menu does.
  let page: Page;
  beforeAll(async () => {
    page = await pcPage(browser, PC_SIZES[0]);
    page.setDefaultTimeout(20_000);
    await signInConsole(page, 'dev-city-admin', 'orgs/census');
  });
  afterAll(() => page?.context().close());

  it('shows the census with figures, a chart and gaps, and drills down from the city to a county', async () => {
    await openInConsole(page, 'orgs/census');
    await page.locator('.census-figures').getByText('执业机构').waitFor();
    expect(await page.locator('.census-trail').textContent()).toContain('临江市司法局');
    expect(await page.locator('.class-bar').count()).toBeGreaterThan(1);
    expect(await page.locator('.census-gaps .ant-table-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '.test-artifacts/console-orgs-census-1366.png' });
    await page.locator('.census-children .ant-table-row').filter({ hasText: '东湖区司法局' }).click();
    await expect.poll(() => page.locator('.census-trail').textContent()).toContain('临江市东湖区司法局');
    expect(await page.locator('.census-children .ant-table-row').count()).toBeGreaterThan(0);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  });

  it('imports a roster with bad rows and lists every row with its reason; members show masked phones', async () => {
    await openInConsole(page, 'orgs/roster');
    await page.locator('.roster-members').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(badRoster) });
    await page.locator('.roster-row-errors .ant-table-row').first().waitFor();
    const rows = await page.locator('.roster-row-errors .ant-table-row').allTextContents();
    expect(rows.map((r) => r.match(/^\d+/)?.[0])).toEqual(['2', '3', '4']);
    expect(rows.join('')).toMatch(/1980-13[\s\S]*姓名不能为空[\s\S]*11 位/);
    await expect.poll(() => page.locator('.roster-members .ant-table-row').count()).toBeGreaterThan(0);
    const phones = await page.locator('.roster-members .ant-table-row td:nth-child(2)').allTextContents();
    expect(phones.every((p) => /^\d{3}\*{4}\d{4}$/.test(p))).toBe(true);
    await page.screenshot({ path: '.test-artifacts/console-orgs-roster-1366.png' });
  });

  it('creates an institution under a county from the tree', async () => {
    await openInConsole(page, 'orgs');
    await page.locator('.org-detail').getByText('新建下级').waitFor();
    await page.locator('.orgs-tree').getByText('临江市西岭区司法局（县（区）级）').click();
    await expect.poll(() => page.locator('.org-detail .ant-card-head').textContent()).toContain('临江市西岭区司法局');
    const countOf = async () => Number((await page.locator('.org-detail .ant-descriptions-item').filter({ hasText: '下级组织' }).textContent())?.match(/(\d+) 个/)?.[1]);
    const before = await countOf();
    await page.getByRole('button', { name: '新建下级' }).click();
    await page.getByLabel('名称').fill('西岭浏览器测试律师事务所');
    await page.getByRole('button', { name: '保 存' }).or(page.getByRole('button', { name: '保存' })).click();
    // The new institution is one more child of the county (the long tree scrolls virtually, so count rather than look).
    await expect.poll(countOf, { timeout: 20_000 }).toBe(before + 1);
    await page.screenshot({ path: '.test-artifacts/console-orgs-tree-1366.png' });
  });
});

it('gives the branch secretary the roster, who has not bound, and binding codes on the phone', async () => {
  const page = await phonePage(browser);
  page.setDefaultTimeout(20_000);
  await signInPhone(page, 'dev-secretary');
  await page.goto(h5Url('#/pages/secretary/index'));
  await page.locator('.roster-member').first().waitFor();
  expect(await page.locator('.roster-summary').textContent()).toMatch(/尚未绑定微信/);
  await page.locator('.roster-member').filter({ hasText: '张磊' }).getByText('绑定码').click();
  await page.locator('.binding-code .code').first().waitFor();
  expect(await page.locator('.binding-code .code').first().textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await page.screenshot({ path: '.test-artifacts/secretary-roster-390.png' });
  await page.context().close();
});
