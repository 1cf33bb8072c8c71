// The public campaign page (what the QR poster at a service window opens) on a slow phone network:
// time until 我要建言 is usable and the bytes downloaded before then, against an empty page under the
// same throttling and the same page unthrottled, all in one run. Also the weapp package sizes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { chromiumPath, CHROMIUM_FLAGS } from '../scripts/lib/chromium';
import { root } from '../scripts/lib/env';
import { serveH5 } from '../scripts/lib/static-server';
import { startBenchStack } from './lib/stack';
import { kb, median } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS) || 5;
const CAMPAIGN = 'demo-lj-2026';
/** A mid-range phone on a poor mobile network (Lighthouse's "slow 4G" is 1.6 Mbit/s, 150 ms). */
const PHONE = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 };
const TARGET = { bytes: 150 * 1024, ms: 3000 };

/** BENCH_H5_DIR: measure another H5 build (e.g. a copy of the one before a change) instead of this one. */
const h5Dir = resolve(root, process.env.BENCH_H5_DIR ?? 'miniapp/dist/h5');
const weappDir = resolve(root, 'miniapp/dist/weapp');
const rebuild = process.env.BENCH_REBUILD === '1';
if (!process.env.BENCH_H5_DIR && (rebuild || !existsSync(join(h5Dir, 'index.html')))) execFileSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'ignore' });
if (rebuild || !existsSync(join(weappDir, 'app.json'))) execFileSync('npm', ['run', 'build:weapp'], { cwd: root, stdio: 'ignore' });

interface Load { ms: number; bytes: number; files: { url: string; bytes: number }[] }

/** Resolves when the campaign's 我要建言 button is on screen and enabled; records when, in page time. */
const WATCH_BUTTON = `(() => {
  const usable = () => [...document.querySelectorAll('.campaign-submit')].some((b) =>
    b.offsetParent !== null && b.textContent.trim() === '我要建言' && !b.hasAttribute('disabled') && !b.className.includes('disabled'));
  const mark = () => { if (!window.__usableAt && usable()) window.__usableAt = performance.now(); };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

async function measure(browser: Browser, url: string, throttled: boolean, ready: 'button' | 'load'): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PHONE.latency, downloadThroughput: PHONE.downloadThroughput, uploadThroughput: PHONE.uploadThroughput });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  }
  const urls = new Map<string, string>();
  const finished: { url: string; bytes: number; at: number }[] = [];
  let start = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url);
    if (!start && e.type === 'Document') start = e.timestamp;
  });
  cdp.on('Network.loadingFinished', (e) => finished.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength, at: e.timestamp }));
  await page.addInitScript(WATCH_BUTTON);
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  let ms = Date.now() - t0;
  if (ready === 'button') {
    await page.waitForFunction('window.__usableAt', undefined, { timeout: 120_000, polling: 200 });
    ms = await page.evaluate<number>('window.__usableAt');
  } else {
    ms = await page.evaluate<number>("performance.getEntriesByType('navigation')[0].duration");
  }
  // Everything that finished arriving before the moment the page was usable (CDP seconds → page ms).
  const before = finished.filter((f) => (f.at - start) * 1000 <= ms + 1);
  await context.close();
  return { ms, bytes: before.reduce((sum, f) => sum + f.bytes, 0), files: before.map(({ url: u, bytes }) => ({ url: u, bytes })) };
}

/** The campaign page as a phone shows it, to look at (bench/.out/phone-network-campaign.png). */
async function screenshot(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.campaign-submit:visible').waitFor();
  mkdirSync(resolve(root, 'bench/.out'), { recursive: true });
  await page.screenshot({ path: resolve(root, 'bench/.out/phone-network-campaign.png') });
  await context.close();
}

function sizeOf(path: string): number {
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((sum, f) => sum + sizeOf(join(path, f)), 0) : s.size;
}

/** The weapp's main package is everything outside the sub-package roots app.json lists. */
async function weappPackages(): Promise<{ name: string; bytes: number }[]> {
  const app = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(join(weappDir, 'app.json'), 'utf8'))) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const total = (dir: string): number => readdirSync(dir).reduce((sum, f) => {
    const p = join(dir, f);
    if (roots.includes(relative(weappDir, p))) return sum;
    return sum + (statSync(p).isDirectory() ? total(p) : /\.map$/.test(f) ? 0 : statSync(p).size);
  }, 0);
  return [{ name: 'main package', bytes: total(weappDir) }, ...roots.map((r) => ({ name: `sub-package \`${r}\``, bytes: sizeOf(join(weappDir, r)) }))];
}

