import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';
import { api, signInPhone, devToken } from './support/api';

/**
 * Organisation life in the H5 build: the secretary records a meeting on the phone (attendance ticked,
 * an absence with its reason, minutes) and finds its check-in QR code; a member scans the code of a
 * scheduled meeting and sees the attendance in 我的. Screenshots go to .test-artifacts/.
 */

let browser: Browser;
const shots = '.test-artifacts';

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launch();
});
afterAll(() => browser?.close());

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

async function signIn(page: Page, who: 'member' | 'secretary') {
  await signInPhone(page, `dev-${who}`);
}

describe('organisation life on the phone', () => {
  it('a secretary records a meeting with attendance and minutes and gets its check-in QR code', async () => {
    const page = await phonePage(browser);
    page.setDefaultTimeout(20_000);
    try {
      await signIn(page, 'secretary');
      await page.goto(h5Url('#/pages/orglife/record'));
      const topic = `浏览器登记主题党日${Date.now().toString(36)}`;
      await visible(page, '.orglife-topic input').fill(topic);
      await visible(page, '.orglife-place input').fill('公证处三楼会议室');
      const people = visible(page, '.orglife-person');
      await expect.poll(() => people.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
      await people.filter({ hasText: '王晓明' }).locator('.orglife-person__toggle').click();
      await people.filter({ hasText: '李静' }).locator('.orglife-person__toggle').click();
      await people.filter({ hasText: '赵敏' }).locator('input').fill('外出办案');
      await visible(page, '.orglife-minutes textarea').fill('传达学习全会精神\n讨论窗口服务改进<script>x</script>');
      await page.screenshot({ path: `${shots}/orglife-record.png` });
      await visible(page, '.orglife-save').click();
      await page.waitForURL(/pages\/orglife\/meeting/);
      await expect.poll(() => visible(page, '.orglife-meeting__title').first().textContent()).toBe(topic);
      // Attendees are listed in the roster's order, not the order they were ticked.
      expect(((await visible(page, '.orglife-attendees').textContent()) ?? '').split('、').sort()).toEqual(['王晓明', '李静'].sort());
      await expect(page.locator('.orglife-qr img, img.orglife-qr').first().getAttribute('src')).resolves.toMatch(/^data:image\/png/);
      expect(await page.locator('script:has-text("x")').count()).toBe(0);
      await page.screenshot({ path: `${shots}/orglife-meeting.png`, fullPage: true });

      await page.goto(h5Url('#/pages/orglife/index'));
      await expect.poll(() => visible(page, '.orglife-meeting-row').filter({ hasText: topic }).count()).toBe(1);
      await expect(visible(page, '.orglife-type').filter({ hasText: '主题党日' }).textContent()).resolves.toContain('已完成');
      await page.screenshot({ path: `${shots}/orglife-index.png`, fullPage: true });
    } catch (err) {
      await page.screenshot({ path: `${shots}/orglife-failure.png`, fullPage: true });
      throw err;
    } finally {
      await page.context().close();
    }
  });

  it('a member checks in by the QR code and sees the attendance in 我的', async () => {
    const secretary = await devToken('dev-secretary');
    const meeting = await api('POST', '/admin/orgs/lj-dh-gz-b1/meetings', { token: secretary, body: { type: 'party_lecture', status: 'scheduled', heldAt: new Date(Date.now() - 5 * 60_000).toISOString(), topic: '书记讲党课：法治为民', attendeeIds: [] } });
    const page = await phonePage(browser);
    page.setDefaultTimeout(20_000);
    try {
      await signIn(page, 'member');
      await page.goto(h5Url(`#/pages/orglife/checkin?code=${meeting.checkInCode as string}`));
      await expect.poll(() => visible(page, '.lesson-done').textContent()).toBe('签到成功');
      await page.screenshot({ path: `${shots}/orglife-checkin.png` });
      await page.goto(h5Url('#/pages/me/index'));
      await visible(page, '.me-orglife-link').click();
      const row = visible(page, '.orglife-my-row').filter({ hasText: '书记讲党课：法治为民' });
      await expect.poll(() => row.count()).toBe(1);
      await expect(row.textContent()).resolves.toContain('待召开');
      await api('PATCH', `/admin/meetings/${meeting.id as string}`, { token: secretary, body: { status: 'held' } });
      await page.reload();
      await expect.poll(() => visible(page, '.orglife-my-row').filter({ hasText: '书记讲党课：法治为民' }).textContent()).toContain('出席');
      await page.screenshot({ path: `${shots}/orglife-mine.png`, fullPage: true });
    } catch (err) {
      await page.screenshot({ path: `${shots}/orglife-member-failure.png`, fullPage: true });
      throw err;
    } finally {
      await page.context().close();
    }
  });
});
