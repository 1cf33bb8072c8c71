import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';

/**
 * Open-door feedback, the whole path in the H5 build: the public (no account, a phone) submits a
 * suggestion and tracks it; an admin (a PC browser, its own browser context) replies in the inbox;
 * the public rates the reply 不满意; the admin finds it on the follow-up list and records a 回访.
 */

const CAMPAIGN = 'demo-lj-2026';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function adminPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(h5Url('#/pages/login/index'));
  await page.locator('.dev-login-admin').click();
  // Signing in opens the study tab.
  await page.waitForURL(/pages\/study\/index/);
  return page;
}

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

    // ---- the admin: a PC browser, signed in through the dev picker ----
    const admin = await adminPage();
    await admin.goto(h5Url(`#/pages/feedback/inbox?campaignId=${CAMPAIGN}`));
    await admin.locator('.filter-q').fill(marker);
    await admin.locator('.filter-apply').click();
    const card = admin.locator('.suggestion-card', { hasText: marker });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    await expect(card.locator('.suggestion-card__contact').textContent()).resolves.toContain('赵女士 13912345678');
    await card.locator('.reply-text').fill(reply);
    await card.locator('.reply-send').click();
    await expect.poll(() => card.locator('.suggestion-card__reply').textContent()).toContain(reply);
    await expect(card.locator('.suggestion-status').textContent()).resolves.toBe('已答复');

    // ---- the public again: the reply, then a one-time rating ----
    await pub.reload();
    await expect.poll(() => visible(pub, '.tracked-reply__text').textContent(), { timeout: 15_000 }).toBe(reply);
    await expect(visible(pub, '.tracked-status').textContent()).resolves.toBe('已答复');
    await visible(pub, '.rating-options .choice-chip[data-value="unsatisfied"]').click();
    await visible(pub, '.rating-comment textarea').fill('周六上午仍然要排队，希望再增加窗口。');
    await visible(pub, '.rating-submit').click();
    await expect.poll(() => visible(pub, '.tracked-rating__value').textContent()).toBe('不满意');
    await expect(visible(pub, '.rating-form').count()).resolves.toBe(0);

    // ---- the admin: 不满意清零 lists it until a follow-up is recorded ----
    await admin.locator('.inbox-tab-follow-up').click();
    const pending = admin.locator('.suggestion-card', { hasText: marker });
    await expect.poll(() => pending.locator('.follow-up-box').count(), { timeout: 15_000 }).toBe(1);
    await expect(pending.locator('.suggestion-rating').textContent()).resolves.toBe('不满意');
    await pending.locator('.follow-up-note').fill('已电话回访赵女士，说明增设窗口的安排，对方表示理解。');
    await pending.locator('.follow-up-outcome').selectOption('basically_satisfied');
    await pending.locator('.follow-up-send').click();
    await expect.poll(() => pending.locator('.suggestion-card__follow-up').textContent()).toContain('已电话回访');
    await admin.locator('.inbox-tab-all').click();
    await admin.locator('.inbox-tab-follow-up').click();
    await expect.poll(() => admin.locator('.suggestion-card', { hasText: marker }).count()).toBe(0);

    await pub.context().close();
    await admin.context().close();
  }, 180_000);
});
