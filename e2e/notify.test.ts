import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';

/**
 * Notifications in the H5 build: a member gives a suggestion while signed in, an admin replies, and
 * the member finds the badge on the 我的 tab, the message in 我的 → 消息 (unread, then read when
 * opened, leading to the suggestion's tracking page) and the suggestion under 我的意见. The H5 build
 * has no WeChat subscription and says so.
 */

let browser: Browser;

async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${inject('apiUrl')}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

describe('notifications in the browser', () => {
  it('a member sees the reply to their suggestion as a badge, an inbox message and under 我的意见', async () => {
    const marker = `E2E${Date.now().toString(36).toUpperCase()}`;
    const member = (await api('/auth/dev', { method: 'POST', body: { openid: 'dev-member' } })).token as string;
    const admin = (await api('/auth/dev', { method: 'POST', body: { openid: 'dev-admin' } })).token as string;
    const created = await api('/campaigns/demo-lj-2026/suggestions', {
      method: 'POST', token: member, body: { category: 'notary', content: `公证预约电话常年占线，希望开通网上预约${marker}`, anonymous: true },
    });
    await api(`/admin/suggestions/${created.id as string}/reply`, { method: 'POST', token: admin, body: { text: `已开通网上预约，感谢建议${marker}` } });

    const page = await phonePage(browser);
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    try {
      await page.goto(h5Url('#/pages/login/index'));
      await page.locator('.dev-login-member').first().click();
      await page.waitForURL(/pages\/study\/index/);
      const badge = page.locator('.taro-tabbar__tabbar .weui-badge:visible');
      await expect.poll(() => badge.textContent()).toBe('1');

      await page.goto(h5Url('#/pages/me/index'));
      await expect.poll(() => visible(page, '.me-inbox-link').textContent()).toContain('1 条未读');
      await page.screenshot({ path: '.test-artifacts/notify-me.png' });
      await visible(page, '.me-inbox-link').click();

      const item = visible(page, '.inbox__item').filter({ hasText: '您的意见有了答复' });
      await expect.poll(() => item.getAttribute('class')).toContain('inbox__item--unread');
      await expect(visible(page, '.subscribe-card--h5').first().textContent()).resolves.toContain('网页版无法订阅微信消息');
      await page.screenshot({ path: '.test-artifacts/notify-inbox.png', fullPage: true });

      await item.click();
      await page.waitForURL(/pages\/feedback\/track/);
      await expect.poll(() => page.locator('body').textContent()).toContain(`已开通网上预约，感谢建议${marker}`);

      await page.goto(h5Url('#/pages/notify/index'));
      await expect.poll(() => visible(page, '.inbox__item').filter({ hasText: '您的意见有了答复' }).getAttribute('class')).toContain('inbox__item--read');
      await expect.poll(() => visible(page, '.inbox-unread').textContent()).toBe('没有未读消息');

      await page.goto(h5Url('#/pages/notify/suggestions'));
      const mine = visible(page, '.my-sugg').filter({ hasText: marker });
      await expect.poll(() => mine.textContent()).toContain('答复');
      await page.screenshot({ path: '.test-artifacts/notify-suggestions.png', fullPage: true });
    } catch (err) {
      await page.screenshot({ path: '.test-artifacts/notify-failure.png', fullPage: true });
      throw err;
    } finally {
      await page.context().close();
    }
  });
});
