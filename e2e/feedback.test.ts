import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { XLSX_MEDIA_TYPE } from '@kaimen/shared';
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

    // The dashboard counts it.
    await admin.goto(h5Url(`#/pages/feedback/dashboard?campaignId=${CAMPAIGN}`));
    await expect.poll(async () => Number(await admin.locator('.dashboard-figure--total .dashboard-figure__value').textContent()), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await expect(admin.locator('.dashboard-per-category .bar-list__row[data-key="notary"]').count()).resolves.toBe(1);
    await expect(admin.locator('.stacked-bar__item--unsatisfied').textContent()).resolves.toMatch(/不满意 [1-9]/);

    await pub.context().close();
    await admin.context().close();
  }, 180_000);

  it('an admin creates, shares and closes a campaign, imports offline suggestions and exports the inbox', async () => {
    const title = `窗口服务评议${Date.now().toString(36)}`;
    const admin = await adminPage();
    await admin.goto(h5Url('#/pages/feedback/admin'));
    await admin.locator('.campaign-create').click();
    await admin.locator('.campaign-form-title').fill(title);
    await admin.locator('.campaign-form-description').fill('已公开整治：窗口午休不办理、材料一次告知不到位。');
    await admin.locator('.campaign-form-own-categories').check();
    await admin.locator('.campaign-form-categories').fill('窗口服务\n网上办事\n公证');
    await admin.locator('.campaign-form-report').fill('监督电话 0571-12348');
    await admin.locator('.campaign-form-status').selectOption('open');
    await admin.locator('.campaign-form-save').click();
    const row = admin.locator('.campaign-row', { hasText: title });
    await expect.poll(() => row.locator('.campaign-row__status').textContent(), { timeout: 15_000 }).toBe('已开启');
    const campaignId = await row.getAttribute('data-id');
    expect(campaignId).toMatch(/^[\w-]{2,40}$/);

    // Share link and QR poster (PNG, drawn in the browser).
    await row.locator('.campaign-poster').click();
    const link = await admin.locator('.poster-link').inputValue();
    expect(link).toContain(`#/pages/feedback/campaign?id=${campaignId}`);
    await expect.poll(() => admin.locator('.poster-preview').getAttribute('src'), { timeout: 15_000 }).toMatch(/^data:image\/png;base64,/);
    await expect(admin.locator('.poster-download').getAttribute('download')).resolves.toMatch(/\.png$/);

    // The public opens the share link: the campaign, then its own categories on the form.
    const pub = await phonePage(browser);
    await pub.goto(link);
    await expect.poll(() => visible(pub, '.campaign-page__title').textContent(), { timeout: 15_000 }).toBe(title);
    await expect(visible(pub, '.campaign-report-channel').textContent()).resolves.toBe('监督电话 0571-12348');
    await visible(pub, '.campaign-submit').click();
    await expect.poll(() => visible(pub, '.category-options .choice-chip').allTextContents()).toEqual(['窗口服务', '网上办事', '公证']);

    // Offline suggestions from a CSV: a bad file imports nothing and lists its rows; a good one imports.
    await admin.goto(h5Url(`#/pages/feedback/inbox?campaignId=${campaignId}`));
    await admin.locator('.inbox-import-toggle').click();
    const bad = 'category,content,channel,submittedAt,externalId\nnotary,太短,window,2026-03-01,C-1\n';
    await admin.locator('.import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await admin.locator('.import-send').click();
    await expect.poll(() => admin.locator('.import-row-errors tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(admin.locator('.import-row-errors tbody tr').first().textContent()).resolves.toContain('2');
    const good = [
      'category,content,channel,submittedAt,externalId,备注',
      'notary,窗口意见卡：公证处中午不办理业务，上班族只能请假来办。,window,2026-03-01,C-1,卡片',
      'custom_2,来信：网上预约系统经常打不开，希望尽快修复。,letter,2026/3/2 9:05,L-7,',
    ].join('\n');
    await admin.locator('.import-file').setInputFiles({ name: 'offline.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await admin.locator('.import-send').click();
    await expect.poll(() => admin.locator('.import-imported').textContent(), { timeout: 15_000 }).toBe('2');
    await expect.poll(() => admin.locator('.suggestion-card').count()).toBe(2);

    // The same from an XLSX workbook: a binary upload, through serverless-offline as through the gateway.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('线下意见');
    ws.addRow(['category', 'content', 'channel', 'submittedAt', 'externalId']);
    ws.addRow(['notary', '论坛发言：公证收费标准没有在窗口公示，群众心里没底。', 'forum', '2026-03-03', 'F-1']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await admin.locator('.import-file').setInputFiles({ name: 'offline.xlsx', mimeType: XLSX_MEDIA_TYPE, buffer: xlsx });
    await admin.locator('.import-send').click();
    await expect.poll(() => admin.locator('.import-imported').textContent(), { timeout: 15_000 }).toBe('1');
    await expect.poll(() => admin.locator('.suggestion-card').count(), { timeout: 15_000 }).toBe(3);
    await admin.locator('.filter-channel').selectOption('letter');
    await admin.locator('.filter-apply').click();
    await expect.poll(() => admin.locator('.suggestion-card').count()).toBe(1);
    await expect(admin.locator('.suggestion-card').first().textContent()).resolves.toContain('网上预约系统');

    // Export the inbox to XLSX.
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator('.inbox-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of saved) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 2).toString()).toBe('PK'); // a zip: an XLSX workbook

    // Closing the campaign closes it to the public.
    await admin.goto(h5Url('#/pages/feedback/admin'));
    await admin.locator('.campaign-row', { hasText: title }).locator('.campaign-close').click();
    await expect.poll(() => admin.locator('.campaign-row', { hasText: title }).locator('.campaign-row__status').textContent()).toBe('已关闭');
    await pub.goto(link);
    await pub.reload();
    await expect.poll(() => visible(pub, '.campaign-submit').textContent(), { timeout: 15_000 }).toBe('活动已结束');

    await pub.context().close();
    await admin.context().close();
  }, 180_000);

  it('keeps members out of the admin pages', async () => {
    const page = await phonePage(browser);
    await page.goto(h5Url('#/pages/login/index'));
    await page.locator('.dev-login-member').click();
    await page.waitForURL(/pages\/study\/index/);
    await page.goto(h5Url('#/pages/feedback/inbox?campaignId=demo-lj-2026'));
    await expect.poll(() => visible(page, '.admin-forbidden').textContent(), { timeout: 15_000 }).toContain('需要管理员权限');
    await expect(page.locator('.suggestion-card').count()).resolves.toBe(0);
    await page.context().close();
  }, 60_000);
});
