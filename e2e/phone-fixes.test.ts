import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';
import { api, signInPhone, devToken } from './support/api';

// Browser globals inside page.evaluate (the e2e files are typed for Node).
declare const getComputedStyle: any, navigator: any;


/**
 * What a walk through the phone pages found (issue 18), each checked in the H5 build: the tracking
 * timeline, stale and vague form errors, loading and retry states, wording, sharing and opening from
 * a shared link, 长辈模式.
 */

const CAMPAIGN = 'demo-lj-2026';
const RED = 'rgb(200, 22, 29)';
let browser: Browser;
let admin: string;

beforeAll(async () => {
  admin = await devToken('dev-admin');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

async function signIn(page: Page) {
  await signInPhone(page, 'dev-member');
}

describe('phone pages for older members and the public', () => {
  it('the tracking timeline shows progress in time order, opened straight from a shared link by code', async () => {
    const marker = `E2E${Date.now().toString(36).toUpperCase()}`;
    const created: { id: string; trackingCode: string }[] = [];
    for (const content of [`法律援助中心电话总是占线，打了十几次才打通（${marker}）`, `法律援助热线经常占线打不进去，希望增加接线人员（${marker}）`]) {
      created.push(await api('POST', `/campaigns/${CAMPAIGN}/suggestions`, { body: { category: 'legal_aid', content, anonymous: true } }));
    }
    const codes = created.map((c) => c.trackingCode);
    const id = created[0]!.id;
    // Put on the checklist first, answered afterwards.
    // The tally runs in the background (202 { runId }): wait until it has put the suggestion on the checklist.
    await api('POST', `/admin/campaigns/${CAMPAIGN}/tally`, { token: admin });
    await expect.poll(async () => (await api('GET', `/suggestions/track/${codes[0]}`)).status, { timeout: 30_000 }).toBe('in_checklist');
    await new Promise((r) => setTimeout(r, 1100));
    await api('POST', `/admin/suggestions/${id}/reply`, { token: admin, body: { text: '已增加两名接线人员。' } });

    const page = await phonePage(browser);
    await page.goto(h5Url(`#/pages/feedback/track?code=${codes[0]}`));
    await expect.poll(() => visible(page, '.tracked-reply__text').textContent(), { timeout: 20_000 }).toBe('已增加两名接线人员。');
    const steps = visible(page, '.timeline-step');
    const order = await steps.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-status')}:${[...e.classList].find((c) => c.startsWith('timeline-step--'))}`));
    const reached = order.filter((s) => !s.endsWith('--pending')).map((s) => s.split(':')[0]);
    expect(reached).toEqual(['received', 'in_checklist', 'replied']);
    // Reached steps are drawn in red, the ones ahead are not.
    const dotColour = (status: string) => visible(page, `.timeline-step[data-status="${status}"] .timeline-step__dot`).evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await dotColour('received')).toBe(RED);
    expect(await dotColour('in_checklist')).toBe(RED);
    expect(await dotColour('resolved')).not.toBe(RED);
    // A title bar for someone who came from a link, with a way home.
    await expect(visible(page, '.title-bar__title').textContent()).resolves.toBe('查询办理进度');
    await visible(page, '.title-bar__home').click();
    await page.waitForURL(/pages\/feedback\/index/);
    await page.context().close();
  });

  it('the form drops its summary once the errors are fixed, and names the field the server rejects', async () => {
    const page = await phonePage(browser);
    await page.goto(h5Url(`#/pages/feedback/submit?id=${CAMPAIGN}`));
    await visible(page, '.suggestion-submit').click();
    await expect.poll(() => visible(page, '.submit-error').textContent()).toBe('请按提示修改后再提交');
    await visible(page, '.category-options .choice-chip[data-value="notary"]').click();
    await visible(page, '.suggestion-content textarea').fill('公证处的预约电话总是无人接听，希望改进。');
    await expect.poll(() => visible(page, '.submit-error').count()).toBe(0);

    // The server rejects a field the browser cannot check (a unit that no longer exists).
    await page.route('**/campaigns/*/suggestions', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}');
      await route.continue({ postData: JSON.stringify({ ...body, orgId: 'no-such-unit' }) });
    });
    await visible(page, '.suggestion-submit').click();
    await expect.poll(() => visible(page, '.field-error--orgId').textContent(), { timeout: 15_000 }).toBe('请从本活动的单位列表中重新选择');
    await expect(visible(page, '.submit-error').textContent()).resolves.toBe('请按提示修改后再提交');
    await page.context().close();
  });

  it('the archive says it is loading; the study tab offers 重试 after a failed load', async () => {
    const page = await phonePage(browser);
    await signIn(page);
    let failTopics = true;
    await page.route('**/topics?*', async (route) => {
      if (failTopics) return route.abort('failed');
      return route.continue();
    });
    await page.goto(h5Url('#/pages/study/index'));
    await page.reload();
    await expect.poll(() => visible(page, '.study-error').count(), { timeout: 20_000 }).toBe(1);
    failTopics = false;
    await visible(page, '.study-retry').click();
    await expect.poll(() => visible(page, '.study-topic').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // Wording: lengths in whole minutes, the daily pick does not repeat its topic.
    const metas = await visible(page, '.study-daily__tags').allTextContents();
    for (const m of metas) expect(m).toMatch(/约 \d+ 分钟$/);
    const daily = (await visible(page, '.study-daily').textContent()) ?? '';
    const topic = ((await visible(page, '.study-daily__topic').textContent()) ?? '').replace('专题：', '');
    expect(daily.split(topic).length - 1).toBe(1);
    await page.goto(h5Url('#/pages/study/topic?id=demo-topic-rule-of-law'));
    await expect.poll(() => visible(page, '.study-lesson-row').count(), { timeout: 15_000 }).toBe(3);
    expect((await visible(page, '.study-lesson-row').allTextContents()).join()).not.toMatch(/秒/);

    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/me/archive', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(h5Url('#/pages/study/archive'));
    await expect.poll(() => visible(page, '.archive-loading').textContent(), { timeout: 15_000 }).toBe('正在加载学习档案…');
    release();
    await expect.poll(() => visible(page, '.archive-totals').count(), { timeout: 15_000 }).toBe(1);
    const minutes = await visible(page, '.archive-totals__item').filter({ hasText: '学习分钟' }).locator('.archive-totals__value').textContent();
    expect(minutes).toMatch(/^\d+$/);
    await page.context().close();
  });

  it('an audio lesson without its file counts as reading its notes, not the length of the recording', async () => {
    const page = await phonePage(browser);
    await signIn(page);
    await page.goto(h5Url('#/pages/study/lesson?id=demo-lesson-rs-1'));
    await expect.poll(() => visible(page, '.media-missing').count(), { timeout: 30_000 }).toBe(1);
    // Five minutes of audio in the seed; its notes take seconds to read.
    await expect(visible(page, '.lesson-tags').textContent()).resolves.toContain('约 1 分钟');
    const finish = visible(page, '.lesson-finish');
    await expect.poll(() => finish.textContent(), { timeout: 30_000, interval: 500 }).toBe('完成学习');
    await finish.click();
    await expect.poll(() => visible(page, '.lesson-done').count(), { timeout: 10_000 }).toBe(1);
    await page.context().close();
  });

  it('shares a campaign as a clean link that opens on its own', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(h5Url('#/pages/feedback/index'));
    await visible(page, `.campaign-card[data-id="${CAMPAIGN}"]`).click();
    await visible(page, '.campaign-page__title').waitFor({ timeout: 15_000 });
    await visible(page, '.share-button').click();
    const link = await expect.poll(() => page.evaluate(() => navigator.clipboard.readText().catch(() => '')), { timeout: 5_000 }).toMatch(/#\/pages\/feedback\/campaign\?id=/)
      .then(() => page.evaluate(() => navigator.clipboard.readText()));
    expect(link).toBe(`${new URL(h5Url()).origin}/#/pages/feedback/campaign?id=${CAMPAIGN}`);
    const other = await phonePage(browser);
    const asked: string[] = [];
    other.on('request', (r) => { if (new URL(r.url()).pathname.endsWith(`/campaigns/${CAMPAIGN}`)) asked.push(r.method()); });
    await other.goto(link);
    await expect.poll(() => visible(other, '.campaign-page__title').textContent(), { timeout: 15_000 }).toContain('临江市司法局');
    // index.html asked for the campaign while the app was loading; the page used that answer, not a second request.
    expect(asked).toEqual(['GET']);
    await expect(visible(other, '.title-bar__title').textContent()).resolves.toBe('征求意见活动');
    // Nothing to go back to: 返回 leads to the public 建言 tab.
    await visible(other, '.title-bar__back').click();
    await other.waitForURL(/pages\/feedback\/index/);
    await other.context().close();
    await context.close();
  });

  it('长辈模式 in 我的 enlarges the type on every page and is remembered', async () => {
    const page = await phonePage(browser);
    await signIn(page);
    const bodySize = () => visible(page, '.study-topic__title').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await expect.poll(() => visible(page, '.study-topic').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const normal = await bodySize();
    expect(normal).toBeGreaterThanOrEqual(16);
    await page.goto(h5Url('#/pages/me/index'));
    const toggle = visible(page, '.elder-switch');
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await page.goto(h5Url('#/pages/study/index'));
    await page.reload();
    await expect.poll(() => visible(page, '.study-topic').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await bodySize()).toBeGreaterThanOrEqual(normal * 1.2);
    const button = await visible(page, '.study-archive-entry').boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(54);
    await page.context().close();
  });
});
