import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { h5Url, launch } from './support/browser';
import { auditPhonePage, type Finding, type Size } from './support/phone-audit';
import { fixture } from '../functions/test/support/quiz';

// Browser globals inside page.evaluate (the e2e files are typed for Node).
declare const document: any, localStorage: any;


/**
 * Every phone page (public, member, secretary) at the normal size and in 长辈模式, at 390×844:
 * axe-core finds no serious or critical violation, every tap target is at least 44×44 px, no text is
 * under 16 px, and each sub-page has its title bar. Screenshots go to .test-artifacts/phone/.
 * (The PC admin pages are moving to the admin console and are not phone pages.)
 */

const CAMPAIGN = 'demo-lj-2026';
let browser: Browser;
let quizId: string;
let trackingCode: string;

async function api(method: string, path: string, token?: string, body?: unknown, raw?: Buffer) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (raw) headers['content-type'] = 'text/csv';
  const res = await fetch(inject('apiUrl') + path, { method, headers, body: raw ? new Uint8Array(raw) : body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as any;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  const admin = (await api('POST', '/auth/dev', undefined, { openid: 'dev-admin' })).token as string;
  const bank = await api('POST', '/admin/question-banks', admin, { title: '页面巡检题库' });
  await api('POST', `/admin/question-banks/${bank.id}/import`, admin, undefined, fixture('quiz-bank-good.csv'));
  const quiz = await api('POST', '/admin/quizzes', admin, {
    title: `页面巡检测试${Date.now().toString(36)}`, bankId: bank.id, draw: { single: 1, multiple: 1, judge: 1 }, timeLimitSeconds: 600, attemptsAllowed: 5, passScore: 3, orgIds: ['lj-dh-gz-b1'],
  });
  quizId = quiz.id;
  // A replied suggestion, so the tracking page shows the reply and the rating form.
  const created = await api('POST', `/campaigns/${CAMPAIGN}/suggestions`, undefined, { category: 'notary', content: '页面巡检：公证处周末能否开放预约办理？', anonymous: true });
  trackingCode = created.trackingCode;
  await api('POST', `/admin/suggestions/${created.id}/reply`, admin, { text: '感谢建议，周六上午已开放预约。' });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`);

async function phoneContext(size: Size): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  // 长辈模式 as the switch in 我的 stores it (Taro's storage format).
  if (size === 'elder') await context.addInitScript(() => localStorage.setItem('kaimen.elderMode', JSON.stringify({ data: 'on' })));
  return context;
}

async function signIn(page: Page, who: 'member' | 'secretary') {
  await page.goto(h5Url('#/pages/login/index'));
  await page.locator(`.dev-login-${who}`).first().click();
  await page.waitForURL(/pages\/study\/index/);
}

/** Opens a page afresh (as from a link), waits for what shows it is ready. */
async function open(page: Page, hash: string, ready: string) {
  await page.goto(h5Url(hash));
  await page.reload();
  await visible(page, ready).first().waitFor({ timeout: 20_000 });
}

async function subPage(page: Page, title: string) {
  await expect.poll(() => visible(page, '.title-bar__title').textContent()).toBe(title);
  expect(await visible(page, '.title-bar__back').count()).toBe(1);
  expect(await visible(page, '.title-bar__home').count()).toBe(1);
}

describe.each<Size>(['normal', 'elder'])('every phone page at the %s size', (size) => {
  it('public pages: 建言, campaign, form, done, tracking, checklist, login', async () => {
    const context = await phoneContext(size);
    const page = await context.newPage();
    const findings: Finding[] = [];
    const check = async (name: string) => findings.push(...(await auditPhonePage(page, name, size)));

    await open(page, '#/pages/feedback/index', '.campaign-card');
    if (size === 'elder') await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('kaimen-elder'))).toBe(true);
    await check('feedback-index');
    await open(page, `#/pages/feedback/campaign?id=${CAMPAIGN}`, '.campaign-page__title');
    await subPage(page, '征求意见活动');
    await check('campaign');
    await open(page, `#/pages/feedback/submit?id=${CAMPAIGN}`, '.suggestion-form');
    await subPage(page, '我要建言');
    await visible(page, '.suggestion-submit').click();
    await visible(page, '.field-error--content').waitFor();
    await check('submit-errors');
    await visible(page, '.category-options .choice-chip[data-value="notary"]').click();
    await visible(page, '.suggestion-content textarea').fill(`页面巡检（${size}）：希望公证处增加周末办理时间。`);
    await visible(page, '.suggestion-submit').click();
    await visible(page, '.tracking-code').waitFor({ timeout: 15_000 });
    await check('submit-done');
    await open(page, `#/pages/feedback/track?code=${trackingCode}`, '.tracked-reply__text');
    await subPage(page, '查询办理进度');
    await check('track');
    await open(page, `#/pages/checklist/index?campaignId=${CAMPAIGN}`, '.checklist-page__title');
    await subPage(page, '整改清单');
    await check('checklist');
    await open(page, '#/pages/login/index', '.dev-login-member');
    await check('login');

    await context.close();
    expect(findings.map((f) => `${f.page} (${f.size}): ${f.problem}`)).toEqual([]);
  }, 180_000);

  it('member pages: 学习, topic, lessons, archive, check-in, 测试, quiz rules, answering, result, 我的', async () => {
    const context = await phoneContext(size);
    const page = await context.newPage();
    const findings: Finding[] = [];
    const check = async (name: string) => findings.push(...(await auditPhonePage(page, name, size)));
    await signIn(page, 'member');

    await open(page, '#/pages/study/index', '.study-topic');
    await check('study-index');
    await open(page, '#/pages/study/topic?id=demo-topic-rule-of-law', '.study-lesson-row');
    await subPage(page, '学习专题');
    await check('study-topic');
    await open(page, '#/pages/study/lesson?id=demo-lesson-rl-1', '.lesson-title');
    await subPage(page, '课程学习');
    await check('lesson-article');
    await open(page, '#/pages/study/lesson?id=demo-lesson-rl-2', '.media-missing');
    await check('lesson-audio-without-file');
    await open(page, '#/pages/study/archive', '.archive-totals');
    await subPage(page, '学习档案');
    await check('archive');
    await open(page, '#/pages/study/checkin', '.checkin-code');
    await subPage(page, '集中学习签到');
    await check('checkin');
    await open(page, '#/pages/quiz/index', '.quiz-card');
    await check('quiz-index');
    await open(page, `#/pages/quiz/take?quizId=${quizId}`, '.quiz-start');
    await subPage(page, '答题');
    await check('quiz-rules');
    await visible(page, '.quiz-start').click();
    await visible(page, '.quiz-countdown').waitFor({ timeout: 15_000 });
    await visible(page, '.quiz-option').first().click();
    await visible(page, '.quiz-card-toggle').click();
    await check('quiz-answering');
    await visible(page, '.quiz-submit-early').click();
    await page.getByText('确认交卷', { exact: true }).last().click();
    await page.waitForURL(/pages\/quiz\/result/);
    await visible(page, '.quiz-score__number').waitFor({ timeout: 15_000 });
    await check('quiz-result');
    await open(page, '#/pages/me/index', '.elder-switch');
    await check('me');

    await context.close();
    expect(findings.map((f) => `${f.page} (${f.size}): ${f.problem}`)).toEqual([]);
  }, 240_000);

  it('secretary: the same tabs with the secretary\'s entries', async () => {
    const context = await phoneContext(size);
    const page = await context.newPage();
    const findings: Finding[] = [];
    const check = async (name: string) => findings.push(...(await auditPhonePage(page, name, size)));
    await signIn(page, 'secretary');
    await open(page, '#/pages/study/index', '.study-topic');
    await check('secretary-study-index');
    await open(page, '#/pages/quiz/index', '.quiz-tabs');
    await check('secretary-quiz-index');
    await open(page, '#/pages/me/index', '.elder-switch');
    await check('secretary-me');
    await context.close();
    expect(findings.map((f) => `${f.page} (${f.size}): ${f.problem}`)).toEqual([]);
  }, 120_000);
});
