import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';

/**
 * The remediation checklist in the H5 build: two people report the same problem through the API; the
 * city admin (a PC browser) runs the tally in the checklist admin page, sets the item's owner, target
 * and deadline and publishes it; the public (a phone) opens the checklist from the campaign page and
 * sees the item, without any suggestion text.
 */

const CAMPAIGN = 'demo-lj-2026';
let browser: Browser;

async function api(method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(inject('apiUrl') + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as any;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The visible element of a Taro page (pages opened earlier stay in the DOM, hidden). */
const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('the remediation checklist in the browser', () => {
  it('two reports of one problem → the admin tallies and publishes the item → the public sees it', async () => {
    const marker = `E2E${Date.now().toString(36).toUpperCase()}`;
    const texts = [
      `公证处门口根本没地方停车，开车去办事转了好几圈（${marker}）`,
      `去公证处办事停车太难了，车位太少，希望协调停车位（${marker}）`,
    ];
    const codes: string[] = [];
    for (const content of texts) {
      codes.push((await api('POST', `/campaigns/${CAMPAIGN}/suggestions`, { category: 'notary', content, anonymous: true })).trackingCode);
    }

    // ---- the city admin: a PC browser ----
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const admin = await context.newPage();
    await admin.goto(h5Url('#/pages/login/index'));
    await visible(admin, '.dev-login input').fill('dev-city-admin');
    await visible(admin, '.dev-login-submit').click();
    await admin.waitForURL(/pages\/study\/index/);
    await admin.goto(h5Url(`#/pages/checklist/admin?campaignId=${CAMPAIGN}`));
    await expect.poll(() => visible(admin, '.checklist-pending').textContent(), { timeout: 15_000 }).toMatch(/待归并 [1-9]\d* 条/);
    await visible(admin, '.checklist-run-tally').click();
    await expect.poll(() => visible(admin, '.checklist-notice').textContent(), { timeout: 15_000 }).toMatch(/已归并 \d+ 条新意见/);
    await expect.poll(() => visible(admin, '.checklist-pending').textContent()).toBe('待归并 0 条');

    // Both reports landed in one item.
    const tracked = await Promise.all(codes.map((c) => api('GET', `/suggestions/track/${c}`)));
    expect(tracked.map((t) => t.status)).toEqual(['in_checklist', 'in_checklist']);
    const itemId = tracked[0].checklistItem.id as string;
    expect(tracked[1].checklistItem.id).toBe(itemId);

    const row = visible(admin, `.checklist-row[data-item-id="${itemId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.locator('.checklist-row__published').textContent()).resolves.toBe('未公开');
    await row.locator('.checklist-edit').click();
    const target = `每个工作日为群众预留停车位（${marker}）`;
    await visible(admin, '.ck-owner').fill('市公证协会');
    await visible(admin, '.ck-deadline').fill('2099-06-30');
    await visible(admin, '.ck-target').fill(target);
    await visible(admin, '.ck-status').selectOption('in_progress');
    await visible(admin, '.ck-progress').fill('已与物业协调临时车位');
    await visible(admin, '.ck-published').check();
    await visible(admin, '.ck-save').click();
    await expect.poll(() => visible(admin, '.checklist-notice').textContent()).toBe('已保存');
    await expect.poll(() => row.locator('.checklist-row__published').textContent()).toBe('已公开');
    await expect(row.locator('.checklist-row__status').textContent()).resolves.toBe('整改中');
    await expect(visible(admin, '.ck-notes').textContent()).resolves.toContain('已与物业协调临时车位');
    const title = (await row.locator('.checklist-row__title').evaluate((td) => td.firstChild?.textContent ?? '')).trim();
    expect(title.length).toBeGreaterThan(0);
    await context.close();

    // ---- the public: a phone, no sign-in ----
    const pub = await phonePage(browser);
    await pub.goto(h5Url(`#/pages/feedback/campaign?id=${CAMPAIGN}`));
    await visible(pub, '.campaign-checklist-link').click();
    await expect.poll(() => visible(pub, '.checklist-page__title').textContent(), { timeout: 15_000 }).toContain('临江市司法局');
    const card = visible(pub, '.checklist-item').filter({ hasText: target });
    await expect.poll(() => card.count()).toBe(1);
    await expect(card.locator('.checklist-item__title').textContent()).resolves.toBe(title);
    await expect(card.locator('.checklist-deadline').textContent()).resolves.toBe('2099-06-30');
    await expect(card.locator('.checklist-owner').textContent()).resolves.toBe('市公证协会');
    await expect(card.locator('.checklist-progress').textContent()).resolves.toBe('已与物业协调临时车位');
    await expect(card.locator('.checklist-status').textContent()).resolves.toBe('整改中');
    const count = (await card.locator('.checklist-item__count').textContent()) ?? '';
    expect(count).toMatch(/^\d+ 条意见反映$/);
    expect(Number.parseInt(count, 10)).toBeGreaterThanOrEqual(2);
    await expect(visible(pub, '.checklist-report-channel').textContent()).resolves.toContain('12348');
    // No suggestion text reaches the public page.
    await expect(pub.locator('body').textContent()).resolves.not.toContain('转了好几圈');
  });
});
