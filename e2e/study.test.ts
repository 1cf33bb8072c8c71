import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';

/**
 * Study in the H5 build: a member signs in with the dev picker, opens a lesson from the study tab,
 * reads it to the end (a real wait: the server credits only time that really passed) and finds it
 * in the archive on the 我的 tab. The lesson is made short through the admin API for this test.
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

describe('study in the browser', () => {
  it('a member opens a lesson, reads it to the end and sees it in the archive on the 我的 tab', async () => {
    const marker = `E2E${Date.now().toString(36).toUpperCase()}`;
    const admin = (await api('/auth/dev', { method: 'POST', body: { openid: 'dev-admin' } })).token as string;
    const topic = await api('/admin/topics', { method: 'POST', token: admin, body: { title: `浏览器测试专题${marker}`, order: 0, published: true } });
    const lessonTitle = `短文：窗口服务的温度${marker}`;
    await api(`/admin/topics/${topic.id as string}/lessons`, {
      method: 'POST', token: admin,
      body: { title: lessonTitle, kind: 'article', mode: 'self_study', published: true, body: '<p>群众的小事，就是我们的大事。</p><script>alert(1)</script>' },
    });

    const page = await phonePage(browser);
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    try {
      await readLessonToArchive(page, marker, lessonTitle);
    } catch (err) {
      await page.screenshot({ path: '.test-artifacts/study-failure.png', fullPage: true });
      throw err;
    } finally {
      await page.context().close();
    }
  });
});

async function readLessonToArchive(page: Page, marker: string, lessonTitle: string) {
  {
    await page.goto(h5Url('#/pages/login/index'));
    await page.locator('.dev-login-member').first().click();
    await page.waitForURL(/pages\/study\/index/);

    await visible(page, '.study-topic').filter({ hasText: marker }).click();
    await visible(page, '.study-lesson-row').filter({ hasText: marker }).click();
    await expect.poll(() => visible(page, '.lesson-title').textContent()).toBe(lessonTitle);
    await expect(visible(page, '.lesson-body').textContent()).resolves.toContain('群众的小事');
    expect(await page.locator('.lesson-body script').count()).toBe(0);

    // Read to the end: the button waits for the real reading time, then completes the lesson.
    const finish = visible(page, '.lesson-finish');
    await finish.scrollIntoViewIfNeeded();
    await expect.poll(() => finish.textContent(), { timeout: 20_000, interval: 500 }).toBe('完成学习');
    await finish.click();
    await expect.poll(() => visible(page, '.lesson-done').count(), { timeout: 30_000 }).toBe(1);

    // Open the 我的 tab afresh (the session is kept), then the archive from it.
    await page.goto(h5Url('#/pages/me/index'));
    await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).waitFor();
    await visible(page, '.me-archive-link').click();
    const entry = visible(page, '.archive-entry').filter({ hasText: marker });
    await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(1);
    await expect(entry.textContent()).resolves.toContain('完成课程');
    const lessons = visible(page, '.archive-totals__item').filter({ hasText: '完成课程' });
    expect(Number(await lessons.locator('.archive-totals__value').textContent())).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: '.test-artifacts/study-archive.png' });
  }
}
