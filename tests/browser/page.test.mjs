// The served page in real Chromium: the whole flow a person goes through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { useBrowser, open, paste, analyzed, clickSample, SAMPLES } from './browser.mjs';
import { fixturesDir } from '../js/paths.mjs';

const env = useBrowser();

test('pasting the SendGrid example shows the unaligned DMARC verdict and the fix list', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  await paste(page, readFileSync(join(fixturesDir, 'sendgrid-unaligned-microsoft', 'input.txt'), 'utf8'));
  const headline = page.locator('mail-verdict .verdict-headline');
  await headline.waitFor();
  const text = await headline.textContent();
  assert.match(text, /DMARC failed/);
  assert.match(text, /sendgrid\.net/);
  assert.match(text, /northwind-traders\.com/);
  assert.equal(await page.locator('mail-verdict .verdict').getAttribute('class'), 'verdict verdict-problem');
  assert.match(await page.locator('mail-verdict .verdict-status').textContent(), /Problem found/);
  const fixes = await page.locator('mail-verdict .fixes > ol > li > strong').allTextContents();
  assert.ok(fixes.length >= 2, `fix list: ${fixes}`);
  assert.match(fixes[0], /DKIM/);
  // Evidence is shown in its field, with the proving part highlighted.
  const marks = await page.locator('mail-verdict .evidence-line mark').allTextContents();
  assert.ok(marks.length > 0, 'no highlighted evidence');
  const evidence = await page.locator('mail-verdict .evidence-line').allTextContents();
  assert.ok(evidence.some((e) => e.includes('smtp.mailfrom=bounces.sendgrid.net')), evidence.join('\n'));
  // The authentication panel puts the From: domain beside each identity.
  const auth = await page.locator('mail-verdict .auth-table tbody').textContent();
  assert.match(auth, /bounces\.sendgrid\.net/);
  assert.match(auth, /not aligned/);
  assert.deepEqual(errors, []);
  await close();
});

test('Japanese and Chinese encoded words read correctly in the page', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  // The ISO-2022-JP Subject of sisimai's lhost-postfix-29.eml; the core
  // leaves East Asian charsets to the browser's TextDecoder.
  await paste(page, 'From: =?Big5?B?pKSk5Q==?= <li@example.tw>\nTo: kijitora@example.jp\n' +
    'Subject: [TEST] =?ISO-2022-JP?B?GyRCJWYhPCU2ITxFUE8/GyhC?=\n' +
    'Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=example.tw; dmarc=pass header.from=example.tw\n');
  await page.locator('mail-verdict .verdict-headline').waitFor();
  const table = await page.locator('mail-verdict .headers-table').textContent();
  assert.match(table, /\[TEST\] ユーザー登録/);
  assert.match(table, /中文 <li@example\.tw>/);
  assert.doesNotMatch(table, /\?B\?GyRC|\?B\?pKSk/);
  assert.deepEqual(errors, []);
  await close();
});

test('the Analyze button works and the event carries the report', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  const report = await analyzed(page, async () => {
    await page.locator('mail-verdict textarea').fill('From: a@shop.example.co.uk\n' +
      'Authentication-Results: mx.example.net; dkim=pass header.d=mail.example.co.uk; dmarc=pass\n');
    await page.locator('mail-verdict button.analyze').click();
  });
  assert.equal(report.verdict.status, 'ok');
  assert.equal(report.authentication.dkim[0].aligned, true);
  assert.match(await page.locator('mail-verdict .verdict-status').textContent(), /No problem found/);
  assert.deepEqual(errors, []);
  await close();
});

test('typing analyzes after a pause, without pressing anything', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  await page.locator('mail-verdict textarea').pressSequentially('From: someone@example.org\nSubject: hi\n', { delay: 5 });
  // No button pressed: the debounced analysis catches up with the typing.
  await page.waitForFunction(() => document.querySelector('mail-verdict').report?.headers?.length === 2);
  assert.equal(await page.evaluate(() => document.querySelector('mail-verdict').report.input.kind), 'headers');
  assert.match(await page.locator('mail-verdict .announce').textContent(), /^[A-Z][a-z ]+: ./);
  assert.deepEqual(errors, []);
  await close();
});