const stack = await startBenchStack();
const h5 = await serveH5(h5Dir, stack.url, 0, '127.0.0.1', {}, { gzip: true });
const empty = await serveH5(resolve(root, 'bench/lib/empty-page'), stack.url, 0, '127.0.0.1', {}, { gzip: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
const link = `${h5.url}/#/pages/feedback/campaign?id=${CAMPAIGN}`;
try {
  await measure(browser, link, false, 'button'); // warm-up: the API's first requests, the server's gzip cache
  const page: Load[] = [];
  const fast: Load[] = [];
  const floor: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(await measure(browser, `${empty.url}/`, true, 'load'));
    page.push(await measure(browser, link, true, 'button'));
    fast.push(await measure(browser, link, false, 'button'));
  }
  await screenshot(browser, link);
  const mid = (runs: Load[]) => ({ ms: median(runs.map((r) => r.ms)), bytes: median(runs.map((r) => r.bytes)) });
  const [p, f, e] = [mid(page), mid(fast), mid(floor)];
  const sample = page[Math.floor(RUNS / 2)]!;
  const files = sample.files.map((x) => `| \`${x.url.replace(h5.url, '').replace(stack.url, 'API ')}\` | ${kb(x.bytes)} |`);
  const packages = await weappPackages();
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  console.log(`## phone-network

The public campaign link (\`#/pages/feedback/campaign?id=${CAMPAIGN}\`, the QR poster's address) opened in Chromium with a fresh cache,
throttled through CDP to ${PHONE.downloadThroughput * 8 / 1024 / 1024} Mbit/s down, ${PHONE.latency} ms RTT and ${PHONE.cpu}× CPU slowdown; the H5 build is served
gzipped (as a web server would) with the API under serverless-offline. *Usable*: the 我要建言 button is on screen and enabled.
Bytes: what crossed the wire (gzipped transfer sizes, headers included) before that moment. Median of ${RUNS} runs each.

| run | time to usable | bytes before usable | ratio to the empty page |
| --- | ---: | ---: | ---: |
| empty HTML page, throttled (baseline) | ${Math.round(e.ms)} ms | ${kb(e.bytes)} | 1.00× |
| campaign page, throttled | **${Math.round(p.ms)} ms** ${mark(p.ms < TARGET.ms)} | **${kb(p.bytes)}** ${mark(p.bytes <= TARGET.bytes)} | ${(p.ms / e.ms).toFixed(2)}× |
| campaign page, unthrottled | ${Math.round(f.ms)} ms | ${kb(f.bytes)} | ${(f.ms / e.ms).toFixed(2)}× |

Targets: under ${TARGET.ms / 1000} s and at most ${kb(TARGET.bytes)} on the throttled profile.

What the throttled page downloaded before it was usable (one median run):

| request | transferred |
| --- | ---: |
${files.join('\n')}

The weapp build (\`miniapp/dist/weapp\`, source maps excluded; limit 2 MB per package, our target < 1 MB for the main package):

| package | size |
| --- | ---: |
${packages.map((x) => `| ${x.name} | ${kb(x.bytes)} |`).join('\n')}
`);
} finally {
  await browser.close();
  await h5.close();
  await empty.close();
  await stack.stop();
}
