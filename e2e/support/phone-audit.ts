import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { root } from '../../scripts/lib/env';

// Browser globals inside page.evaluate (the e2e files are typed for Node).
declare const document: any, getComputedStyle: any, NodeFilter: any;
type Element = any;


export type Size = 'normal' | 'elder';

/** Where `npm test` leaves the phone screenshots for a reviewer: `.test-artifacts/phone/<page>-<size>.png`. */
export const phoneShotDir = resolve(root, '.test-artifacts/phone');

export interface Finding {
  page: string;
  size: Size;
  problem: string;
}

/** The size rules of the phone pages (issue 18): tap targets 44×44 px, text 16 px. */
export const MIN_TAP_PX = 44;
export const MIN_TEXT_PX = 16;

/**
 * Checks the page on screen (the visible Taro page only): axe-core (WCAG 2.1 A/AA; serious and
 * critical findings), tap targets smaller than 44×44, text smaller than 16 px; then takes the
 * full-page screenshot.
 */
export async function auditPhonePage(page: Page, name: string, size: Size): Promise<Finding[]> {
  const findings: Finding[] = [];
  // Let fonts and late layout settle before measuring.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(300);

  // The whole document: pages opened earlier stay in the DOM but hidden, and axe skips hidden content.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of axe.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
    findings.push({ page: name, size, problem: `axe ${v.impact} ${v.id}: ${v.help} @ ${where}` });
  }

  const measured = await page.evaluate(({ minTap, minText }) => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none' && r.right > 0 && r.bottom > 0;
    };
    const pageRoot = [...document.querySelectorAll('.taro_page')].find((p) => getComputedStyle(p).display !== 'none') ?? document.body;
    const label = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 12)}"`;
    const out: string[] = [];
    const targets = pageRoot.querySelectorAll('button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=link], [role=tab], [role=radio], [role=checkbox], [role=switch], .nut-button, taro-button-core, taro-picker-core, [class*="entry"], .choice-chip, .quiz-option, .quiz-card, .campaign-card, .study-topic, .study-lesson-row');
    for (const el of targets) {
      if (!shown(el) || el.closest('.website-field')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < minTap - 0.5 || r.height < minTap - 0.5) out.push(`tap target ${Math.round(r.width)}×${Math.round(r.height)} ${label(el)}`);
    }
    const walker = document.createTreeWalker(pageRoot, NodeFilter.SHOW_TEXT);
    const small = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || !shown(el) || el.closest('.website-field, .taro-tabbar__tabbar')) continue;
      if (parseFloat(getComputedStyle(el).fontSize) < minText - 0.05) small.add(el);
    }
    for (const el of small) out.push(`text ${getComputedStyle(el).fontSize} ${label(el)}`);
    return out;
  }, { minTap: MIN_TAP_PX, minText: MIN_TEXT_PX });
  for (const problem of measured) findings.push({ page: name, size, problem });

  mkdirSync(phoneShotDir, { recursive: true });
  await page.screenshot({ path: resolve(phoneShotDir, `${name}-${size}.png`), fullPage: true });
  return findings;
}
