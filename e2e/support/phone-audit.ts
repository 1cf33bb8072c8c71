import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { root } from '../../scripts/lib/env';

// Browser globals inside page.evaluate (the e2e files are typed for Node).
declare const document: any, getComputedStyle: any, NodeFilter: any, requestAnimationFrame: any;
type Element = any;


export type Size = 'normal' | 'elder';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Where `npm test` leaves the phone screenshots for a reviewer: `.test-artifacts/phone/<page>-<size>.png`. */
export const phoneShotDir = resolve(root, '.test-artifacts/phone');

export interface Finding {
  page: string;
  size: Size;
  problem: string;
}

/** The size rules of the phone pages (issue 18): tap targets 44×44 px, text 16 px (20 px in 长辈模式, its smallest size). */
export const MIN_TAP_PX = 44;
export const MIN_TEXT_PX: Record<Size, number> = { normal: 16, elder: 20 };

/**
 * What a finger can tap. Taro's onClick leaves no trace in the DOM, so clickable views carry a role
 * (button, tab, link…); the class names are a safety net for the ones that must have it.
 */
const TAP_TARGETS = [
  'button', 'a[href]', 'input:not([type=hidden])', 'textarea', 'select',
  '[role=button]', '[role=link]', '[role=tab]', '[role=radio]', '[role=checkbox]', '[role=switch]', '[role=option]',
  '.nut-button', 'taro-button-core', 'taro-picker-core', '[class*="entry"]:not([class*="entry__"])', '.choice-chip',
  '.quiz-option', '.quiz-card', '.campaign-card', '.study-topic', '.study-lesson-row',
  '.game-option', '.game-rank__tab', '.secretary-tab', '.orglife-person__toggle', '.orglife-meeting-row',
  '.orglife-field__box', '.inbox__item', '.my-sugg',
].join(', ');

/** axe-core's serious and critical WCAG 2.1 A/AA findings on the page. */
async function axeFindings(page: Page, name: string, size: Size): Promise<Finding[]> {
  // The whole document: pages opened earlier stay in the DOM but hidden, and axe skips hidden content.
  // Legacy mode runs axe.run in the page itself: the default opens a blank page for every analysis to
  // merge frame results (the pages have no frames), which cost three quarters of the sweep's time.
  // axe-core is evaluated once per document here: AxeBuilder evaluates the source it is given twice per
  // analysis (550 KB each time), so it is given a no-op and finds window.axe in place.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const axe = await new AxeBuilder({ page, axeSource: ';' })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
    return { page: name, size, problem: `axe ${v.impact} ${v.id}: ${v.help} @ ${where}` };
  });
}

/**
 * Checks the page on screen (the visible Taro page only): axe-core (WCAG 2.1 A/AA; serious and critical
 * findings; in 长辈模式 only its rule that size can change, as a check of its own), tap targets smaller
 * than 44×44, text smaller than 16 px (20 px in 长辈模式), text cut off by its box or running off the
 * screen; then takes the full-page screenshot.
 */
