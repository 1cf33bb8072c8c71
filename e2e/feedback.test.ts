import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';
import { api, signInPhone, devToken } from './support/api';

/**
 * Open-door feedback on the phone (H5 build): the public (no account) submits a suggestion and
 * tracks it; an admin replies (over the API: the inbox is the PC console's, see console-inbox);
 * the public rates the reply 不满意 and it lands on the admin's follow-up list.
 */

const CAMPAIGN = 'demo-lj-2026';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** The visible element of a Taro page (pages opened earlier stay in the DOM, hidden). */
const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

describe('open-door feedback in the browser', () => {
  it('submit as the public → track → admin replies → the public rates → follow-up list', async () => {
    const marker = `E2E${Date.now().toString(36).toUpperCase()}`;
    const text = `东湖公证处窗口排队时间太长（${marker}），希望增加周末办理。我的电话13812345678。`;
    const reply = `感谢您的建议（${marker}），自下月起周六上午开放预约办理。`;

    // ---- the public: a phone, no sign-in ----
    const pub = await phonePage(browser);
    await pub.goto(h5Url('#/pages/feedback/index'));
    await pub.locator(`.campaign-card[data-id="${CAMPAIGN}"]`).click();
    await expect.poll(() => visible(pub, '.campaign-page__title').textContent()).toContain('临江市司法局');
    await expect(visible(pub, '.campaign-report-channel').textContent()).resolves.toContain('12348');
    await visible(pub, '.campaign-submit').click();

    // The live counter and one validation error (from the shared schema) before anything is sent.
    const content = visible(pub, '.suggestion-content textarea');
    await content.fill('太慢了');
    await expect.poll(() => visible(pub, '.content-counter').textContent()).toBe('3/2000');
    await visible(pub, '.suggestion-submit').click();
    await expect.poll(() => visible(pub, '.field-error--content').textContent()).toBe('请至少写 5 个字');
    await expect(visible(pub, '.field-error--category').textContent()).resolves.toBe('请选择类别');

    // A named suggestion about notarisation; the honeypot stays empty and out of sight.
    const honeypot = await visible(pub, '.website-input').boundingBox();
    expect(honeypot === null || honeypot.x + honeypot.width <= 0).toBe(true);
    await visible(pub, '.category-options .choice-chip[data-value="notary"]').click();
    await content.fill(text);
    await expect.poll(() => visible(pub, '.content-counter').textContent()).toBe(`${[...text].length}/2000`);
    await visible(pub, '.identity-options .choice-chip[data-value="named"]').click();
    await visible(pub, '.contact-name input').fill('赵女士');
    await visible(pub, '.contact-phone input').fill('1391234567');
    await visible(pub, '.suggestion-submit').click();
    await expect.poll(() => visible(pub, '.field-error--phone').textContent()).toBe('请填写 11 位大陆手机号码');
    await visible(pub, '.contact-phone input').fill('13912345678');
    await visible(pub, '.suggestion-submit').click();

    // The answer: the tracking code, large, with copy and tracking buttons.
    const codeText = await visible(pub, '.tracking-code').textContent({ timeout: 15_000 });
    const trackingCode = (codeText ?? '').trim();
    expect(trackingCode.replace(/-/g, '')).toMatch(/^[2-9A-HJ-NP-Z]{12,}$/);
    await expect(visible(pub, '.tracking-copy').count()).resolves.toBe(1);
    await visible(pub, '.tracking-open').click();

    await expect.poll(() => visible(pub, '.tracked-status').textContent()).toBe('已收到');
    await expect(visible(pub, '.timeline-step--current').textContent()).resolves.toContain('已收到');
    const tracked = await visible(pub, '.tracked').innerText();
    expect(tracked).toContain(marker);
    expect(tracked).toContain('138****5678'); // numbers written in the text are masked
    expect(tracked).not.toContain('13812345678');
    expect(tracked).not.toContain('13912345678'); // never any contact data
    expect(tracked).not.toContain('赵女士');

    // Typed by hand in lower case without dashes, the code finds the same suggestion.
    await visible(pub, '.track-code-input input').fill(trackingCode.replace(/-/g, '').toLowerCase());
    await visible(pub, '.track-submit').click();
    await expect.poll(() => visible(pub, '.tracked-content').textContent()).toContain(marker);

    // ---- the admin replies (the inbox itself is the PC console's, tested in console-inbox) ----
    const admin = await devToken('dev-admin');
    const found = await api('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?q=${encodeURIComponent(marker)}`, { token: admin });
    expect(found.items).toHaveLength(1);
    expect(found.items[0].contact).toEqual({ name: '赵女士', phone: '13912345678' });
    await api('POST', `/admin/suggestions/${found.items[0].id}/reply`, { token: admin, body: { text: reply } });

    // ---- the public again: the reply, then a one-time rating ----
    await pub.reload();
    await expect.poll(() => visible(pub, '.tracked-reply__text').textContent(), { timeout: 15_000 }).toBe(reply);
    await expect(visible(pub, '.tracked-status').textContent()).resolves.toBe('已答复');
    await visible(pub, '.rating-options .choice-chip[data-value="unsatisfied"]').click();
    await visible(pub, '.rating-comment textarea').fill('周六上午仍然要排队，希望再增加窗口。');
    await visible(pub, '.rating-submit').click();
    await expect.poll(() => visible(pub, '.tracked-rating__value').textContent()).toBe('不满意');
    await expect(visible(pub, '.rating-form').count()).resolves.toBe(0);

    // The admin's follow-up list now holds it.
    const pending = await api('GET', `/admin/campaigns/${CAMPAIGN}/suggestions?followUp=pending&q=${encodeURIComponent(marker)}`, { token: admin });
    expect(pending.items.map((x: { id: string }) => x.id)).toEqual([found.items[0].id]);

    await pub.context().close();
  }, 180_000);

  it('a campaign with its own categories: the share link opens it, closing it closes it to the public', async () => {
    const title = `窗口服务评议${Date.now().toString(36)}`;
    const admin = await devToken('dev-admin');
    const created = await api('POST', '/admin/campaigns', { token: admin, body: {
      title, description: '已公开整治：窗口午休不办理、材料一次告知不到位。', orgId: 'lj',
      categories: [{ key: 'window', label: '窗口服务' }, { key: 'online', label: '网上办事' }, { key: 'notary', label: '公证' }],
      reportChannel: '监督电话 0571-12348', status: 'open',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    } });
    const link = h5Url(`#/pages/feedback/campaign?id=${created.id}`);

    // The public opens the share link: the campaign, then its own categories on the form.
    const pub = await phonePage(browser);
    await pub.goto(link);
    await expect.poll(() => visible(pub, '.campaign-page__title').textContent(), { timeout: 15_000 }).toBe(title);
    await expect(visible(pub, '.campaign-report-channel').textContent()).resolves.toBe('监督电话 0571-12348');
    await visible(pub, '.campaign-submit').click();
    await expect.poll(() => visible(pub, '.category-options .choice-chip').allTextContents()).toEqual(['窗口服务', '网上办事', '公证']);

    // Closing the campaign closes it to the public.
    await api('PATCH', `/admin/campaigns/${created.id}`, { token: admin, body: { status: 'closed' } });
    await pub.goto('about:blank');
    await pub.goto(link);
    await expect.poll(() => visible(pub, '.campaign-submit').textContent(), { timeout: 15_000 }).toBe('活动已结束');
    await pub.context().close();
  }, 120_000);

  it('tells an admin on the phone to manage campaigns in the PC console, and members nothing', async () => {
    for (const [who, hint] of [['admin', 1], ['member', 0]] as const) {
      const page = await phonePage(browser);
      await signInPhone(page, `dev-${who}`, '#/pages/feedback/index');
      await visible(page, '.feedback-track-entry').waitFor({ timeout: 15_000 });
      await expect.poll(() => visible(page, '.feedback-console-hint').count()).toBe(hint);
      if (hint) expect(await visible(page, '.feedback-console-hint').textContent()).toContain('管理后台');
      await page.context().close();
    }
  }, 90_000);
});
