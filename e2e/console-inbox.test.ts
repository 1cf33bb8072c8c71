import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, PC_SIZES, pcPage } from './support/browser';
import { expectTableFits, onScreen } from './support/console-layout';
import { api, devToken, signInConsole } from './support/api';

/**
 * The open-door inbox (意见箱) and the dashboard (数据看板) in the PC console, on a campaign of its own:
 * import with row errors, filters and search, reply in a drawer, the follow-up of an unsatisfied
 * rating, a spam mark, the XLSX export, then the dashboard's figures and charts — the whole flow at
 * the first PC size. At the other size only the layout is checked again, on the data the flow left
 * (the table fits, the drawer and the dashboard's figures and charts are on screen): the writes and
 * filters behave the same at any size.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Closes the open drawer and waits until it is gone (while it slides out it takes the clicks and the focus). */
async function closeDrawer(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.suggestion-drawer .ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
}

/** Picks an option of an antd Select. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}

const HEADER = '类别,意见内容,渠道,提交时间,原编号';
/** expect.poll waits 1 s by default; a page load on a busy machine takes longer. */
const wait = { timeout: 20_000 };

const [size, otherSize] = PC_SIZES;
/** What the flow left for the layout check at the other size. */
let done: { campaignId: string; marker: string } | undefined;

