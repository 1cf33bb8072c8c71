import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';
import { api, signInPhone, devToken } from './support/api';

/**
 * The study games in the H5 build: a member does the daily questions (one on purpose wrong), finds
 * that question in the mistakes book and practises it out, then plays a head-to-head round against
 * the branch secretary in a second browser context, each phone seeing the other's progress.
 */

let browser: Browser;
/** Right answer texts by question stem, read through the admin API (what the member is supposed to know). */
const key = new Map<string, { type: string; right: string[] }>();

beforeAll(async () => {
  const admin = await devToken('dev-admin');
  const banks = await api('GET', '/admin/question-banks?limit=100', { token: admin });
  for (const b of banks.items) {
    const qs = await api('GET', `/admin/question-banks/${b.id}/questions?limit=100`, { token: admin });
    for (const q of qs.items) {
      key.set(q.stem, { type: q.type, right: q.options.filter((o: { key: string }) => q.answer.includes(o.key)).map((o: { text: string }) => o.text) });
    }
  }
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Screenshots to look at (kept out of git). */
async function shot(page: Page, name: string) {
  mkdirSync('.test-artifacts/games', { recursive: true });
  await page.screenshot({ path: `.test-artifacts/games/${name}.png` });
}

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

async function signIn(page: Page, who: 'member' | 'secretary') {
  await signInPhone(page, `dev-${who}`);
}

/** Answers the question on screen, right or wrong, by the option texts. */
async function answer(page: Page, right: boolean) {
  const stem = (await visible(page, '.game-question__stem').first().textContent())!;
  const k = key.get(stem)!;
  expect(k, stem).toBeDefined();
  const options = visible(page, '.game-option');
  const texts = await visible(page, '.game-option .game-option__text').allTextContents();
  const pick = right ? texts.filter((t) => k.right.includes(t)) : [texts.find((t) => !k.right.includes(t))!];
  for (const t of pick) await options.filter({ hasText: t }).first().click();
  if (k.type === 'multiple') await visible(page, '.game-submit').click();
  return stem;
}

describe('study games in the browser', () => {
  it('daily questions, then the mistakes book', async () => {
    const page = await phonePage(browser);
    await signIn(page, 'member');
    await visible(page, '.study-games-entry').click();
    await page.waitForURL(/pages\/games\/index/);
    await visible(page, '.game-entry--daily').click();
    await page.waitForURL(/pages\/games\/daily/);
    await expect.poll(() => visible(page, '.game-question__stem').count(), { timeout: 30_000 }).toBe(1);

    const wrongStem = await answer(page, false);
    await expect.poll(() => visible(page, '.game-verdict__title').textContent()).toBe('回答错误');
    await expect(visible(page, '.game-verdict__answer').textContent()).resolves.toContain('正确答案');
    await shot(page, 'games-daily');
    for (let i = 1; i < 5; i++) {
      await visible(page, '.game-next').click();
      await expect.poll(() => visible(page, '.game-verdict').count()).toBe(0);
      await answer(page, true);
      await expect.poll(() => visible(page, '.game-verdict__title').textContent()).toBe('回答正确');
    }
    await visible(page, '.game-next').click();
    await expect.poll(() => visible(page, '.games-daily-done').textContent()).toContain('今日答题完成');
    await expect(visible(page, '.games-daily-done').textContent()).resolves.toContain('答对 4 题，得 4 分');

    await visible(page, '.game-to-mistakes').click();
    await page.waitForURL(/pages\/games\/mistakes/);
    const card = visible(page, '.game-mistake').filter({ hasText: wrongStem });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    await expect(card.textContent()).resolves.toContain('正确答案');
    await shot(page, 'games-mistakes');
    for (const expected of ['再答对一次即可移出错题本', '已连续答对两次，这道题移出错题本']) {
      await visible(page, '.game-mistake').filter({ hasText: wrongStem }).locator('.game-practise').click();
      await answer(page, true);
      await expect.poll(() => visible(page, '.games-mistakes__streak').textContent()).toBe(expected);
      await visible(page, '.game-back').click();
    }
    await expect.poll(() => visible(page, '.game-mistake').filter({ hasText: wrongStem }).count()).toBe(0);

    // The study tab: search by words, and the lesson last studied.
    await page.goto(h5Url('#/pages/study/index'));
    await visible(page, '.study-search__input input').fill('诚信');
    await visible(page, '.study-search__go').first().click();
    await expect.poll(() => visible(page, '.study-search__hit').first().textContent(), { timeout: 15_000 }).toContain('公证执业中的诚信底线');
    await shot(page, 'study-search');

    // A challenge run: two right, then a mistake ends it.
    await page.goto(h5Url('#/pages/games/challenge'));
    await visible(page, '.game-start').click();
    for (let i = 0; i < 2; i++) {
      await expect.poll(() => visible(page, '.games-challenge__length').textContent(), { timeout: 15_000 }).toBe(String(i));
      await answer(page, true);
    }
    await expect.poll(() => visible(page, '.games-challenge__length').textContent(), { timeout: 15_000 }).toBe('2');
    await shot(page, 'games-challenge');
    await answer(page, false);
    await expect.poll(() => visible(page, '.games-challenge-end').textContent(), { timeout: 15_000 }).toContain('答错了，挑战结束');
    await expect(visible(page, '.games-challenge-end').textContent()).resolves.toContain('本次连对 2 题');
    await shot(page, 'games-challenge-end');
    await page.context().close();
  }, 240_000);

  it('a head-to-head round between two phones', async () => {
    const host = await phonePage(browser);
    const guest = await phonePage(browser);
    await signIn(host, 'member');
    await signIn(guest, 'secretary');
    await host.goto(h5Url('#/pages/games/duel'));
    await visible(host, '.duel-create').click();
    await expect.poll(() => visible(host, '.duel-waiting').count(), { timeout: 30_000 }).toBe(1);
    await shot(host, 'games-duel-waiting');

    await guest.goto(h5Url('#/pages/games/duel'));
    await expect.poll(() => visible(guest, '.duel-open').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await visible(guest, '.duel-join').first().click();

    for (let i = 0; i < 5; i++) {
      // Both phones reach the same question by polling.
      await expect.poll(async () => (await visible(host, '.game-question__stem').count()) === 1 && !(await visible(host, '.game-verdict').count()), { timeout: 30_000 }).toBe(true);
      await expect.poll(async () => (await visible(guest, '.game-question__stem').count()) === 1 && !(await visible(guest, '.game-verdict').count()), { timeout: 30_000 }).toBe(true);
      // The host is faster on every question but misses question 3, which the guest gets right.
      const stem = await answer(host, i !== 2);
      await expect(visible(guest, '.game-question__stem').textContent()).resolves.toBe(stem);
      // The guest's phone learns that the host answered, not what.
      await expect.poll(() => visible(guest, '.duel-other').textContent(), { timeout: 10_000 }).toContain('已作答');
      if (i === 0) {
        // Both phones count down to the one deadline the server set for the question.
        const left = async (p: Page) => Number(/剩余 (\d+) 秒/.exec((await visible(p, '.duel-countdown').textContent()) ?? '')?.[1]);
        const [h, g] = await Promise.all([left(host), left(guest)]);
        expect(h).toBeGreaterThan(0);
        expect(Math.abs(h - g)).toBeLessThanOrEqual(3);
        await shot(guest, 'games-duel-playing');
      }
      await answer(guest, i === 2);
    }
    await expect.poll(() => visible(host, '.duel-finished').textContent(), { timeout: 15_000 }).toContain('你赢了');
    await expect.poll(() => visible(guest, '.duel-finished').textContent(), { timeout: 15_000 }).toContain('你输了');
    await expect(visible(host, '.duel-finished').textContent()).resolves.toContain('比分 4 : 1');
    await shot(host, 'games-duel-finished');

    await host.goto(h5Url('#/pages/games/index'));
    await expect.poll(() => visible(host, '.game-rank__row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(host, 'games-home');
    await host.context().close();
    await guest.context().close();
  }, 240_000);
});
