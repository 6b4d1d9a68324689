// The served page in real Chromium: paste headers, read the rendered verdict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve } from './browser.mjs';
import { fixturesDir } from '../js/paths.mjs';

let browser;
let server;

before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url);
  return { page, errors };
}

// Pastes text into the element's textarea the way a user does (a paste event).
async function paste(page, text) {
  const area = page.locator('mail-verdict textarea');
  await area.focus();
  await area.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.value = t;
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

test('pasting the SendGrid example shows the unaligned DMARC verdict and the fix list', async () => {
  const { page, errors } = await openPage();
  await paste(page, readFileSync(join(fixturesDir, 'sendgrid-unaligned-microsoft', 'input.txt'), 'utf8'));
  const headline = page.locator('mail-verdict .verdict-headline');
  await headline.waitFor();
  const text = await headline.textContent();
  assert.match(text, /DMARC failed/);
  assert.match(text, /sendgrid\.net/);
  assert.match(text, /northwind-traders\.com/);
  assert.equal(await page.locator('mail-verdict .verdict').getAttribute('class'), 'verdict verdict-problem');
  const fixes = await page.locator('mail-verdict .fixes > ol > li > strong').allTextContents();
  assert.ok(fixes.length >= 3, `fix list: ${fixes}`);
  assert.match(fixes[0], /DKIM/);
  const evidence = await page.locator('mail-verdict .evidence-line').allTextContents();
  assert.ok(evidence.some((e) => e.includes('smtp.mailfrom=bounces.sendgrid.net')));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Analyze button works and the event carries the report', async () => {
  const { page, errors } = await openPage();
  const reportPromise = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('mail-verdict-analyzed', (e) => resolve(e.report), { once: true });
  }));
  await page.locator('mail-verdict textarea').fill('From: a@shop.example.co.uk\n' +
    'Authentication-Results: mx.example.net; dkim=pass header.d=mail.example.co.uk; dmarc=pass\n');
  await page.locator('mail-verdict button.analyze').click();
  const report = await reportPromise;
  assert.equal(report.verdict.status, 'ok');
  assert.equal(report.authentication.dkim[0].aligned, true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('bad input gives a clear message, and header text is never run as HTML', async () => {
  const { page, errors } = await openPage();
  await paste(page, '');
  await paste(page, 'x'.repeat(5 * 1024 * 1024));
  await page.locator('mail-verdict .verdict-headline').waitFor();
  assert.match(await page.locator('mail-verdict .verdict-headline').textContent(), /No email headers/);

  await page.evaluate(() => { window.__pwned = 0; });
  const hostile = 'From: "<img src=x onerror=window.__pwned++>" <a@evil.example>\n' +
    'Authentication-Results: <script>window.__pwned++</script>; spf=fail smtp.mailfrom=evil.example;' +
    ' dmarc=fail header.from=evil.example\n';
  await paste(page, hostile);
  await page.waitForFunction(() => document.querySelector('mail-verdict')?.report?.causes?.length > 0);
  const evidence = await page.locator('mail-verdict .evidence-line').allTextContents();
  assert.ok(evidence.some((e) => e.includes('<img src=x onerror=window.__pwned++>')), evidence.join('\n'));
  assert.equal(await page.evaluate(() => window.__pwned), 0);
  assert.equal(await page.locator('mail-verdict img').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
