import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { h5Url, launch, phonePage } from './support/browser';
import { api, signInPhone, devToken } from './support/api';
import { fixture, fixtureQuestions } from '../functions/test/support/quiz';

/**
 * A member takes a quiz in the H5 build from the list to the result: sign in with the dev picker,
 * open the quiz, answer every question (single, multiple, judge) with the countdown running,
 * confirm the submission, and read the score and the review with explanations.
 */

let browser: Browser;
let quizTitle: string;

beforeAll(async () => {
  // What the test needs is set up through the API, as an admin would.
  const admin = await devToken('dev-admin');
  const bank = await api('POST', '/admin/question-banks', { token: admin, body: { title: '浏览器测试题库' } });
  await api('POST', `/admin/question-banks/${bank.id}/import`, { token: admin, csv: fixture('quiz-bank-good.csv') });
  quizTitle = `浏览器测试${Date.now().toString(36)}`;
  await api('POST', '/admin/quizzes', { token: admin, body: {
    title: quizTitle, bankId: bank.id, draw: { single: 2, multiple: 1, judge: 2 }, timeLimitSeconds: 600, attemptsAllowed: 1, passScore: 6, orgIds: ['lj-dh-gz-b1'],
  } });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

describe('a quiz in the browser', () => {
  it('a member takes a quiz to the end and sees the result', async () => {
    const page = await phonePage(browser);
    await signInPhone(page, 'dev-member');
    const memberToken = await devToken('dev-member');

    await page.goto(h5Url('#/pages/quiz/index'));
    const card = visible(page, '.quiz-card').filter({ hasText: quizTitle });
    // The first call wakes the quiz function under serverless-offline: allow it a cold start.
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    await expect(card.textContent()).resolves.toContain('进行中');
    await card.click();

    // The start screen: the rules, and nothing started yet.
    await expect.poll(() => visible(page, '.quiz-rule').allTextContents(), { timeout: 15_000 }).toEqual([
      '题目5 题，满分 9 分', '及格6 分', '限时10 分钟（开始后计时，到时自动交卷）', '剩余次数还可作答 1 次（共 1 次）', expect.stringMatching(/^截止\d+月\d+日 \d\d:\d\d$/),
    ]);
    expect(await visible(page, '.quiz-countdown').count()).toBe(0);
    // Leaving and opening it again uses up nothing (the only attempt is still there).
    await visible(page, '.quiz-rules-back').click();
    // Wait for the rules page to be gone before opening the quiz again, so one rules page is on screen.
    await expect.poll(() => visible(page, '.quiz-start').count()).toBe(0);
    await card.click();
    await expect.poll(() => visible(page, '.quiz-start').count(), { timeout: 15_000 }).toBe(1);
    const quizzes = (await api('GET', '/quizzes', { token: memberToken })).items as { title: string; attemptsUsed: number; activeAttemptId: string | null }[];
    expect(quizzes.find((q) => q.title === quizTitle)).toMatchObject({ attemptsUsed: 0, activeAttemptId: null });
    await visible(page, '.quiz-start').click();

    await expect.poll(() => visible(page, '.quiz-countdown').textContent(), { timeout: 15_000 }).toMatch(/剩余 (09|10):\d\d/);
    const bank = new Map(fixtureQuestions().map((q) => [q.stem, q]));
    for (let i = 0; i < 5; i++) {
      await expect.poll(() => visible(page, '.quiz-progress__text').textContent()).toContain(`第 ${i + 1} / 5 题`);
      const stem = (await visible(page, '.quiz-question__stem').textContent())!.trim();
      const q = bank.get(stem)!;
      expect(q, stem).toBeDefined();
      for (const text of q.answerTexts) {
        await visible(page, '.quiz-option').filter({ has: page.locator('.quiz-option__text', { hasText: exactly(text) }) }).click();
      }
      await expect.poll(() => visible(page, '.quiz-option.is-chosen').count()).toBe(q.answerTexts.length);
      // A judge question's options are 对 and 错, with no empty letter slot.
      if (q.type === 'judge') {
        expect(await visible(page, '.quiz-option__key').count()).toBe(0);
        expect((await visible(page, '.quiz-option__text').allTextContents()).sort()).toEqual(['对', '错'].sort());
      }
      if (i < 4) await visible(page, '.quiz-next').click();
    }
    await expect.poll(() => visible(page, '.quiz-progress__text').textContent()).toContain('已答 5 题');
    await visible(page, '.quiz-submit').click();
    // Confirm before submitting.
    await page.getByText('确认交卷', { exact: true }).last().click();

    await page.waitForURL(/pages\/quiz\/result/);
    await expect.poll(() => visible(page, '.quiz-score__number').textContent(), { timeout: 15_000 }).toBe('9');
    await expect(visible(page, '.quiz-score__max').textContent()).resolves.toContain('/ 9 分');
    // 2 single × 2 + 1 multiple × 3 + 2 judge × 1 (the default points per type).
    await expect(visible(page, '.quiz-score__verdict').textContent()).resolves.toContain('通过');
    await expect(visible(page, '.quiz-review__item').count()).resolves.toBe(5);
    await expect(visible(page, '.quiz-review__explanation').first().textContent()).resolves.toContain('解析');
    // True/false answers read 对/错, never letters.
    const judged = visible(page, '.quiz-review__item').filter({ hasText: '判断题' });
    await expect(judged.count()).resolves.toBe(2);
    for (const text of await judged.locator('.quiz-review__answers').allTextContents()) {
      expect(text).toMatch(/^你的答案：[对错]，正确答案：[对错]$/);
    }

    // Back in the list, the quiz is done with its score.
    await visible(page, '.quiz-back').click();
    await visible(page, '.quiz-tab--done').click();
    await expect.poll(() => visible(page, '.quiz-card').filter({ hasText: quizTitle }).textContent(), { timeout: 15_000 }).toContain('成绩 9 分');
  });
});
