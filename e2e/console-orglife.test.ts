import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openInConsole, PC_SIZES, pcPage } from './support/browser';
import { signInConsole } from './support/api';

/**
 * 组织生活与月报 in the PC console at 1366×768: a county bureau writes and submits its monthly report,
 * the city sees it among its children's and sends it back with a comment; compliance by branch and the
 * task nodes are on screen. Screenshots go to .test-artifacts/.
 */

let browser: Browser;
const size = PC_SIZES[0];
beforeAll(async () => {
  mkdirSync('.test-artifacts', { recursive: true });
  browser = await launch();
});
afterAll(() => browser?.close());

async function signIn(openid: string, path: string): Promise<Page> {
  const page = await pcPage(browser, size);
  page.setDefaultTimeout(30_000);
  await signInConsole(page, openid, path);
  return page;
}

/** The bureaus directly under the city admin's org, as the API lists them (the demo census grows). */
async function childBureausOfCity(): Promise<number> {
  const api = inject('apiUrl');
  const signIn = await fetch(`${api}/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'dev-city-admin' }) });
  const { token, user } = (await signIn.json()) as { token: string; user: { orgId: string } };
  const tree = await fetch(`${api}/admin/org-tree`, { headers: { authorization: `Bearer ${token}` } });
  const { items } = (await tree.json()) as { items: { parentId: string | null; kind: string }[] };
  return items.filter((o) => o.parentId === user.orgId && o.kind === 'bureau').length;
}

const fitsWidth = async (page: Page) => (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;

describe('organisation life in the PC console', () => {
  it('a county submits its monthly report; the city sees it with the roll-up and sends it back', async () => {
    const county = await signIn('dev-county-admin', 'orglife/reports');
    try {
      await county.locator('.orglife-figures').first().waitFor();
      await county.getByLabel('进展情况').fill('本月各支部按期开展主题党日');
      await county.getByLabel('存在问题').fill('个别支部党小组会未按月召开');
      await county.locator('.orglife-submit').click();
      await expect.poll(() => county.locator('.orglife-report .ant-card-head').textContent(), { timeout: 30_000 }).toContain('已报送');
      expect(await county.getByLabel('进展情况').isDisabled()).toBe(true);
      expect(await fitsWidth(county)).toBe(true);
      await county.screenshot({ path: '.test-artifacts/console-orglife-report-county.png', fullPage: true });
    } finally {
      await county.context().close();
    }

    const city = await signIn('dev-city-admin', 'orglife/reports');
    try {
      const row = city.locator('.orglife-children tr').filter({ hasText: '临江市东湖区司法局' });
      await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('已报送');
      expect(await city.locator('.orglife-children tr').filter({ hasText: '临江市西岭区司法局' }).textContent()).toContain('未报送');
      await city.screenshot({ path: '.test-artifacts/console-orglife-report-city.png', fullPage: true });
      await row.getByRole('button').click();
      await city.locator('.ant-modal textarea').fill('请补充下步打算');
      await city.locator('.ant-modal .ant-btn-dangerous').click();
      await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('已退回');

      await openInConsole(city, 'orglife');
      await city.locator('.orglife-compliance .ant-table-row').first().waitFor();
      expect(await city.locator('.orglife-compliance').textContent()).toContain('东湖公证处党支部');
      expect(await fitsWidth(city)).toBe(true);
      await city.screenshot({ path: '.test-artifacts/console-orglife-compliance.png' });

      await openInConsole(city, 'orglife/tasks');
      await city.getByPlaceholder('如：3月底 摸底建档').fill('6月底 完善制度');
      await city.getByPlaceholder('完成时限').click();
      await city.locator('.ant-picker-dropdown .ant-picker-header-next-btn').click();
      await city.locator('.ant-picker-dropdown td.ant-picker-cell-in-view').last().click();
      await city.locator('.orglife-task-create').click();
      await expect.poll(() => city.locator('.orglife-tasks').textContent()).toContain('6月底 完善制度');
      const children = await childBureausOfCity();
      expect(children).toBeGreaterThan(1);
      expect(await city.locator('.orglife-tasks').textContent()).toContain(`0/${children}`);
      await city.screenshot({ path: '.test-artifacts/console-orglife-tasks.png' });
    } finally {
      await city.context().close();
    }
  });
});
