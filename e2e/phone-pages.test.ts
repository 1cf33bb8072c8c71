import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { h5Url, launch } from './support/browser';
import { api, devToken, signInContext } from './support/api';
import { auditPhonePage, type Finding, type Size } from './support/phone-audit';
import { fixture } from '../functions/test/support/quiz';

// Browser globals inside page.evaluate (the e2e files are typed for Node).
declare const document: any, localStorage: any;


/**
 * Every phone page (public, member, secretary) at the normal size and in 长辈模式, at 390×844:
 * axe-core finds no serious or critical violation (in 长辈模式 the rule size can change: see phone-audit.ts), every tap target is at least 44×44 px, no text is
 * under 16 px (20 px in 长辈模式), no text is cut off or runs off the screen, and each sub-page has its
 * title bar. One page load per page and size; screenshots go to .test-artifacts/phone/.
 * (The PC admin pages — feedback admin/inbox/dashboard, checklist admin — are not phone pages.)
 */

const CAMPAIGN = 'demo-lj-2026';
const BRANCH = 'lj-dh-gz-b1';
let browser: Browser;
let quizId: string;
let inspectFormId: string;
let pcTicket: string;
let trackingCode: string;
let meeting: { id: string; checkInCode: string };

/** Answers one of today's daily questions wrong (by the bank's key), so the mistakes book has a card. */
async function makeAMistake(admin: string, member: string) {
  const daily = await api('GET', '/games/daily', { token: member });
  const answered = new Set(daily.verdicts.map((v: { questionId: string }) => v.questionId));
  const q = daily.questions.find((x: { id: string }) => !answered.has(x.id));
  if (!q) return;
  const banks = await api('GET', '/admin/question-banks?limit=100', { token: admin });
  for (const b of banks.items) {
    const qs = await api('GET', `/admin/question-banks/${b.id}/questions?limit=100`, { token: admin });
    const known = qs.items.find((k: { stem: string }) => k.stem === q.stem);
    if (!known) continue;
    const wrong = q.options.map((o: { key: string }) => o.key).find((k: string) => !known.answer.includes(k));
    await api('POST', '/games/daily/answers', { token: member, body: { questionId: q.id, answer: [wrong] } });
    return;
  }
}

