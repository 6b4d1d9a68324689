// The offline single file, opened from disk with every network request
// blocked: it analyzes each sample exactly as the served page does, makes no
// request, and still works after being saved again (as "Save page as" does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { useBrowser, open, clickSample, offlineUrl, SAMPLES } from './browser.mjs';
import { webDir } from '../js/paths.mjs';

const env = useBrowser();

test('the offline file refers to no other file', () => {
  const html = readFileSync(join(webDir, 'mailverdict-offline.html'), 'utf8');
  const outsideScript = html.replace(/<script type="module">[\s\S]*?<\/script>/, '');
  assert.doesNotMatch(outsideScript, /\b(src|href)="(?!data:|#)/);
  assert.equal((html.match(/<script\b/g) ?? []).length, 1);
  assert.doesNotMatch(html, /<link rel="stylesheet"/);
  assert.match(html, /connect-src 'none'/);
  assert.match(html, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
});

test('from file:// with the network off, every sample gives the same report as the served page', async () => {
  const served = await open(env.browser, env.server.url);
  const offline = await open(env.browser, offlineUrl, { offline: true });
  for (const id of SAMPLES) {
    const a = await clickSample(served.page, id);
    const b = await clickSample(offline.page, id);
    assert.deepEqual(b, a, id);
    assert.equal(await offline.page.locator('mail-verdict .verdict-headline').textContent(), a.verdict.headline);
  }
  assert.deepEqual(offline.requests, [offlineUrl]);
  assert.deepEqual(await offline.page.evaluate(() => window.__violations), []);
  assert.deepEqual(offline.errors, []);
  assert.deepEqual(served.errors, []);
  await served.close();
  await offline.close();
});

test('a saved copy of the offline page (its DOM written back to disk) still works', async () => {
  const first = await open(env.browser, offlineUrl, { offline: true });
  await clickSample(first.page, 'sendgrid-unaligned');
  const html = await first.page.content();
  await first.close();
  const file = join(mkdtempSync(join(tmpdir(), 'mv-saved-')), 'saved.html');
  writeFileSync(file, html);
  const saved = await open(env.browser, pathToFileURL(file).href, { offline: true });
  const report = await clickSample(saved.page, 'clean-pass');
  assert.equal(report.schema, 1);
  assert.equal(await saved.page.locator('[data-sample]').count(), 4);
  assert.deepEqual(saved.errors, []);
  await saved.close();
});