test('every sample button gives a verdict with words and an icon', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  for (const id of SAMPLES) {
    const report = await clickSample(page, id);
    assert.ok(['ok', 'problem', 'warning', 'unknown'].includes(report.verdict.status), id);
    assert.ok(report.verdict.headline.length > 10, `${id}: ${report.verdict.headline}`);
    assert.equal(await page.locator('mail-verdict .verdict-headline').textContent(), report.verdict.headline);
    const status = await page.locator('mail-verdict .verdict-status').textContent();
    assert.match(status, /^(\u2714 No problem found|\u2716 Problem found|\u26A0 Warning|\? Cannot tell)$/, `${id}: ${status}`);
    // The source of the sample is named on its button.
    assert.match(await page.locator(`[data-sample="${id}"]`).getAttribute('title'), /^Source: /);
  }
  const sendgrid = await clickSample(page, 'sendgrid-unaligned');
  assert.equal(sendgrid.verdict.status, 'problem');
  const clean = await clickSample(page, 'clean-pass');
  assert.notEqual(clean.verdict.status, 'problem', clean.verdict.headline);
  assert.deepEqual(errors, []);
  await close();
});

test('a DMARC record typed into the optional field reaches the analysis', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  await clickSample(page, 'sendgrid-unaligned');
  await page.locator('mail-verdict summary', { hasText: 'DNS records' }).click();
  const report = await analyzed(page, () => page.getByLabel('DMARC record of the From: domain').fill('v=DMARC1; p=reject; adkim=s; aspf=s'));
  assert.equal(report.verdict.status, 'problem');
  assert.equal(await page.evaluate(() => document.querySelector('mail-verdict').dmarcRecord), 'v=DMARC1; p=reject; adkim=s; aspf=s');
  assert.deepEqual(errors, []);
  await close();
});

test('a file opens through the picker and by dropping it on the page', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  const text = readFileSync(join(fixturesDir, 'sendgrid-unaligned-microsoft', 'input.txt'));
  const picked = await analyzed(page, () => page.locator('mail-verdict input[type=file]')
    .setInputFiles({ name: 'message.eml', mimeType: 'message/rfc822', buffer: text }));
  assert.equal(picked.verdict.status, 'problem');
  assert.equal(await page.locator('mail-verdict textarea').inputValue(), text.toString('utf8'));

  await page.locator('[data-sample="clean-pass"]').click();
  const dropped = await analyzed(page, () => page.evaluate((t) => {
    const data = new DataTransfer();
    data.items.add(new File([t], 'bounce.txt', { type: 'text/plain' }));
    document.querySelector('footer').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text.toString('utf8')));
  assert.equal(dropped.verdict.status, 'problem');
  assert.deepEqual(errors, []);
  await close();
});

test('the report copies as Markdown and text, and downloads as JSON', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const report = await clickSample(page, 'sendgrid-unaligned');
  await page.locator('mail-verdict button[data-action="copy-markdown"]').click();
  await page.locator('mail-verdict .status', { hasText: 'Markdown' }).waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(md.startsWith(`## \u2716 PROBLEM: ${report.verdict.headline}`), md.slice(0, 200));
  assert.match(md, /### How to fix it\n\n1\. \*\*/);
  assert.match(md, /\| SPF \(MAIL FROM\) \| bounces\.sendgrid\.net \| pass \| not aligned \|/);

  await page.locator('mail-verdict button[data-action="copy-text"]').click();
  await page.locator('mail-verdict .status', { hasText: 'plain text' }).waitFor();
  const plain = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(plain.startsWith(`PROBLEM: ${report.verdict.headline}`));
  assert.doesNotMatch(plain, /[*#|`]{2}/);

  const [download] = await Promise.all([page.waitForEvent('download'),
    page.locator('mail-verdict button[data-action="download-json"]').click()]);
  assert.equal(download.suggestedFilename(), 'mailverdict-report.json');
  const file = join(mkdtempSync(join(tmpdir(), 'mv-')), 'r.json');
  await download.saveAs(file);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), report);

  // A copy button beside a value in the fix list copies exactly that value.
  const copyButton = page.locator('mail-verdict .fixes button.copy').first();
  const value = await copyButton.getAttribute('data-copy');
  await copyButton.click();
  await page.locator('mail-verdict .status', { hasText: `Copied ${value}` }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), value);
  assert.deepEqual(errors, []);
  await close();
});

test('the headers table filters, and the raw input is shown', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  const report = await clickSample(page, 'clean-pass');
  await page.locator('mail-verdict details.headers > summary').click();
  const rows = page.locator('mail-verdict .headers-table tbody tr');
  assert.equal(await rows.count(), report.headers.length);
  await page.getByLabel('Filter').fill('dkim-signature');
  const visible = await rows.evaluateAll((trs) => trs.filter((tr) => !tr.hidden).map((tr) => tr.querySelector('th').textContent));
  assert.ok(visible.length >= 1);
  assert.ok(visible.every((n) => /dkim-signature/i.test(n)), visible.join(','));
  await page.locator('mail-verdict details.raw > summary').click();
  assert.match(await page.locator('mail-verdict .raw-text').textContent(), /^Authentication-Results: test\.module;/);
  assert.deepEqual(errors, []);
  await close();
});

