import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The element lies wholly inside the window. */
export async function onScreen(locator: Locator, size: { width: number; height: number }): Promise<boolean> {
  const box = await locator.boundingBox();
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 1 && box.y + box.height <= size.height + 1;
}

/** An antd table shows all its columns without scrolling sideways, and neither does the page. */
export async function expectTableFits(page: Page, table: Locator): Promise<void> {
  const [scroll, client] = await table.locator('.ant-table-content, .ant-table-body').first().evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client!);
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
}
