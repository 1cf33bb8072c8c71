import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';
import { api, devToken } from './support/api';

/**
 * The public remediation checklist in the H5 build: two people report the same problem; the city admin
 * tallies, sets the item's owner, target and deadline and publishes it (over the API); the public (a
 * phone) opens the checklist from the campaign page and sees the item, without any suggestion text.
 */

const CAMPAIGN = 'demo-lj-2026';
let browser: Browser;

/** The visible element of a Taro page (pages opened earlier stay in the DOM, hidden). */
const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('the remediation checklist in the browser', () => {
  it('two reports of one problem → tallied and published → the public sees the item', async () => {
    const marker = `E2E${Date.now().toString(36).toUpperCase()}`;
    const texts = [
      `公证处门口根本没地方停车，开车去办事转了好几圈（${marker}）`,
      `去公证处办事停车太难了，车位太少，希望协调停车位（${marker}）`,
    ];
    const codes: string[] = [];
    for (const content of texts) {
      codes.push((await api('POST', `/campaigns/${CAMPAIGN}/suggestions`, { body: { category: 'notary', content, anonymous: true } })).trackingCode);
    }

    // ---- the city admin tallies and publishes (over the API: the checklist page is the PC console's, see console-checklist) ----
    const admin = await devToken('dev-city-admin');
    const { runId } = await api('POST', `/admin/campaigns/${CAMPAIGN}/tally`, { token: admin });
    await expect.poll(async () => (await api('GET', `/admin/tally-runs/${runId}`, { token: admin })).status, { timeout: 30_000 }).toBe('done');

    // Both reports landed in one item.
    const tracked = await Promise.all(codes.map((c) => api('GET', `/suggestions/track/${c}`)));
    expect(tracked.map((t) => t.status)).toEqual(['in_checklist', 'in_checklist']);
    const itemId = tracked[0].checklistItem.id as string;
    expect(tracked[1].checklistItem.id).toBe(itemId);

    const target = `每个工作日为群众预留停车位（${marker}）`;
    const item = await api('PATCH', `/admin/checklist-items/${itemId}`, { token: admin, body: {
      owner: '市公证协会', deadline: '2099-06-30', target, status: 'in_progress', progress: '已与物业协调临时车位', published: true,
    } });
    const title = item.title as string;
    expect(title.length).toBeGreaterThan(0);

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
