import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, openAfresh, PC_SIZES, pcPage, phonePage } from './support/browser';
import { api, devToken, signInConsole } from './support/api';

/**
 * Notifications in the H5 build: a member gives a suggestion while signed in, an admin replies, and
 * the member finds the badge on the 我的 tab, the message in 我的 → 消息 (unread, then read when
 * opened, leading to the suggestion's tracking page) and the suggestion under 我的意见. The H5 build
 * has no WeChat subscription and says so.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

describe('notifications in the browser', () => {
  it('a member sees the reply to their suggestion as a badge, an inbox message and under 我的意见', async () => {
    const marker = `E2E${Date.now().toString(36).toUpperCase()}`;
    const member = await devToken('dev-member');
    const admin = await devToken('dev-admin');
    const created = await api('POST', '/campaigns/demo-lj-2026/suggestions', { token: member, body: { category: 'notary', content: `公证预约电话常年占线，希望开通网上预约${marker}`, anonymous: true } });
    await api('POST', `/admin/suggestions/${created.id as string}/reply`, { token: admin, body: { text: `已开通网上预约，感谢建议${marker}` } });

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

      await openAfresh(page, '#/pages/notify/index');
      await expect.poll(() => visible(page, '.inbox__item').filter({ hasText: '您的意见有了答复' }).getAttribute('class')).toContain('inbox__item--read');
      await expect.poll(() => visible(page, '.inbox-unread').textContent()).toBe('没有未读消息');

      await openAfresh(page, '#/pages/notify/suggestions');
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

describe('send failures in the PC console', () => {
  it('an admin sees a refused message counted by reason and puts it back for sending', async () => {
    // A guest subscribed to progress messages, gave a suggestion and got a reply; WeChat refuses the message (43101).
    const guest = await devToken('wx-e2e-console-guest');
    await api('POST', '/me/subscriptions', { token: guest, body: { results: [{ templateKey: 'progress', result: 'accept' }] } });
    const admin = await devToken('dev-admin');
    const created = await api('POST', '/campaigns/demo-lj-2026/suggestions', { token: guest, body: { category: 'lawyer', content: `律师收费标准希望在网上公开${Date.now()}`, anonymous: true } });
    await api('POST', `/admin/suggestions/${created.id as string}/reply`, { token: admin, body: { text: '收费标准已在司法局网站公开' } });

    const { startFakeWechat } = await import('../functions/test/support/fake-wechat');
    const wechat = await startFakeWechat('wx-e2e', 'wx-e2e-secret', {}, { templateIds: ['tpl-progress'] });
    wechat.state.unsubscribed.add('wx-e2e-console-guest');
    expect(process.env.DYNAMODB_ENDPOINT).toBeTruthy();
    Object.assign(process.env, {
      STAGE: 'test', WECHAT_API_BASE: wechat.url, WECHAT_APP_ID: 'wx-e2e', WECHAT_APP_SECRET: 'wx-e2e-secret',
      WECHAT_TEMPLATES: JSON.stringify({ progress: 'tpl-progress' }), LOG_LEVEL: 'ERROR',
    });
    const { sendDue } = await import('../functions/src/notify/sender');
    const run = await sendDue();
    await wechat.close();
    expect(run.unsubscribed).toBeGreaterThanOrEqual(1);

    const page = await pcPage(browser, PC_SIZES[0]);
    page.setDefaultTimeout(15_000);
    try {
      await signInConsole(page, 'dev-city-admin', 'notify');
      const counts = page.locator('.notify-count').filter({ hasText: '用户拒收（43101）' });
      await expect.poll(() => counts.textContent()).toContain('1');
      expect(await page.locator('.ant-table-row').filter({ hasText: '意见答复' }).count()).toBeGreaterThanOrEqual(1);
      await page.screenshot({ path: '.test-artifacts/notify-console.png' });
      await page.getByRole('button', { name: /全部重发/ }).click();
      await page.getByText(/已重新排队 \d+ 条/).waitFor();
      await expect.poll(() => page.locator('.notify-count').filter({ hasText: '用户拒收（43101）' }).count()).toBe(0);
    } catch (err) {
      await page.screenshot({ path: '.test-artifacts/notify-console-failure.png' });
      throw err;
    } finally {
      await page.context().close();
    }
  });
});
