import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, openInConsole, PC_SIZES, pcPage, phonePage } from './support/browser';
import { signInConsole, signInPhone } from './support/api';

/**
 * 亮身份 · 亮承诺 · 亮岗牌 end to end: a member writes her card on the phone (a pledge with a phone number
 * is refused first), the branch secretary approves it in the PC console and opens the printable 岗牌,
 * and the public card and the institution's list show it; the 办实事 console pages are on screen too.
 * Screenshots (phone 390×844, PC 1366×768) go to .test-artifacts/.
 */

let browser: Browser;
const shots = '.test-artifacts';
beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launch();
});
afterAll(() => browser?.close());

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);
const fitsWidth = async (page: Page) => (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;

async function myPostId(): Promise<string> {
  const api = inject('apiUrl');
  const signIn = await fetch(`${api}/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'dev-member' }) });
  const { token } = (await signIn.json()) as { token: string };
  const mine = await fetch(`${api}/me/pioneer-post`, { headers: { authorization: `Bearer ${token}` } });
  return ((await mine.json()) as { post: { id: string } }).post.id;
}

async function consoleAs(openid: string, path: string): Promise<Page> {
  const page = await pcPage(browser, PC_SIZES[0]);
  page.setDefaultTimeout(30_000);
  await signInConsole(page, openid, path);
  return page;
}

describe('pioneer posts', () => {
  it('member card on the phone → secretary approves on the PC → the public sees it', async () => {
    const window = `公证受理${Date.now().toString(36)}号窗口`;
    const phone = await phonePage(browser);
    phone.setDefaultTimeout(20_000);
    try {
      await signInPhone(phone, 'dev-member');
      await phone.goto(h5Url('#/pages/pioneer/edit'));
      await visible(phone, '.pioneer-window input').fill(window);
      await visible(phone, '.pioneer-pledge-input textarea').fill('有事请打我手机13812345678，保证随叫随到。');
      await visible(phone, '.pioneer-services-input textarea').fill('公证咨询\n预约上门办证');
      await visible(phone, '.pioneer-save').click();
      await expect.poll(() => visible(phone, '.field-error').allTextContents(), { timeout: 20_000 }).toEqual(expect.arrayContaining([expect.stringContaining('个人信息')]));
      await phone.screenshot({ path: `${shots}/pioneer-edit-refused.png` });
      await visible(phone, '.pioneer-pledge-input textarea').fill('亮明党员身份，热情接待每一位来访群众，材料一次告知，当天能办的当天办结。');
      await visible(phone, '.pioneer-save').click();
      await expect.poll(() => visible(phone, '.pioneer-status').textContent(), { timeout: 20_000 }).toContain('待审核');
      expect(await fitsWidth(phone)).toBe(true);
      await phone.screenshot({ path: `${shots}/pioneer-edit.png`, fullPage: true });
    } finally {
      await phone.context().close();
    }
    const postId = await myPostId();

    const pc = await consoleAs('dev-secretary', 'pioneer');
    try {
      const row = pc.locator('.pioneer-posts .ant-table-row').filter({ hasText: window });
      await row.waitFor();
      await pc.screenshot({ path: `${shots}/console-pioneer-review.png`, fullPage: true });
      await row.locator('.pioneer-approve').click();
      await pc.locator('.ant-modal .ant-btn-primary').click();
      await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0); // gone from the pending list
      await expect.poll(() => pc.locator('.pioneer-stats').textContent()).toContain('已公开');
      expect(await fitsWidth(pc)).toBe(true);
      await openInConsole(pc, `pioneer/${postId}/badge`);
      await pc.locator('.pioneer-badge-print__qr').waitFor();
      expect(await pc.locator('.pioneer-badge-print').textContent()).toContain(window);
      await pc.screenshot({ path: `${shots}/console-pioneer-badge.png` });
    } finally {
      await pc.context().close();
    }

    const visitor = await phonePage(browser);
    visitor.setDefaultTimeout(20_000);
    try {
      await visitor.goto(h5Url(`#/pages/pioneer/card?id=${postId}`));
      await expect.poll(() => visible(visitor, '.pioneer-card').first().textContent(), { timeout: 20_000 }).toContain(window);
      const text = await visible(visitor, '.pioneer-card-page').first().textContent();
      expect(text).toContain('李静');
      expect(text).not.toMatch(/1[3-9]\d{9}/);
      await visible(visitor, '.pioneer-suggest').first().waitFor();
      expect(await fitsWidth(visitor)).toBe(true);
      await visitor.screenshot({ path: `${shots}/pioneer-card.png`, fullPage: true });
      await visitor.goto('about:blank');
      await visitor.goto(h5Url('#/pages/pioneer/list?orgId=lj-dh-gz'));
      await expect.poll(() => visible(visitor, '.pioneer-list-item').allTextContents(), { timeout: 20_000 }).toEqual(expect.arrayContaining([expect.stringContaining(window)]));
      await visitor.screenshot({ path: `${shots}/pioneer-list.png`, fullPage: true });
    } finally {
      await visitor.context().close();
    }

    const city = await consoleAs('dev-city-admin', 'service/outcomes');
    try {
      await expect.poll(() => city.locator('.service-outcomes .ant-card').first().textContent(), { timeout: 20_000 }).toContain('合计');
      expect(await fitsWidth(city)).toBe(true);
      await city.screenshot({ path: `${shots}/console-service-outcomes.png`, fullPage: true });
      await openInConsole(city, 'service');
      await expect.poll(() => city.locator('.service-projects .ant-table').textContent(), { timeout: 20_000 }).toContain('便民十条');
      await city.screenshot({ path: `${shots}/console-service-projects.png`, fullPage: true });
    } finally {
      await city.context().close();
    }
  });
});