export async function auditPhonePage(page: Page, name: string, size: Size): Promise<Finding[]> {
  const findings: Finding[] = [];
  // Let fonts and late layout settle before measuring (two frames after the fonts are in).
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));

  // 长辈模式 changes sizes only (the .kaimen-elder variables in app.scss), never the DOM or its colours, and
  // larger text only relaxes axe's contrast thresholds: axe finds there what it finds at the normal size
  // (evaluating it into each page's document was a third of the 长辈模式 sweep), but for a box that only
  // scrolls once the text is larger: the check below looks for that one (axe's scrollable-region-focusable).
  // Text spilling onto another background is the one contrast case left to the checks below and the screenshot.
  if (size === 'normal') findings.push(...(await axeFindings(page, name, size)));

  const measured = await page.evaluate(({ minTap, minText, targetSelector, elder }) => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none' && r.right > 0 && r.bottom > 0;
    };
    const pageRoot = [...document.querySelectorAll('.taro_page')].find((p) => getComputedStyle(p).display !== 'none') ?? document.body;
    const label = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 12)}"`;
    const out: string[] = [];
    const targets = pageRoot.querySelectorAll(targetSelector);
    for (const el of targets) {
      if (!shown(el) || el.closest('.website-field')) continue;
      // A tap anywhere on a control's <label> works the control: the label is the target.
      const r = ((el.matches('input, select, textarea') && el.closest('label')) || el).getBoundingClientRect();
      if (r.width < minTap - 0.5 || r.height < minTap - 0.5) out.push(`tap target ${Math.round(r.width)}×${Math.round(r.height)} ${label(el)}`);
    }
    const walker = document.createTreeWalker(pageRoot, NodeFilter.SHOW_TEXT);
    const small = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || !shown(el) || el.closest('.website-field, .taro-tabbar__tabbar')) continue;
      if (parseFloat(getComputedStyle(el).fontSize) < minText - 0.05) small.add(el);
    }
    // What is typed (and the placeholder) is text too, though not a text node.
    for (const el of pageRoot.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea, select')) {
      if (shown(el) && !el.closest('.website-field') && parseFloat(getComputedStyle(el).fontSize) < minText - 0.05) small.add(el);
    }
    for (const el of small) out.push(`text ${getComputedStyle(el).fontSize} ${label(el)}`);

    // Text that does not fit: cut off by a box that hides its overflow, or running past the screen's edge.
    const width = document.documentElement.clientWidth;
    // Inside a box that scrolls sideways on purpose (a row of tabs), text past the edge is reachable.
    const scrolls = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== pageRoot; p = p.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    for (const el of pageRoot.querySelectorAll('*')) {
      if (!shown(el) || el.closest('.website-field, .taro-tabbar__tabbar')) continue;
      const own = [...el.childNodes].some((c: any) => c.nodeType === 3 && (c.textContent ?? '').trim());
      if (!own) continue;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const hides = (v: string) => v === 'hidden' || v === 'clip';
      if ((hides(s.overflowX) || s.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1) out.push(`text cut off (${el.scrollWidth}>${el.clientWidth} px wide) ${label(el)}`);
      else if (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1) out.push(`text cut off (${el.scrollHeight}>${el.clientHeight} px high) ${label(el)}`);
      else if ((r.right > width + 1 || r.left < -1) && !scrolls(el)) out.push(`text off the screen (${Math.round(r.left)}–${Math.round(r.right)} of ${width} px) ${label(el)}`);
    }
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways (${document.documentElement.scrollWidth} px wide)`);
    if (elder) {
      // A box that scrolls must be reachable from the keyboard: focusable, or holding something focusable.
      const focusable = 'a[href], button, input, select, textarea, [contenteditable], [tabindex]:not([tabindex="-1"])';
      for (const el of pageRoot.querySelectorAll('*')) {
        const s = getComputedStyle(el);
        const scrollsX = ['auto', 'scroll'].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
        const scrollsY = ['auto', 'scroll'].includes(s.overflowY) && el.scrollHeight > el.clientHeight + 1;
        if ((scrollsX || scrollsY) && shown(el) && !el.matches(focusable) && !el.querySelector(focusable)) out.push(`scrolling box the keyboard cannot reach ${label(el)}`);
      }
    }
    return out;
  }, { minTap: MIN_TAP_PX, minText: MIN_TEXT_PX[size], targetSelector: TAP_TARGETS, elder: size === 'elder' });
  for (const problem of measured) findings.push({ page: name, size, problem });

  // Taro scrolls the page inside a box, so a full-page screenshot would stop at the window's edge:
  // make the window as tall as what the box holds, take the picture, and put the window back.
  const viewport = page.viewportSize()!;
  const hidden = await page.evaluate(() => {
    let extra = 0;
    for (const el of document.querySelectorAll('.taro_page, .taro-tabbar__panel, .taro_page *')) {
      const s = getComputedStyle(el);
      if (s.display === 'none' || !['auto', 'scroll'].includes(s.overflowY)) continue;
      extra = Math.max(extra, el.scrollHeight - el.clientHeight);
    }
    return extra;
  });
  mkdirSync(phoneShotDir, { recursive: true });
  if (hidden > 0) await page.setViewportSize({ width: viewport.width, height: Math.min(viewport.height + hidden, 8000) });
  // At CSS pixels (390 wide): readable, and far cheaper to encode than the phone's 2× pixels.
  await page.screenshot({ path: resolve(phoneShotDir, `${name}-${size}.png`), fullPage: true, scale: 'css' });
  if (hidden > 0) await page.setViewportSize(viewport);
  return findings;
}