describe('the inbox and the dashboard in the console', () => {
  it(`imports, filters, replies, follows up, marks and exports in the inbox; the dashboard counts it all (${size.width}×${size.height})`, async () => {
    const marker = `E2E${size.width}${Date.now().toString(36).toUpperCase()}`;
    const admin = await devToken('dev-city-admin');
    const campaign = await api('POST', '/admin/campaigns', { token: admin, body: {
      title: `意见箱测试 ${marker}`, description: '浏览器测试', orgId: 'lj', status: 'open',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    } });
    const submitted = await api('POST', `/campaigns/${campaign.id}/suggestions`, { body: {
      category: 'notary', content: `公证处窗口排队时间太长（${marker}），希望增加周末办理。`, anonymous: false, contact: { name: '赵女士', phone: '13912345678' },
    } });

    const page = await pcPage(browser, size);
    page.setDefaultTimeout(20_000);
    await signInConsole(page, 'dev-city-admin', `feedback/inbox?campaign=${campaign.id}`);
    const table = page.locator('.inbox-table');
    const rows = table.locator('tbody tr.ant-table-row');
    await table.getByText(marker).waitFor();
    expect(await page.locator('.console-breadcrumb').textContent()).toContain('意见箱');
    await expectTableFits(page, table);

    // Import: a bad row lists its row number and imports nothing; then a good file (Chinese headers) imports two.
    await page.locator('.inbox-import').click();
    const upload = page.locator('.import-modal input[type=file]');
    await upload.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n公证,太短,窗口意见卡,2026-03-01,C-1\n`) });
    const errors = page.locator('.import-modal .import-errors tbody tr');
    await errors.first().waitFor();
    expect(await errors.first().locator('td').first().textContent()).toBe('2');
    expect(await page.locator('.import-modal .form-problem').textContent()).toContain('未导入任何内容');
    const good = [HEADER, '公证,窗口意见卡：公证处中午不办理业务，上班族只能请假来办。,窗口意见卡,2026-03-01,C-1', '其他,来信：网上预约系统经常打不开，希望尽快修复。,来信,2026/3/2 9:05,L-7'].join('\n');
    await upload.setInputFiles({ name: 'offline.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await expect.poll(() => page.locator('.import-modal .import-done').textContent(), wait).toContain('已导入 2 条');
    await page.keyboard.press('Escape');
    await expect.poll(() => rows.count(), wait).toBe(3);

    // Filters apply at once; a channel, then a search.
    await choose(page, page.locator('.filter-channel'), '来信');
    await expect.poll(() => rows.count(), wait).toBe(1);
    expect(await rows.first().textContent()).toContain('网上预约系统');
    await page.reload(); // filters start empty; the campaign stays (it is in the address)
    await expect.poll(() => rows.count(), wait).toBe(3);
    const search = page.getByPlaceholder('搜索意见内容');
    await search.fill(marker);
    await search.press('Enter');
    await expect.poll(() => rows.count(), wait).toBe(1);

    // Reply in an on-screen drawer: too short is refused next to the field and the text stays.
    await rows.first().locator('.suggestion-open').click();
    const drawer = page.locator('.suggestion-drawer .ant-drawer-content-wrapper');
    await drawer.waitFor();
    // The drawer slides in and ends wholly on screen.
    await expect.poll(() => onScreen(drawer, size)).toBe(true);
    expect(await drawer.locator('.suggestion-contact').textContent()).toBe('赵女士 13912345678');
    const replyText = drawer.locator('.reply-text textarea, textarea.reply-text').first();
    await replyText.fill('好');
    await drawer.locator('.reply-send').click();
    await drawer.getByText('答复内容至少 2 个字').first().waitFor();
    expect(await replyText.inputValue()).toBe('好');
    const reply = `感谢您的建议（${marker}），自下月起周六上午开放预约办理。`;
    await replyText.fill(reply);
    await drawer.locator('.reply-send').click();
    await expect.poll(() => drawer.locator('.suggestion-status').textContent(), wait).toBe('已答复');
    await expect.poll(() => rows.first().locator('.suggestion-status').textContent(), wait).toBe('已答复');
    await closeDrawer(page);
    await choose(page, page.locator('.filter-replied'), '未答复');
    await expect.poll(() => rows.count(), wait).toBe(0);

    // The public rates the reply 不满意: it is on the follow-up list until the 回访 is recorded.
    await api('POST', `/suggestions/track/${submitted.trackingCode}/rating`, { body: { rating: 'unsatisfied', comment: '还是要排队' } });
    await page.reload();
    await page.locator('.inbox-tab-follow-up').click();
    await expect.poll(() => rows.count(), wait).toBe(1);
    await rows.first().locator('.suggestion-open').click();
    await drawer.locator('.follow-up-note textarea, textarea.follow-up-note').first().fill('已电话回访赵女士，说明增设窗口的安排，对方表示理解。');
    await drawer.locator('.follow-up-send').click();
    await expect.poll(() => drawer.locator('.suggestion-follow-up').textContent(), wait).toContain('已电话回访');
    await closeDrawer(page);
    await expect.poll(() => rows.count(), wait).toBe(0);

    // Mark the letter as spam; the 已标记 filter finds it.
    await page.getByRole('tab', { name: '全部意见' }).click();
    await rows.filter({ hasText: '网上预约系统' }).locator('.suggestion-open').click();
    await drawer.locator('.moderation-spam').click();
    await expect.poll(() => drawer.locator('.suggestion-moderation').textContent(), wait).toBe('无效信息');
    await closeDrawer(page);
    await choose(page, page.locator('.filter-moderation'), '已标记（全部）');
    await expect.poll(() => rows.count(), wait).toBe(1);
    expect(await rows.first().textContent()).toContain('网上预约系统');
    await expectTableFits(page, table);
    await page.screenshot({ path: `.test-artifacts/console-inbox-${size.width}.png` });

    // Export the (filtered) inbox as a workbook.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.inbox-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 2).toString()).toBe('PK');

    // The dashboard of the same campaign: figures (the spam left out), and charts drawn once ECharts has loaded.
    await page.locator('.feedback-nav').getByText('数据看板').click();
    await expect.poll(() => page.locator('.dashboard-figure--total .ant-statistic-content').textContent(), wait).toBe('2');
    expect(await page.locator('.dashboard-figure--replied .ant-statistic-content').textContent()).toBe('1');
    expect(await page.locator('.dashboard-figure--follow-ups .ant-statistic-content').textContent()).toBe('0');
    const category = page.locator('.dashboard-per-category .chart-canvas');
    await expect.poll(() => category.getAttribute('data-ready'), wait).toBe('true');
    await expect.poll(() => category.getAttribute('aria-label'), wait).toContain('公证 2 条');
    expect(await page.locator('.dashboard-satisfaction .chart-canvas').getAttribute('aria-label')).toContain('不满意 1 条');
    expect(await page.locator('.dashboard canvas').count()).toBeGreaterThanOrEqual(5);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: `.test-artifacts/console-dashboard-${size.width}.png`, fullPage: true });
    await page.context().close();
    done = { campaignId: campaign.id as string, marker };
  }, 240_000);

  it(`lays out the same inbox, its drawer and the dashboard at ${otherSize.width}×${otherSize.height}`, async () => {
    expect(done, 'the flow at the first size ran').toBeDefined();
    const { campaignId, marker } = done!;
    const page = await pcPage(browser, otherSize);
    page.setDefaultTimeout(20_000);
    await signInConsole(page, 'dev-city-admin', `feedback/inbox?campaign=${campaignId}`);
    const table = page.locator('.inbox-table');
    await table.getByText(marker).waitFor();
    await expectTableFits(page, table);

    // The replied and followed-up suggestion's drawer (reply, rating and 回访 in it) lies wholly on screen.
    await table.locator('tbody tr.ant-table-row').filter({ hasText: marker }).locator('.suggestion-open').click();
    const drawer = page.locator('.suggestion-drawer .ant-drawer-content-wrapper');
    await drawer.waitFor();
    await expect.poll(() => onScreen(drawer, otherSize)).toBe(true);
    expect(await drawer.locator('.suggestion-follow-up').textContent()).toContain('已电话回访');
    await page.screenshot({ path: `.test-artifacts/console-inbox-${otherSize.width}.png` });
    await closeDrawer(page);

    await page.locator('.feedback-nav').getByText('数据看板').click();
    const total = page.locator('.dashboard-figure--total');
    await expect.poll(() => total.locator('.ant-statistic-content').textContent(), wait).toBe('2');
    expect(await onScreen(total, otherSize)).toBe(true);
    const category = page.locator('.dashboard-per-category .chart-canvas');
    await expect.poll(() => category.getAttribute('data-ready'), wait).toBe('true');
    expect(await page.locator('.dashboard canvas').count()).toBeGreaterThanOrEqual(5);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: `.test-artifacts/console-dashboard-${otherSize.width}.png`, fullPage: true });
    await page.context().close();
  }, 120_000);
});