beforeAll(async () => {
  const [admin, member, secretary] = await Promise.all([devToken('dev-admin'), devToken('dev-member'), devToken('dev-secretary')]);
  const bank = await api('POST', '/admin/question-banks', { token: admin, body: { title: '页面巡检题库' } });
  await api('POST', `/admin/question-banks/${bank.id}/import`, { token: admin, csv: fixture('quiz-bank-good.csv') });
  const quiz = await api('POST', '/admin/quizzes', { token: admin, body: {
    title: `页面巡检测试${Date.now().toString(36)}`, bankId: bank.id, draw: { single: 1, multiple: 1, judge: 1 }, timeLimitSeconds: 600, attemptsAllowed: 5, passScore: 3, orgIds: [BRANCH],
  } });
  quizId = quiz.id;
  // A replied suggestion, so the tracking page shows the reply and the rating form.
  const created = await api('POST', `/campaigns/${CAMPAIGN}/suggestions`, { body: { category: 'notary', content: '页面巡检：公证处周末能否开放预约办理？', anonymous: true } });
  trackingCode = created.trackingCode;
  await api('POST', `/admin/suggestions/${created.id}/reply`, { token: admin, body: { text: '感谢建议，周六上午已开放预约。' } });
  // The member's own replied suggestion: a message in 消息 and a row in 我的意见.
  const mine = await api('POST', `/campaigns/${CAMPAIGN}/suggestions`, { token: member, body: { category: 'lawyer', content: '页面巡检：希望律师事务所公开收费标准。', anonymous: true } });
  await api('POST', `/admin/suggestions/${mine.id}/reply`, { token: admin, body: { text: '收费标准已在司法局网站公开。' } });
  // A scheduled meeting of the branch: its page with the check-in QR code, and a code to check in with.
  meeting = await api('POST', `/admin/orgs/${BRANCH}/meetings`, { token: secretary, body: {
    type: 'party_lecture', status: 'scheduled', heldAt: new Date(Date.now() - 5 * 60_000).toISOString(), topic: '页面巡检：书记讲党课', attendeeIds: [],
  } });
  await makeAMistake(admin, member);
  // A self-inspection form for the member's unit, and a PC sign-in ticket to confirm from the phone.
  const form = await api('POST', '/admin/inspections', { token: admin, body: { title: `页面巡检自查表${Date.now().toString(36)}`, orgId: 'lj', deadline: '2099-12-31', audience: { orgId: 'lj-dh-gz' } } });
  inspectFormId = form.id;
  pcTicket = (await api('POST', '/auth/pc-login')).ticket;
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

/** Signs the page's context in through the API (the sign-in page is swept with the public pages). */
async function signIn(page: Page, who: 'member' | 'secretary') {
  await signInContext(page.context(), `dev-${who}`, 'phone');
}

/** Opens a page afresh, as from a link (one full load, no earlier page left in the DOM), and waits until it is ready. */
async function open(page: Page, hash: string, ready: string) {
  await page.goto('about:blank');
  await page.goto(h5Url(hash));
  await visible(page, ready).first().waitFor({ timeout: 20_000 });
}

async function subPage(page: Page, title: string) {
  await expect.poll(() => visible(page, '.title-bar__title').textContent()).toBe(title);
  expect(await visible(page, '.title-bar__back').count()).toBe(1);
  expect(await visible(page, '.title-bar__home').count()).toBe(1);
}

/** A browser context at one size and a `check` that audits the page on screen and collects the findings. */
async function sweep(size: Size) {
  const context = await phoneContext(size);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const findings: Finding[] = [];
  const check = async (name: string) => findings.push(...(await auditPhonePage(page, name, size)));
  /** Opens a page afresh, checks its title bar when it is a sub-page, and audits it as `name`. */
  const visit = async (hash: string, ready: string, name: string, title?: string) => {
    await open(page, hash, ready);
    if (title) await subPage(page, title);
    await check(name);
  };
  const done = async () => {
    await context.close();
    expect(findings.map((f) => `${f.page} (${f.size}): ${f.problem}`)).toEqual([]);
  };
  return { page, check, visit, done };
}

/** Taps the first option of the game question on screen (and 确定 for multiple choice). */
async function answerGameQuestion(page: Page) {
  await visible(page, '.game-option').first().click();
  if (await visible(page, '.game-submit').count()) await visible(page, '.game-submit').click();
  await visible(page, '.game-verdict, .games-challenge-end').first().waitFor();
}

/** PHONE_SWEEP_SIZES=normal or elder sweeps one size only (`npm test` runs the two in parallel groups). */
const sizes = (process.env.PHONE_SWEEP_SIZES?.split(',') ?? ['normal', 'elder']) as Size[];

// The audit's own tests: what axe-core looks for (a faint text, an image without alt, a nameless button)
// with the normal-size sweep, where axe runs; the one thing 长辈模式 checks in its place with that sweep.
if (sizes.includes('normal')) {
  it('the audit finds what it looks for: a faint text, an image without alt, a button without a name', async () => {
    const { page, check, done } = await sweep('normal');
    await open(page, '#/pages/login/index', '.dev-login-member');
    await page.evaluate(() => document.querySelector('.taro_page').insertAdjacentHTML('afterbegin',
      '<div style="color:#ddd;background:#fff;font-size:24px">浅色文字</div><img src="x.png"><button style="width:60px;height:60px"></button>'));
    const found = await auditPhonePage(page, 'planted', 'normal');
    expect(found.map((f) => f.problem.split(':')[0]).sort()).toEqual(['axe critical button-name', 'axe critical image-alt', 'axe serious color-contrast']);
    // A fresh document after it: axe is evaluated into each new document, and the clean page passes.
    await open(page, '#/pages/login/index', '.dev-login-member');
    await check('login-after-planted');
    await done();
  }, 60_000);
}
if (sizes.includes('elder')) {
  it('in 长辈模式 the audit finds a box that scrolls but that the keyboard cannot reach', async () => {
    const { page, done } = await sweep('elder');
    await open(page, '#/pages/login/index', '.dev-login-member');
    await page.evaluate(() => document.querySelector('.taro_page').insertAdjacentHTML('afterbegin',
      '<div class="planted-scroller" style="height:60px;overflow-y:auto">长辈模式下文字变大，这段说明要在框里滚动才能看完，键盘却到不了这里，也就无法滚动查看。</div>'));
    const found = await auditPhonePage(page, 'planted', 'elder');
    expect(found.map((f) => f.problem)).toContain('scrolling box the keyboard cannot reach div.planted-scroller "长辈模式下文字变大，这段"');
    await open(page, '#/pages/login/index', '.dev-login-member');
    expect(await auditPhonePage(page, 'login-after-planted', 'elder')).toEqual([]);
    await done();
  }, 60_000);
}

describe.each<Size>(sizes)('every phone page at the %s size', (size) => {
  it('public pages: 建言, campaign, form, done, tracking, checklist, pioneer posts, login', async () => {
    const { page, check, visit, done } = await sweep(size);
    await open(page, '#/pages/feedback/index', '.campaign-card');
    if (size === 'elder') await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('kaimen-elder'))).toBe(true);
    await check('feedback-index');
    await visit(`#/pages/feedback/campaign?id=${CAMPAIGN}`, '.campaign-page__title', 'campaign', '征求意见活动');
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
    await visit(`#/pages/feedback/track?code=${trackingCode}`, '.tracked-reply__text', 'track', '查询办理进度');
    await visit(`#/pages/checklist/index?campaignId=${CAMPAIGN}`, '.checklist-page__title', 'checklist', '整改清单');
    await visit(`#/pages/pioneer/list?campaignId=${CAMPAIGN}`, '.pioneer-list-item', 'pioneer-list', '党员先锋岗');
    await visit('#/pages/pioneer/card?id=pp-demo-lj', '.pioneer-stars', 'pioneer-card', '党员先锋岗');
    await visit('#/pages/login/index', '.dev-login-member', 'login');
    await done();
  }, 180_000);

  it('member pages: 学习, topic, lessons, archive, check-in, 测试, quiz, 我的, games, messages, org life, pioneer card, self-inspection, PC sign-in', async () => {
    const { page, check, visit, done } = await sweep(size);
    await signIn(page, 'member');
    await visit('#/pages/study/index', '.study-topic', 'study-index');
    await visit('#/pages/study/topic?id=demo-topic-rule-of-law', '.study-lesson-row', 'study-topic', '学习专题');
    await visit('#/pages/study/lesson?id=demo-lesson-rl-1', '.lesson-title', 'lesson-article', '课程学习');
    await visit('#/pages/study/lesson?id=demo-lesson-rl-2', '.media-missing', 'lesson-audio-without-file');
    await visit('#/pages/study/archive', '.archive-totals', 'archive', '学习档案');
    await visit('#/pages/study/checkin', '.checkin-code', 'checkin', '集中学习签到');

    await visit('#/pages/quiz/index', '.quiz-card', 'quiz-index');
    await visit(`#/pages/quiz/take?quizId=${quizId}`, '.quiz-start', 'quiz-rules', '答题');
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
    await visit('#/pages/me/index', '.elder-switch', 'me');

    await open(page, '#/pages/games/index', '.game-entry');
    await visible(page, '.game-rank__row, .game-rank > .muted').first().waitFor();
    await subPage(page, '答题闯关');
    await check('games-index');
    await open(page, '#/pages/games/daily', '.game-dots');
    await subPage(page, '每日答题');
    if (await visible(page, '.game-option').count()) await answerGameQuestion(page);
    await check('games-daily');
    await visit('#/pages/games/challenge', '.game-start', 'games-challenge-start', '挑战答题');
    await visible(page, '.game-start').click();
    // A question, or the end card when an earlier run's time is up; never an error.
    await visible(page, '.game-question__stem, .games-challenge-end, .field-error').first().waitFor({ timeout: 30_000 });
    expect(await visible(page, '.field-error').count()).toBe(0);
    await check('games-challenge-run');
    await visit('#/pages/games/duel', '.duel-create', 'games-duel', '双人对战');
    // A card when makeAMistake found an open daily question (the games test may have used them up today).
    await visit('#/pages/games/mistakes', '.game-mistake, .status-block', 'games-mistakes', '错题本');

    await visit('#/pages/notify/index', '.inbox__item', 'notify-inbox', '消息');
    await visit('#/pages/notify/suggestions', '.my-sugg', 'notify-suggestions', '我的意见');

    await visit(`#/pages/orglife/checkin?code=${meeting.checkInCode}`, '.lesson-done', 'orglife-checkin-done', '组织生活签到');
    await visit('#/pages/orglife/checkin', '.orglife-checkin-code', 'orglife-checkin-form');
    await visit('#/pages/orglife/mine', '.orglife-my-row', 'orglife-mine', '我的组织生活');

    await visit('#/pages/pioneer/edit', '.pioneer-edit-page .card', 'pioneer-edit', '亮身份 · 亮承诺');
    await visit('#/pages/inspect/index', '.inspect-row', 'inspect-list', '自查事项报告');
    await visit(`#/pages/inspect/file?formId=${inspectFormId}`, '.inspect-file .card', 'inspect-file', '填报自查事项');
    await visit(`#/pages/login/pc?ticket=${pcTicket}`, '.pc-sign-in .card', 'login-pc', '登录电脑端管理后台');
    await done();
  }, 360_000);

  it('secretary: the tabs with the secretary\'s entries, 支部工作 and 组织生活', async () => {
    const { page, check, visit, done } = await sweep(size);
    await signIn(page, 'secretary');
    await visit('#/pages/study/index', '.study-topic', 'secretary-study-index');
    await visit('#/pages/quiz/index', '.quiz-tabs', 'secretary-quiz-index');
    await visit('#/pages/me/index', '.elder-switch', 'secretary-me');

    await open(page, '#/pages/secretary/index', '.secretary-tab');
    await subPage(page, '支部工作');
    for (const [n, tab] of ['roster', 'study', 'plans', 'reflections', 'scores'].entries()) {
      await visible(page, '.secretary-tab').nth(n).click();
      await expect.poll(() => visible(page, '.secretary-tab--on').textContent()).toBe(await visible(page, '.secretary-tab').nth(n).textContent());
      await page.waitForLoadState('networkidle');
      await check(`secretary-${tab}`);
    }

    await visit('#/pages/orglife/index', '.orglife-meeting-row', 'orglife-index', '组织生活');
    await visit('#/pages/orglife/record', '.orglife-person', 'orglife-record', '登记组织生活');
    await visit(`#/pages/orglife/meeting?id=${meeting.id}`, '.orglife-qr', 'orglife-meeting', '会议详情');
    await done();
  }, 240_000);
});
