// Launches Debian's Chromium through playwright-core (never a downloaded
// browser), serves build/web on a free localhost port, and offers the helpers
// the browser suites share.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { webDir, repoRoot } from '../js/paths.mjs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

export function chromiumPath() {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(`Chromium not found (tried ${CANDIDATES.join(', ')}); run tools/setup`);
  return found;
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--allow-file-access-from-files'],
  });
}

export async function serve() {
  return startServer({ root: webDir, port: 0 });
}

export const offlineUrl = pathToFileURL(join(webDir, 'mailverdict-offline.html')).href;

/** Where screenshots go for review. */
export function screenshotDir() {
  const dir = join(repoRoot, 'build', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Opens `url` in a fresh context. Collects page errors, console errors and
 * CSP violations in `errors`, and every request in `requests`.
 * With `offline`, the context has no network at all and every http(s)
 * request is aborted.
 */
export async function open(browser, url, { offline = false, viewport, colorScheme, bypassCSP = false, permissions } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, bypassCSP, acceptDownloads: true });
  if (permissions) await context.grantPermissions(permissions, url.startsWith('http') ? { origin: new URL(url).origin } : undefined);
  if (offline) {
    await context.setOffline(true);
    await context.route(/^https?:/, (route) => route.abort());
  }
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('mail-verdict') !== undefined);
  return { context, page, errors, requests, close: () => context.close() };
}

/** Pastes text into the element's textarea the way a user does (a paste event). */
export async function paste(page, text, selector = 'mail-verdict') {
  const area = page.locator(`${selector} textarea`);
  await area.focus();
  await area.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.value = t;
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

/**
 * Waits for the next analysis after `action` to be shown whole, resolving to
 * its report: mail-verdict-analyzed fires when the verdict card is in place,
 * mail-verdict-rendered once the panels below it are in as well, and tests
 * read those panels.
 */
export async function analyzed(page, action) {
  const waiting = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('mail-verdict-analyzed', (e) => {
      const report = e.report;
      const rendered = (r) => {
        if (r.report !== report) return;
        document.removeEventListener('mail-verdict-rendered', rendered);
        resolve(report);
      };
      document.addEventListener('mail-verdict-rendered', rendered);
    }, { once: true });
  }));
  await page.evaluate(() => new Promise(requestAnimationFrame));
  await action();
  return waiting;
}

/** Clicks the sample button `id` and resolves to the report. */
export async function clickSample(page, id) {
  return analyzed(page, () => page.locator(`[data-sample="${id}"]`).click());
}

export const SAMPLES = ['microsoft-dmarc-reject', 'sendgrid-unaligned', 'forwarded', 'clean-pass'];

/**
 * Starts the static server and Chromium once for the calling test file
 * (node:test before/after hooks) and closes both when it ends. The returned
 * object's `browser` and `server` are set once the first test runs.
 */
export function useBrowser() {
  const env = { browser: null, server: null };
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
