import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openInConsole, PC_SIZES, pcPage } from './support/browser';
import { expectTableFits } from './support/console-layout';
import { signInConsole } from './support/api';

/**
 * 题库与测试 and 学习教育 in the PC console at 1366×768: a bank is created, a CSV with one bad row is
 * refused with that row listed, a good one imports, a quiz is published from it, and every study
 * page opens with its table on screen. Screenshots go to .test-artifacts/.
 */

let browser: Browser;
const size = PC_SIZES[0];
const dir = resolve('.test-artifacts');
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  browser = await launch();
});
afterAll(() => browser?.close());

const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案,解析,标签';

/** Signs in and loads the console once, at `path`. */
async function signIn(openid: string, path = ''): Promise<Page> {
  const page = await pcPage(browser, size);
  page.setDefaultTimeout(30_000);
  await signInConsole(page, openid, path);
  return page;
}

describe('题库与测试 and 学习教育 in the console at 1366×768', () => {
  it('creates a bank, shows a bad CSV row, imports questions and publishes a quiz', async () => {
    const stamp = Date.now().toString(36);
    const page = await signIn('dev-admin', 'quiz');
    await page.locator('.bank-new').click();
    await page.getByLabel('题库名称').fill(`控制台题库${stamp}`);
    await page.getByRole('button', { name: '创 建' }).or(page.getByRole('button', { name: '创建' })).click();
    const bankLink = page.locator('.bank-table').getByText(`控制台题库${stamp}`);
    await bankLink.waitFor();
    await expectTableFits(page, page.locator('.bank-table'));
    await page.screenshot({ path: `${dir}/console-quiz-banks.png` });
    await bankLink.click();

    const bad = resolve(dir, `bank-bad-${stamp}.csv`);
    writeFileSync(bad, [HEADER, `单选,司法行政机关的主要职责之一是？${stamp},法律援助,房地产开发,证券发行,股票交易,A,,`, `单选,第二题${stamp},甲,乙,,,Z,,`].join('\n'));
    await page.locator('.ant-upload input[type=file]').setInputFiles(bad);
    const errors = page.locator('.import-errors');
    await errors.waitFor();
    expect(await errors.locator('tbody tr').count()).toBe(1);
    expect(await errors.locator('tbody tr td').nth(1).textContent()).toContain('答案 Z');
    await page.screenshot({ path: `${dir}/console-quiz-import-error.png` });
    expect(await page.locator('.question-table tbody tr.ant-table-row').count()).toBe(0);

    const good = resolve(dir, `bank-good-${stamp}.csv`);
    writeFileSync(good, [HEADER, `单选,司法行政机关的主要职责之一是？${stamp},法律援助,房地产开发,证券发行,股票交易,A,,法律援助`, `判断,人民调解不收费。${stamp},,,,,对,,`].join('\n'));
    await page.locator('.ant-upload input[type=file]').setInputFiles(good);
    await page.locator('.import-done').getByText('已导入 2 题').waitFor();
    const questions = page.locator('.question-table');
    await questions.locator('tbody tr.ant-table-row').nth(1).waitFor();
    expect(await questions.locator('.question-type').allTextContents()).toEqual(expect.arrayContaining(['单选', '判断']));
    await expectTableFits(page, questions);
    await page.screenshot({ path: `${dir}/console-quiz-questions.png` });

    await openInConsole(page, 'quiz/quizzes');
    await page.locator('.quiz-new').click();
    const drawer = page.locator('.quiz-drawer .ant-drawer-content-wrapper');
    await drawer.getByLabel('测试名称').fill(`控制台测试${stamp}`);
    await drawer.locator('.quiz-bank').click();
    await page.locator('.ant-select-item-option').filter({ hasText: `控制台题库${stamp}` }).click();
    await drawer.getByLabel('单选题数').fill('1');
    await drawer.getByLabel('多选题数').fill('0');
    await drawer.getByLabel('判断题数').fill('1');
    await drawer.getByLabel('及格分').fill('1'); // two questions: the pass score may not exceed the full marks
    await page.screenshot({ path: `${dir}/console-quiz-drawer.png` });
    await page.locator('.quiz-save').click();
    const quizzes = page.locator('.quiz-table');
    await quizzes.getByText(`控制台测试${stamp}`).waitFor();
    await expectTableFits(page, quizzes);
    await page.screenshot({ path: `${dir}/console-quiz-quizzes.png` });

    await quizzes.locator('tr', { hasText: `控制台测试${stamp}` }).locator('.quiz-stats').click();
    await page.locator('.stats-drawer').getByText('参与人数').waitFor();
    await page.context().close();
  }, 240_000);

  it('opens every study page with its table on screen, and writes a lesson in the rich-text editor', async () => {
    const page = await signIn('dev-admin');
    for (const [path, selector] of [
      ['study/plans', '.plan-table'], ['study/sessions', '.session-table'], ['study/reflections', '.reflection-table'],
      ['study/report', '.report-table'], ['study', '.topic-table'],
    ] as const) {
      await openInConsole(page, path);
      const table = page.locator(selector);
      await table.waitFor();
      await expect.poll(() => table.locator('.ant-spin-spinning').count(), { timeout: 20_000 }).toBe(0);
      expect(await page.locator('.ant-table-placeholder .ant-alert-error, .ant-alert-error').count()).toBe(0);
      await expectTableFits(page, table);
      await page.screenshot({ path: `${dir}/console-${path.replace('/', '-')}.png` });
    }

    // A lesson written with the toolbar: a heading, a bold phrase and a list, stored as sanitised HTML.
    const title = `富文本课程${Date.now().toString(36)}`;
    await page.locator('.topic-table a').first().click();
    await page.locator('.lesson-new').click();
    const drawer = page.locator('.lesson-drawer .ant-drawer-content-wrapper');
    await drawer.getByLabel('课程标题').fill(title);
    const editor = drawer.getByRole('textbox', { name: '课程正文' });
    await editor.click();
    await drawer.getByRole('button', { name: '二级标题' }).click();
    await page.keyboard.type('学习要点');
    await page.keyboard.press('Enter');
    await page.keyboard.type('坚持');
    await drawer.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.type('以人民为中心');
    await drawer.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.press('Enter');
    await drawer.getByRole('button', { name: '无序列表' }).click();
    await page.keyboard.type('<script>alert(1)</script>');
    await page.screenshot({ path: `${dir}/console-study-lesson-editor.png` });
    const saved = page.waitForResponse((r) => r.request().method() === 'POST' && /\/lessons$/.test(r.url()));
    await drawer.locator('.lesson-save').click();
    const lesson = (await (await saved).json()) as { body: string };
    expect(lesson.body).toContain('<h2>学习要点</h2>');
    expect(lesson.body).toContain('<strong>以人民为中心</strong>');
    expect(lesson.body).toMatch(/<ul><li><p>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p><\/li><\/ul>/);
    await page.locator('.lesson-table').getByText(title).waitFor();
    await page.context().close();
  }, 180_000);
});