test('a share link carries the input in the fragment only, redacted, and restores the analysis', async () => {
  const { page, errors, requests, close } = await open(env.browser, env.server.url);
  const original = await clickSample(page, 'sendgrid-unaligned');
  assert.equal(await page.locator('#share-redact').isChecked(), true);
  await page.locator('#share-create').click();
  await page.waitForFunction(() => document.querySelector('#share-link').value !== '');  // made asynchronously
  const link = await page.locator('#share-link').inputValue();
  assert.ok(link.startsWith(`${env.server.url}#share=v1.`), link);
  assert.equal(new URL(link).search, '');
  assert.match(await page.locator('.share .warn').textContent(), /link contains the headers/);
  await close();

  const before = requests.length;
  const second = await open(env.browser, link);
  await second.page.locator('mail-verdict .verdict-headline').waitFor();
  const restored = await second.page.evaluate(() => document.querySelector('mail-verdict').report);
  const restoredText = await second.page.locator('mail-verdict textarea').inputValue();
  assert.doesNotMatch(restoredText, /orders@|jordan\.lee@/);
  assert.match(restoredText, /user\d+@northwind-traders\.com/);
  assert.equal(restored.verdict.headline, original.verdict.headline);
  assert.equal(await second.page.locator('#shared-note').isVisible(), true);
  // The server only ever saw the page's own files, never the fragment.
  for (const url of second.requests) assert.ok(!url.includes('share='), url);
  assert.ok(requests.length >= before);
  assert.deepEqual(second.errors, []);
  assert.deepEqual(errors, []);
  await second.close();

  // Without redaction the link restores the exact text.
  const third = await open(env.browser, env.server.url);
  await clickSample(third.page, 'forwarded');
  await third.page.locator('#share-redact').uncheck();
  await third.page.locator('#share-create').click();
  await third.page.waitForFunction(() => document.querySelector('#share-link').value !== '');  // made asynchronously
  const exact = await third.page.locator('#share-link').inputValue();
  const sampleText = await third.page.locator('mail-verdict textarea').inputValue();
  await third.close();
  const fourth = await open(env.browser, exact);
  await fourth.page.locator('mail-verdict .verdict-headline').waitFor();
  assert.equal(await fourth.page.locator('mail-verdict textarea').inputValue(), sampleText);
  await fourth.close();
});

test('the theme toggle switches the page and the element to dark and back', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url, { colorScheme: 'light' });
  await clickSample(page, 'clean-pass');
  const bg = () => page.locator('mail-verdict').evaluate((el) => getComputedStyle(el).getPropertyValue('--mv-fg').trim());
  const light = await bg();
  await page.locator('#theme-toggle').click();
  assert.equal(await page.locator('#theme-toggle').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('mail-verdict').getAttribute('theme'), 'dark');
  assert.notEqual(await bg(), light);
  await page.locator('#theme-toggle').click();
  assert.equal(await bg(), light);
  assert.deepEqual(errors, []);
  await close();
});

test('bad input gives a clear message', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  await paste(page, 'x'.repeat(5 * 1024 * 1024));
  await page.locator('mail-verdict .verdict-headline').waitFor();
  assert.match(await page.locator('mail-verdict .verdict-headline').textContent(), /No email headers/);
  const tmp = join(mkdtempSync(join(tmpdir(), 'mv-')), 'junk.eml');
  writeFileSync(tmp, Buffer.from([0, 1, 2, 255, 254, 0x80, 10, 13]));
  const report = await analyzed(page, () => page.locator('mail-verdict input[type=file]').setInputFiles(tmp));
  assert.equal(report.input.kind, 'not_email');
  assert.deepEqual(errors, []);
  await close();
});

test('at 360 px the antispam table keeps each field name on one line', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url, { viewport: { width: 360, height: 740 } });
  await clickSample(page, 'sendgrid-unaligned');
  await page.locator('mail-verdict .antispam-table').waitFor();
  const cells = await page.locator('mail-verdict .antispam-table th[scope="row"], mail-verdict .antispam-table thead th')
    .evaluateAll((els) => els.map((el) => ({
      text: el.textContent,
      whiteSpace: getComputedStyle(el).whiteSpace,
      lines: Math.round(el.firstChild?.getClientRects ? el.firstChild.getClientRects().length : 1),
    })));
  const fields = cells.filter((c) => c.text !== 'Value' && c.text !== 'Meaning' && c.text !== 'Drove the verdict');
  assert.ok(fields.length > 5, `field cells: ${JSON.stringify(cells)}`);
  for (const c of fields) {
    assert.equal(c.whiteSpace, 'nowrap', c.text);
    assert.equal(c.lines, 1, `${c.text} wraps`);
  }
  assert.deepEqual(errors, []);
  await close();
});
