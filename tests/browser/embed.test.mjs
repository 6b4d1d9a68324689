// The widget as a help site embeds it: one script tag, one element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, analyzed } from './browser.mjs';

const env = useBrowser();

const HEADERS = 'From: Northwind Traders <orders@northwind-traders.com>\n' +
  'Authentication-Results: spf=pass (sender IP is 167.89.12.4) smtp.mailfrom=bounces.sendgrid.net;\n' +
  ' dkim=pass (signature was verified) header.d=sendgrid.net;dmarc=fail action=oreject\n' +
  ' header.from=northwind-traders.com;compauth=fail reason=000\n';

test('embed.html loads one module and the element analyzes its value attribute', async () => {
  const { page, errors, requests, close } = await open(env.browser, `${env.server.url}embed.html`);
  const report = await analyzed(page, () => page.locator('mail-verdict').evaluate((el, v) => el.setAttribute('value', v), HEADERS));
  assert.equal(report.verdict.status, 'problem');
  // The host page heard the event (bubbles + composed) and read the report.
  await page.locator('#event-log', { hasText: 'verdict "problem"' }).waitFor();
  assert.deepEqual(await page.locator('mail-verdict').evaluate((el) => el.report), report);
  const paths = requests.map((u) => new URL(u).pathname).sort();
  assert.deepEqual(paths, ['/embed.css', '/embed.html', '/embed.js', '/mail-verdict.js']);
  assert.deepEqual(errors, []);
  await close();
});

test('the event bubbles out of the shadow root and is composed', async () => {
  const { page, errors, close } = await open(env.browser, `${env.server.url}embed.html`);
  const seen = await page.evaluate(async (v) => {
    const el = document.querySelector('mail-verdict');
    const got = new Promise((resolve) => document.body.addEventListener('mail-verdict-analyzed',
      (e) => resolve({ bubbles: e.bubbles, composed: e.composed, status: e.report.verdict.status, target: e.target.id }), { once: true }));
    el.value = v;
    return got;
  }, HEADERS);
  assert.deepEqual(seen, { bubbles: true, composed: true, status: 'problem', target: 'checker' });
  assert.deepEqual(errors, []);
  await close();
});

test('compact keeps the verdict, causes and fixes; theme and custom properties apply', async () => {
  const { page, errors, close } = await open(env.browser, `${env.server.url}embed.html`, { colorScheme: 'light' });
  await analyzed(page, () => page.locator('mail-verdict').evaluate((el, v) => { el.value = v; }, HEADERS));
  assert.ok(await page.locator('mail-verdict .auth-table').count() > 0);
  await page.locator('mail-verdict').evaluate((el) => el.setAttribute('compact', ''));
  assert.equal(await page.locator('mail-verdict .auth-table').count(), 0);
  assert.equal(await page.locator('mail-verdict .verdict').count(), 1);
  assert.ok(await page.locator('mail-verdict .fixes li').count() > 0);
  assert.equal(await page.locator('mail-verdict .records').isVisible(), false);
  // The article's accent colour reaches the button inside the shadow root.
  const accent = await page.locator('mail-verdict button.analyze').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(accent, 'rgb(138, 59, 18)');
  const fg = () => page.locator('mail-verdict .verdict-headline').evaluate((e) => getComputedStyle(e).color);
  const light = await fg();
  await page.locator('mail-verdict').evaluate((el) => el.setAttribute('theme', 'dark'));
  assert.notEqual(await fg(), light);
  assert.deepEqual(errors, []);
  await close();
});

test('a second element on the same page works on its own; define() is idempotent', async () => {
  const { page, errors, close } = await open(env.browser, `${env.server.url}embed.html`);
  const status = await page.evaluate(async (v) => {
    const Ctor = customElements.get('mail-verdict');
    Ctor.define();
    const el = document.createElement('mail-verdict');
    el.setAttribute('compact', '');
    document.body.append(el);
    const got = new Promise((resolve) => el.addEventListener('mail-verdict-analyzed', (e) => resolve(e.report.verdict.status)));
    el.value = v;
    return got;
  }, 'From: a@example.com\n');
  assert.ok(['ok', 'unknown', 'warning', 'problem'].includes(status));
  assert.equal(await page.locator('#checker').evaluate((el) => el.report), null);
  assert.deepEqual(errors, []);
  await close();
});
