// Private by construction: after the page's own files load, nothing is
// requested, whatever the user does; the CSP forbids connections; and header
// text never runs as HTML (the XSS battery).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, paste, analyzed, clickSample, SAMPLES } from './browser.mjs';

const env = useBrowser();

test('the page loads only its own three files, then makes no request at all', async () => {
  const { page, errors, requests, close } = await open(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.waitForLoadState('networkidle');
  assert.deepEqual(requests.map((u) => new URL(u).pathname).sort(), ['/', '/page.css', '/page.js']);
  for (const url of requests) assert.equal(new URL(url).origin, new URL(env.server.url).origin);
  const loaded = requests.length;

  // Everything a person does: samples, typing, records, panels, filter, copy, share, theme.
  for (const id of SAMPLES) await clickSample(page, id);
  await analyzed(page, () => page.locator('mail-verdict textarea').pressSequentially('\nX-Test: typed', { delay: 2 }));
  await page.locator('mail-verdict summary', { hasText: 'DNS records' }).click();
  await analyzed(page, () => page.getByLabel('SPF record of the MAIL FROM domain').fill('v=spf1 include:sendgrid.net -all'));
  await page.locator('mail-verdict details.headers > summary').click();
  await page.getByLabel('Filter').fill('received');
  await page.locator('mail-verdict details.raw > summary').click();
  await page.locator('mail-verdict button[data-action="copy-markdown"]').click();
  await page.locator('mail-verdict button[data-action="copy-text"]').click();
  await page.locator('#share-create').click();
  await page.locator('#share-link').inputValue();
  await page.locator('#theme-toggle').click();
  await page.waitForTimeout(300);
  assert.deepEqual(requests.slice(loaded), [], 'requests after load');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await close();
});

test('the core\u2019s idle-time warm-up requests nothing and changes nothing on screen', async () => {
  const { page, errors, requests, close } = await open(env.browser, env.server.url);
  await page.waitForLoadState('networkidle');
  const loaded = requests.length;
  const done = await page.waitForFunction(() => performance.getEntriesByName('mail-verdict-warm')[0]?.detail ?? null,
    null, { timeout: 30000 });
  const { runs, times } = await done.jsonValue();
  assert.ok(runs > 0 && times.length === runs);
  const state = await page.evaluate(() => {
    const el = document.querySelector('mail-verdict');
    return { report: el.report, value: el.value, shown: el.shadowRoot.querySelector('.output').childElementCount,
      status: el.shadowRoot.querySelector('.status').textContent, hasReport: el.hasAttribute('data-has-report') };
  });
  assert.deepEqual(state, { report: null, value: '', shown: 0, status: '', hasReport: false });
  assert.deepEqual(requests.slice(loaded), [], 'requests after load');
  assert.deepEqual(errors, []);
  await close();
});

test('the Content-Security-Policy forbids connections and inline script', async () => {
  const { page, close } = await open(env.browser, env.server.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:/);
  const outcome = await page.evaluate(async () => {
    const tries = {};
    try { await fetch('/page.css'); tries.fetch = 'sent'; } catch { tries.fetch = 'blocked'; }
    try {
      await new Promise((resolve, reject) => {
        const x = new XMLHttpRequest();
        x.open('GET', '/page.css');
        x.onload = resolve; x.onerror = reject;
        x.send();
      });
      tries.xhr = 'sent';
    } catch { tries.xhr = 'blocked'; }
    window.__inline = 0;
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    tries.inline = window.__inline === 1 ? 'ran' : 'blocked';
    return tries;
  });
  assert.deepEqual(outcome, { fetch: 'blocked', xhr: 'blocked', inline: 'blocked' });
  await close();
});

// Header text that would run if it were ever parsed as HTML.
const BATTERY = [
  'From: "<img src=x onerror=window.__pwned++>" <attacker@evil.example>',
  'To: <script>window.__pwned++</script>@victim.example',
  'Subject: </textarea><script>window.__pwned++</script><textarea>',
  'Reply-To: "javascript:window.__pwned++" <a@evil.example>',
  'List-Unsubscribe: <javascript:window.__pwned++>, <https://evil.example/x"><svg onload=window.__pwned++>>',
  'Authentication-Results: <script>window.__pwned++</script>; spf=fail smtp.mailfrom=evil.example;',
  ' dkim=pass header.d=<iframe/srcdoc="<script>parent.__pwned++</script>">; dmarc=fail header.from=evil.example',
  'Received: from <b onmouseover=window.__pwned++>x</b> (unknown [10.0.0.1]) by mx.victim.example',
  '  with ESMTP id <style>*{display:none}</style>; Tue, 3 Jun 2025 14:02:08 +0000',
  'X-Note: <a href="javascript:window.__pwned++">click</a> &lt;entity&gt; ${window.__pwned++}',
  '',
].join('\n');

const LITERALS = ['<img src=x onerror=window.__pwned++>', '<script>window.__pwned++</script>',
  '</textarea><script>window.__pwned++</script><textarea>', 'javascript:window.__pwned++',
  '<a href="javascript:window.__pwned++">click</a> &lt;entity&gt;'];

async function assertInert(page) {
  const found = await page.evaluate(() => {
    const roots = [document, document.querySelector('mail-verdict').shadowRoot];
    const count = (sel) => roots.reduce((n, r) => n + r.querySelectorAll(sel).length, 0);
    return {
      pwned: window.__pwned,
      img: count('img'), iframe: count('iframe'), svg: count('svg'), b: count('b'), style: count('style'),
      scripts: document.querySelectorAll('script').length,
      jsLinks: count('a[href^="javascript" i]'),
      textareas: document.querySelector('mail-verdict').shadowRoot.querySelectorAll('textarea').length,
    };
  });
  assert.deepEqual(found, { pwned: 0, img: 0, iframe: 0, svg: 0, b: 0, style: 0, scripts: 1, jsLinks: 0, textareas: 1 });
}

test('the XSS battery: hostile header text shows literally and nothing runs', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  await page.evaluate(() => { window.__pwned = 0; });
  const report = await analyzed(page, () => paste(page, BATTERY));
  assert.equal(report.input.kind, 'headers');
  await page.locator('mail-verdict details.headers > summary').click();
  await page.locator('mail-verdict details.raw > summary').click();
  const shown = await page.locator('mail-verdict .output').textContent();
  for (const literal of LITERALS) assert.ok(shown.includes(literal), `not shown literally: ${literal}`);
  assert.equal(await page.locator('mail-verdict .raw-text').textContent(), BATTERY);
  // Hovering and clicking through the results runs nothing either.
  await page.locator('mail-verdict .headers-table tbody tr').first().hover();
  await page.waitForTimeout(100);
  await assertInert(page);
  assert.deepEqual(errors, []);
  await close();
});

