// The page's weight: at most 250 KB gzipped in total (HTML + CSS + JS + wasm).
//
// The wasm core grows with every diagnosis issue: this test fails when the
// page goes over budget. MAILVERDICT_SIZE_STRICT=0 reports it as a TODO with
// the measured size instead (for a work in progress, never in CI).
// `npm run bench:size` prints the details.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageSizes } from '../../tools/size.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webDir } from './paths.mjs';

const s = pageSizes(webDir);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const over = s.total.gzip > s.budget;
const strict = process.env.MAILVERDICT_SIZE_STRICT !== '0';

test(`the page is at most ${kb(s.budget)} gzipped (now ${kb(s.total.gzip)}, of which the wasm ${kb(s.wasm?.gzip ?? 0)})`,
  { todo: over && !strict ? `OVER BUDGET by ${kb(s.total.gzip - s.budget)}: shrink the wasm core` : false }, () => {
    assert.ok(s.total.gzip <= s.budget, `page: ${s.total.gzip} bytes gzipped`);
  });

test('the offline file is one file of about the page\u2019s size, and page.js carries the wasm', () => {
  assert.ok(s.offline.gzip <= s.total.gzip + 8 * 1024, `offline: ${s.offline.gzip} vs page ${s.total.gzip}`);
  assert.ok(s.page.find((f) => f.file === 'page.js').raw > 100 * 1024);
  assert.ok(s.wasm.gzip < s.total.gzip);
});

test('page.js and mail-verdict.js open with Chromium\u2019s compile hint; the offline page\u2019s inline script does not carry it', () => {
  for (const file of ['page.js', 'mail-verdict.js']) {
    assert.ok(readFileSync(join(webDir, file), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), file);
  }
  assert.ok(!readFileSync(join(webDir, 'mailverdict-offline.html'), 'utf8').includes('allFunctionsCalledOnLoad'));
});