test('the XSS battery through a share link and through a file', async () => {
  const first = await open(env.browser, env.server.url);
  await analyzed(first.page, () => paste(first.page, BATTERY));
  await first.page.locator('#share-redact').uncheck();
  await first.page.locator('#share-create').click();
  // The link is made asynchronously (CompressionStream): wait for it.
  await first.page.waitForFunction(() => document.querySelector('#share-link').value !== '');
  const link = await first.page.locator('#share-link').inputValue();
  await first.close();

  const { page, errors, close } = await open(env.browser, link);
  await page.evaluate(() => { window.__pwned = 0; });
  await page.locator('mail-verdict .verdict-headline').waitFor();
  assert.equal(await page.locator('mail-verdict textarea').inputValue(), BATTERY);
  await page.locator('mail-verdict details.raw > summary').click();
  await analyzed(page, () => page.locator('mail-verdict input[type=file]')
    .setInputFiles({ name: '<img src=x onerror=window.__pwned++>.eml', mimeType: 'text/plain', buffer: Buffer.from(BATTERY) }));
  assert.match(await page.locator('mail-verdict .status').textContent(), /Opened <img src=x onerror=window.__pwned\+\+>\.eml/);
  await assertInert(page);
  assert.deepEqual(errors, []);
  await close();
});
